package main

import (
	"errors"
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
)

// assign gives accounts to a user (SPEC §4, §12): acctdesk assign
// CODE... --to NAME. The codes are matched without regard to case; one the
// book does not have refuses the whole assignment. On the host the command
// runs as a lead.
func (c *cli) assign(args []string) error {
	fs, g := newFlags("assign")
	to := fs.String("to", "", "the user who will own the accounts, a `NAME`")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("assign needs an ACCOUNT (run acctdesk help assign)")
	}
	if *to == "" {
		return errors.New("assign needs --to NAME, the user who will own the accounts")
	}
	if err := domain.CheckUser(*to); err != nil {
		return fmt.Errorf("--to %q %v: an owner must read as a name", *to, err)
	}
	for _, code := range pos {
		if err := checkAccountArg(code); err != nil {
			return err
		}
	}
	st, err := g.openExisting(c.stderr)
	if err != nil {
		return err
	}
	d, err := g.desk(st)
	if err != nil {
		return err
	}
	codes := make([]string, 0, len(pos))
	var missing []string
	for _, p := range pos {
		code, err := d.ResolveCode(p)
		if err != nil {
			missing = append(missing, err.Error())
			continue
		}
		codes = append(codes, code)
	}
	if len(missing) > 0 {
		return fmt.Errorf("nothing assigned: %s", strings.Join(missing, "; "))
	}
	got, err := d.Assign(g.ctx(), codes, *to)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, shown(assignedLine(got)))
	if got.New && len(got.Changed) > 0 {
		fmt.Fprintln(c.stderr, shown(fmt.Sprintf("acctdesk: note: no account was %s's before; if that is not the name, assign them again", got.To)))
	}
	return nil
}

// assignedLine says what an assignment did: "assigned 3 accounts to tunde
// (OKAF01, KANO01, ZARI01)", and which were the user's already.
func assignedLine(a desk.Assigned) string {
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
