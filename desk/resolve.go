package desk

import (
	"fmt"
	"slices"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// The names a person types — an account's code, an owner — matched as they
// are typed: without regard to case (SPEC §4: `log call okaf01` is OKAF01).
// The command line resolves them here before a use case runs, so every
// front end finds the same account by the same words.

// ResolveCode is the code of the account a person means by code: the
// account of that very code, else the one whose code differs only in case.
// An account not in the book is store.ErrNotFound, with the nearest code
// suggested ("did you mean OKAF01?"); two accounts whose codes differ only
// in case are named both, and neither is chosen.
func (d *Desk) ResolveCode(code string) (string, error) {
	p, err := d.st.FactsOf([]string{code})
	if err != nil {
		return "", err
	}
	if len(p.Facts) == 1 {
		return p.Facts[0].Account.Code, nil
	}
	// Every code is looked at: "dup" may be DUP or Dup, and a guess
	// (the upper-case one, say) would log a call on the wrong account.
	codes, err := d.codes()
	if err != nil {
		return "", err
	}
	var same []string
	for _, c := range codes {
		if strings.EqualFold(c, code) {
			same = append(same, c)
		}
	}
	switch len(same) {
	case 1:
		return same[0], nil
	case 0:
		msg := fmt.Sprintf("account %q %v", code, store.ErrNotFound)
		if near := domain.Nearest(code, codes); near != "" {
			msg += ": did you mean " + near + "?"
		}
		return "", fmt.Errorf("%s%w", msg, quiet{store.ErrNotFound})
	}
	return "", fmt.Errorf("account %q: the book has %s, which differ only in case: give the code exactly%w",
		code, strings.Join(same, " and "), quiet{store.ErrNotFound})
}

// NoOwner is an owner no account has: what was asked, and the owners there are.
type NoOwner struct {
	Name   string
	Owners []string // sorted, each once
}

func (e NoOwner) Error() string {
	msg := fmt.Sprintf("no account is owned by %q", e.Name)
	if len(e.Owners) == 0 {
		return msg + " (no account has an owner)"
	}
	if near := domain.Nearest(e.Name, e.Owners); near != "" {
		msg += ": did you mean " + near + "?"
	}
	const most = 30
	shown := e.Owners
	more := ""
	if len(shown) > most {
		shown, more = shown[:most], fmt.Sprintf(" and %d more", len(e.Owners)-most)
	}
	return msg + " (owners: " + strings.Join(shown, ", ") + more + ")"
}

// ResolveOwner is the owner a person means by name, spelled as the book
// spells it, matched without regard to case; an owner no account has is
// a NoOwner naming every owner there is.
func (d *Desk) ResolveOwner(name string) (string, error) {
	owners, err := d.Owners()
	if err != nil {
		return "", err
	}
	for _, o := range owners {
		if o == name {
			return o, nil
		}
	}
	for _, o := range owners {
		if strings.EqualFold(o, name) {
			return o, nil
		}
	}
	return "", NoOwner{Name: name, Owners: owners}
}

// Owners is every owner an account of the book has, sorted, each once.
func (d *Desk) Owners() ([]string, error) {
	s, err := d.names()
	if err != nil {
		return nil, err
	}
	var owners []string
	for _, o := range s.Results {
		if o != "" {
			owners = append(owners, o)
		}
	}
	slices.Sort(owners)
	return slices.Compact(owners), nil
}

// codeLister is a store that lists its codes without reading the
// accounts (the bbolt store walks its keys).
type codeLister interface{ Codes() ([]string, error) }

// codes is every account's code, in code order.
func (d *Desk) codes() ([]string, error) {
	if cl, ok := d.st.(codeLister); ok {
		return cl.Codes()
	}
	s, err := d.names()
	if err != nil {
		return nil, err
	}
	return s.Codes, nil
}

// names reads every account's code and owner (from the facts, a page at a time).
func (d *Desk) names() (*Scanned[string], error) {
	return Scan(d.st, func(_ domain.Settings, x *domain.Facts) string { return x.Account.Owner })
}

// quiet wraps an error for errors.Is without adding to the message.
type quiet struct{ err error }

func (q quiet) Error() string { return "" }
func (q quiet) Unwrap() error { return q.err }
