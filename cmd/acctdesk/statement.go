package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"acctdesk/desk"
	"acctdesk/docs"
	"acctdesk/domain"
)

// statement writes an account's statement of account (SPEC §9.5): to
// --out FILE, durably and never over the book, or to stdout — text, md
// and html always, a pdf only when stdout is not a terminal.
func (c *cli) statement(args []string) error {
	return c.document(args, "statement", "text", docs.Formats, func(d *desk.Desk, code, format string) ([]byte, func(file string) string, error) {
		b, st, err := d.StatementBytes(code, 0, format)
		return b, func(file string) string {
			return fmt.Sprintf("statement of %s as of %s written to %s (total due %s %s)",
				st.Account.Code, st.AsOf, file, st.Currency, domain.Human(st.TotalDue(), st.Currency))
		}, err
	})
}

// document is a command that writes one document of an account (a
// statement, a QBR pack) in a format of formats (def when none is given):
// to --out FILE, durably and never over the book, or to stdout — a binary
// format only when stdout is not a terminal. make renders it and says
// what was written to a file.
func (c *cli) document(args []string, name, def string, formats []string, make func(d *desk.Desk, code, format string) ([]byte, func(file string) string, error)) error {
	fs, g := newFlags(name)
	format := fs.String("format", def, "`FORMAT`: "+orList(formats))
	out := fs.String("out", "", "write to `FILE` (replaced if there; never the book)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fmt.Errorf("%s needs an ACCOUNT (run acctdesk help %s)", name, name)
	}
	if err := noMore(name, pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	if *format, err = word("format", *format, formats, "a format", false); err != nil {
		return err
	}
	if *format == "" {
		*format = def
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
	b, said, err := make(d, pos[0], *format)
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
	fmt.Fprintln(c.stdout, said(shown(*out)))
	return nil
}
