package desk

import (
	"context"
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// Assigned is what an assignment did.
type Assigned struct {
	To      string
	Changed []store.Reassigned // the accounts given to To, in the order asked, each with its timeline entry
	Already []string           // the accounts To owned already, left as they were
	New     bool               // no account of the book was To's before, and To is not among the book's users
}

// Codes are the accounts the assignment changed.
func (a Assigned) Codes() []string {
	out := make([]string, len(a.Changed))
	for i, r := range a.Changed {
		out[i] = r.Account
	}
	return out
}

// Assign gives accounts to a user (SPEC §12): only a lead may. All of them
// are written in one transaction, each with an assignment entry on its
// timeline (stamped: who, when, the owner it had), or none is: an unknown
// code refuses the whole assignment. The codes are exact (the command line
// resolves what a person typed first: ResolveCode). The view then refreshes
// only the accounts touched, and every queue that follows its owner ("my
// queue") follows.
func (d *Desk) Assign(ctx context.Context, codes []string, to string) (Assigned, error) {
	if err := permit(ctx, Lead, "assigning accounts"); err != nil {
		return Assigned{}, err
	}
	if err := domain.CheckUser(to); err != nil {
		return Assigned{}, domain.ValidationError{{Field: "owner", Reason: fmt.Sprintf("%q %v: a user's name", to, err)}}
	}
	// One user, one spelling: "TUNDE" is given the accounts of the tunde
	// the book knows, or their queue would split in two.
	owners, err := d.ownerNames()
	if err != nil {
		return Assigned{}, err
	}
	known := false
	for _, o := range owners {
		if o == to {
			known = true
			break
		}
	}
	for _, o := range owners {
		if !known && strings.EqualFold(o, to) {
			to, known = o, true
		}
	}
	changed, err := d.st.Assign(ctx, store.Assignment{Codes: codes, Owner: to, On: d.opt.AsOf})
	if err != nil {
		return Assigned{}, err
	}
	out := Assigned{To: to, Changed: changed, New: !known}
	done := make(map[string]bool, len(changed))
	for _, r := range changed {
		done[r.Account] = true
	}
	seen := map[string]bool{}
	for _, c := range codes {
		if !done[c] && !seen[c] {
			seen[c] = true
			out.Already = append(out.Already, c)
		}
	}
	if len(changed) > 0 {
		d.wrote() // the view refreshes the accounts touched: every queue that follows its owner follows
	}
	return out, nil
}

// ownerNames are the names a user goes by in the book: the owners of its
// accounts (from the view when there is one, else read from the facts) and
// the users of its settings.
func (d *Desk) ownerNames() ([]string, error) {
	var names []string
	if v := d.Current(); v != nil {
		for i := range v.Sums {
			if o := v.Sums[i].Facts.Account.Owner; o != "" {
				names = append(names, o)
			}
		}
		names = append(names, v.Settings.Users...)
		return names, nil
	}
	owners, err := d.Owners()
	if err != nil {
		return nil, err
	}
	set, err := d.st.Settings()
	if err != nil {
		return nil, err
	}
	return append(owners, set.Users...), nil
}

// Said is what the assignment did, in words, for the command line and the
// status line: "assigned 3 accounts to tunde (OKAF01, KANO01, ZARI01)",
// and which were the user's already.
func (a Assigned) Said() string {
	var parts []string
	if n := len(a.Changed); n > 0 {
		parts = append(parts, fmt.Sprintf("assigned %s to %s (%s)", plural(n, "account"), a.To, listed(a.Codes())))
	}
	if n := len(a.Already); n > 0 {
		parts = append(parts, fmt.Sprintf("%s already %s's (%s)", plural(n, "account"), a.To, listed(a.Already)))
	}
	if len(a.Changed) == 0 {
		return "nothing to assign: " + strings.Join(parts, "; ")
	}
	return strings.Join(parts, "; ")
}

// listed is codes, the first twenty of them when there are more.
func listed(codes []string) string {
	const most = 20
	if len(codes) <= most {
		return strings.Join(codes, ", ")
	}
	return strings.Join(codes[:most], ", ") + fmt.Sprintf(" and %d more", len(codes)-most)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
