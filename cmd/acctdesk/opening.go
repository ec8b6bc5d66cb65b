package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
)

// The account-opening file (SPEC §11.3): doc records a document, block
// raises a blockage, resolve block resolves one — desk.RecordDocument,
// RaiseBlockage, ResolveBlockage.

// doc is acctdesk doc ACCOUNT --kind K [--received DATE] [--validated] [--file PATH] [--note T].
func (c *cli) doc(args []string) error {
	fs, g := newFlags("doc")
	kind := fs.String("kind", "", "the document, a `WORD` its segment requires (acctdesk help doc)")
	received := fs.String("received", "", "the `DATE` it came in (default: as recorded, else today)")
	validated := fs.Bool("validated", false, "it is validated: today, by you (a lead's)")
	file := fs.String("file", "", "the scan, a `PATH`: its SHA-256 is kept")
	note := fs.String("note", "", "a note, a `TEXT`")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("doc needs an ACCOUNT (run acctdesk help doc)")
	}
	if err := noMore("doc", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	r := desk.DocumentRequest{Kind: *kind, Validated: *validated, Note: *note}
	if *received != "" {
		if r.Received, err = relDate(*received, today); err != nil {
			return fmt.Errorf("--received: %v", err)
		}
	}
	if *file != "" {
		// Kept as an absolute path: the reference must mean the same file
		// from wherever the book is read.
		if r.File, err = filepath.Abs(*file); err != nil {
			return fmt.Errorf("--file %s: %v", *file, err)
		}
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	got, err := d.RecordDocument(g.ctx(), code, r)
	if err != nil {
		return err
	}
	x := got.Document
	if got.Unchanged {
		msg := fmt.Sprintf("document %s of %s: nothing to change", x.Kind, got.Account.Code)
		if len(got.Said) > 0 {
			msg += " (" + strings.Join(got.Said, "; ") + ")"
		}
		fmt.Fprintln(c.stdout, shown(msg))
	} else {
		verb := "recorded"
		if got.Before != nil {
			verb = "updated"
		}
		fmt.Fprintln(c.stdout, shown(fmt.Sprintf("document %s of %s %s: %s", x.Kind, got.Account.Code, verb, strings.Join(got.Said, "; "))))
	}
	fmt.Fprintln(c.stdout, shown(openingLine(got.Account, got.Opening)))
	return nil
}

// openingLine says what the account's opening file still lacks.
func openingLine(a domain.Account, o domain.Opening) string {
	if a.Status == domain.StatusOnboarding {
		return fmt.Sprintf("%s (onboarding): %s", a.Code, o)
	}
	return fmt.Sprintf("%s (%s): %s", a.Code, a.Status, o)
}

// block is acctdesk block ACCOUNT --reason T [--owner NAME] [--since DATE].
func (c *cli) block(args []string) error {
	fs, g := newFlags("block")
	reason := fs.String("reason", "", "what keeps the account from going live, a `TEXT`")
	owner := fs.String("owner", "", "who clears it, a `NAME` (default you)")
	since := fs.String("since", "", "the `DATE` it began (default today)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("block needs an ACCOUNT (run acctdesk help block)")
	}
	if err := noMore("block", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	if strings.TrimSpace(*reason) == "" {
		return errors.New("block needs --reason TEXT: what keeps the account from going live")
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	r := desk.BlockageRequest{Reason: *reason, Owner: *owner}
	if *since != "" {
		if r.Since, err = relDate(*since, today); err != nil {
			return fmt.Errorf("--since: %v", err)
		}
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	got, err := d.RaiseBlockage(g.ctx(), code, r)
	if err != nil {
		return err
	}
	b := got.Blockage
	fmt.Fprintln(c.stdout, shown(fmt.Sprintf("blockage %d raised on %s: %s (owner %s, since %s)", b.ID, b.Account, b.Headline(), b.Owner, b.Since)))
	fmt.Fprintln(c.stdout, shown(openingLine(got.Account, got.Opening)))
	return nil
}

// resolveBlock is acctdesk resolve block ACCOUNT ID [--note T].
func (c *cli) resolveBlock(args []string) error {
	fs, g := newFlags("resolve block")
	note := fs.String("note", "", "how it was cleared, a `TEXT` (kept on the timeline)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return errors.New("resolve block needs an ACCOUNT and a blockage ID (run acctdesk help resolve block)")
	}
	if err := noMore("resolve block", pos, 2); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	id, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(pos[1]), "#"), 10, 64)
	if err != nil || id == 0 {
		return fmt.Errorf("blockage ID %q is not a number (a blockage's ID is a whole number, 1 or more: acctdesk block prints it)", pos[1])
	}
	if _, err := g.date(); err != nil {
		return err
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	got, err := d.ResolveBlockage(g.ctx(), code, id, *note)
	if err != nil {
		return err
	}
	b := got.Blockage
	fmt.Fprintln(c.stdout, shown(fmt.Sprintf("blockage %d of %s resolved on %s after %s: %s", b.ID, b.Account, b.ResolvedOn,
		days(b.ResolvedOn.DaysSince(b.Since)), b.Headline())))
	fmt.Fprintln(c.stdout, shown(openingLine(got.Account, got.Opening)))
	return nil
}

// openingHelp are the help topics of doc, block and resolve block.
var openingHelp = map[string]topic{
	"doc": {synopsis: "acctdesk doc ACCOUNT --kind K [--received DATE] [--validated] [--file PATH] [--note T]",
		about: "Records a document of the account's opening file (its code in any case), on --as-of: its kind, one the account's " +
			"segment requires (book settings; by default " + strings.Join(domain.DefaultRequiredDocs, ", ") + "; any case, a space " +
			"read as -), the date it came in (--received, default as recorded before, else today; never after today), whether it is " +
			"validated (--validated: today, by you; a lead's), the scan (--file: read, and its SHA-256 kept with its absolute path) and " +
			"a note. What is not given keeps what was recorded. A scan whose SHA-256 differs from the one recorded before is said " +
			"(\"the scan changed\") and withdraws the validation of the old one, unless --validated is given too. It goes on the " +
			"timeline, and prints what the opening file still lacks; the queue's go-live-late names the same, and report openings " +
			"counts the documents pending (not validated).",
		words: func([]string) (string, error) {
			return wordList("Documents required by default (--kind)", domain.DefaultRequiredDocs), nil
		}},
	"block": {synopsis: "acctdesk block ACCOUNT --reason T [--owner NAME] [--since DATE]",
		about: "Records what keeps the account from going live (a credit check, a mandate not signed, …), from --since (default " +
			"today, never after it), owned by --owner (default you). It goes on the timeline and prints the blockage's ID, which " +
			"acctdesk resolve block takes; while it is open the queue's go-live-late names it."},
	"resolve block": {synopsis: "acctdesk resolve block ACCOUNT ID [--note T]",
		about: "Resolves an open blockage of the account on --as-of; --note says how it was cleared, on the timeline. Refused: no " +
			"such blockage (the account's open ones are named), one already resolved, an --as-of before it began. A lead's " +
			"decision; on the host it runs as one."},
}
