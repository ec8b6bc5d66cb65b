package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// resolveEscalation is acctdesk resolve escalation ACCOUNT ID --resolution T.
func (c *cli) resolveEscalation(args []string) error {
	fs, g := newFlags("resolve escalation")
	resolution := fs.String("resolution", "", "how it was resolved, a `TEXT`")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return errors.New("resolve escalation needs an ACCOUNT and an escalation ID (run acctdesk help resolve escalation)")
	}
	if err := noMore("resolve escalation", pos, 2); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	id, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(pos[1]), "#"), 10, 64)
	if err != nil || id == 0 {
		return fmt.Errorf("escalation ID %q is not a number (an escalation's ID is a whole number, 1 or more)", pos[1])
	}
	if strings.TrimSpace(*resolution) == "" {
		return errors.New("resolve escalation needs --resolution TEXT: how it was resolved")
	}
	if _, err := g.date(); err != nil {
		return err
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	got, err := d.ResolveEscalation(g.ctx(), code, id, *resolution)
	if err != nil {
		return err
	}
	e := got.Escalation
	fmt.Fprintln(c.stdout, shown(fmt.Sprintf("escalation %d on %s (%s, to %s) resolved on %s after %s", e.ID, e.Account, e.Category, e.To,
		e.ResolvedOn, days(e.ResolvedOn.DaysSince(e.Opened)))))
	return nil
}
