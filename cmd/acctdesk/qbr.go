package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"acctdesk/docs"
)

// qbr writes an account's QBR pack (SPEC §10.7): to --out FILE, durably
// and never over the book, or to stdout — md and html always, a pdf only
// when stdout is not a terminal.
func (c *cli) qbr(args []string) error {
	fs, g := newFlags("qbr")
	format := fs.String("format", "md", "`FORMAT`: md, html or pdf")
	out := fs.String("out", "", "write to `FILE` (replaced if there; never the book)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("qbr needs an ACCOUNT (run acctdesk help qbr)")
	}
	if err := noMore("qbr", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	if *format, err = word("format", *format, docs.QBRFormats, "a format", false); err != nil {
		return err
	}
	if *format == "" {
		*format = "md"
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
	b, q, err := d.QBRBytes(pos[0], 0, *format)
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
	fmt.Fprintf(c.stdout, "QBR pack of %s as of %s written to %s\n", q.Account.Code, q.AsOf, shown(*out))
	return nil
}

func init() {
	topics["qbr"] = topic{synopsis: "acctdesk qbr ACCOUNT [--format md|html|pdf] [--out FILE]",
		about: "Writes the quarterly business review pack of an account (its code in any case) as of --as-of: the volume trend " +
			"by product over the 12 complete months before the as-of month with the forecast of the next three (as report " +
			"forecast), service levels (the issues of the 365 days or still open, SLA met %), payment behaviour (DSO, average " +
			"days late, promises kept %), open items and aging, credit use, contracts and the renewal date, surveys (the latest " +
			"NPS and CSAT and how they moved), expansion opportunities (the products the book sells that the account does not " +
			"buy), open objectives, and an Agreed actions table to fill in at the review. md by default. Without --out it goes " +
			"to stdout (a pdf only when stdout is not a terminal). --out replaces a FILE already there, durably; never the book, " +
			"a directory or a device. In the workstation, Q on an account writes one into the documents directory " +
			"(statement_format: md, html or pdf; text writes md).",
		words: func([]string) (string, error) { return wordList("Formats", docs.QBRFormats), nil }}
}
