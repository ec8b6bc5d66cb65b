package main

import (
	"errors"
	"fmt"
	"strings"

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
	d, err := g.openDesk(c.stderr)
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
	fmt.Fprintln(c.stdout, shown(got.Said()))
	if got.New && len(got.Changed) > 0 {
		fmt.Fprintln(c.stderr, shown(fmt.Sprintf("acctdesk: note: no account was %s's before; if that is not the name, assign them again", got.To)))
	}
	return nil
}
