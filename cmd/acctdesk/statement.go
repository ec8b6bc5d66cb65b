package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"acctdesk/docs"
	"acctdesk/domain"
)

// statement writes an account's statement of account (SPEC §9.5): to
// --out FILE, durably and never over the book, or to stdout — text, md
// and html always, a pdf only when stdout is not a terminal.
func (c *cli) statement(args []string) error {
	fs, g := newFlags("statement")
	format := fs.String("format", "text", "`FORMAT`: text, md, html or pdf")
	out := fs.String("out", "", "write to `FILE` (replaced if there; never the book)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("statement needs an ACCOUNT (run acctdesk help statement)")
	}
	if err := noMore("statement", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	if *format, err = word("format", *format, docs.Formats, "a format", false); err != nil {
		return err
	}
	if *format == "" {
		*format = "text"
	}
	// stdout as it is: a PDF is bytes, not text for domain.Safe.
	raw := c.stdout
	if sw, ok := raw.(*safeWriter); ok {
		raw = sw.w
	}
	if *out == "" && docs.Binary(*format) && isTerminal(raw) {
		return fmt.Errorf("a %s is not for the terminal: give --out FILE", *format)
	}
	if *out != "" {
		if info, err := os.Stat(filepath.Dir(*out)); err != nil || !info.IsDir() {
			return fmt.Errorf("--out %s: the directory %s is not there", shown(*out), shown(filepath.Dir(*out)))
		}
	}
	d, err := g.openDesk(c.stderr)
	if err != nil {
		return err
	}
	b, st, err := d.StatementBytes(pos[0], 0, *format)
	if err != nil {
		return err
	}
	if *out == "" {
		w := c.stdout
		if docs.Binary(*format) {
			w = raw
		}
		_, err := w.Write(b)
		return err
	}
	if err := docs.WriteFile(*out, func(w io.Writer) error { _, err := w.Write(b); return err }, g.path()); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "statement of %s as of %s written to %s (total due %s %s)\n",
		st.Account.Code, st.AsOf, shown(*out), st.Currency, domain.Human(st.TotalDue(), st.Currency))
	return nil
}
