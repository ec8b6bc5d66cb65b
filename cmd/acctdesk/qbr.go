package main

import (
	"fmt"

	"acctdesk/desk"
	"acctdesk/docs"
)

// qbr writes an account's QBR pack (SPEC §10.7): to --out FILE, durably
// and never over the book, or to stdout — md and html always, a pdf only
// when stdout is not a terminal.
func (c *cli) qbr(args []string) error {
	return c.document(args, "qbr", "md", docs.QBRFormats, func(d *desk.Desk, code, format string) ([]byte, func(file string) string, error) {
		b, q, err := d.QBRBytes(code, 0, format)
		return b, func(file string) string {
			return fmt.Sprintf("QBR pack of %s as of %s written to %s", q.Account.Code, q.AsOf, file)
		}, err
	})
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
			"a directory or a device. In the workstation, Q on an account writes one as md (to fill in) into the " +
			"documents directory.",
		words: func([]string) (string, error) { return wordList("Formats", docs.QBRFormats), nil }}
}
