package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"acctdesk/config"
	"acctdesk/desk"
	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// templatesDir is where the user's templates override the built-in ones
// (SPEC §6): templates/ beside the config file; "" when there is no such place.
func templatesDir() string {
	p := config.Path(os.Getenv)
	if p == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(p), "templates")
}

// remind writes reminder letters (SPEC §9.3): one file in --out per
// account due, or per account named (at its level, due or not), each
// recorded on the account's timeline after it is written (desk.WriteReminder).
// --dry-run lists what would be written, as csv, and writes nothing.
func (c *cli) remind(args []string) error {
	fs, g := newFlags("remind")
	out := fs.String("out", "", "write the letters into `DIR` (there already)")
	format := fs.String("format", "md", "`FORMAT`: md, html or eml")
	from := fs.String("from", "", "an e-mail's From `ADDRESS` (default "+docs.NoReply+")")
	dry := fs.Bool("dry-run", false, "list the letters as csv (account,level,oldest_days,total_due,currency,contact,email) and write nothing")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	for _, p := range pos {
		if err := checkAccountArg(p); err != nil {
			return err
		}
	}
	if *format, err = word("format", *format, docs.LetterFormats, "a format", false); err != nil {
		return err
	}
	if *format == "" {
		*format = "md"
	}
	if !*dry {
		if *out == "" {
			return errors.New("remind needs --out DIR (or --dry-run) (run acctdesk help remind)")
		}
		if info, err := os.Stat(*out); err != nil || !info.IsDir() {
			return fmt.Errorf("--out %s is not a directory", shown(*out))
		}
	}
	d, err := g.openDesk(c.stderr)
	if err != nil {
		return err
	}
	codes := pos
	if len(codes) == 0 {
		if codes, err = d.RemindersDue(); err != nil {
			return err
		}
	}
	opt := docs.LetterOptions{Dir: templatesDir(), From: *from}
	if *dry {
		w := csv.NewWriter(c.stdout)
		w.Write([]string{"account", "level", "oldest_days", "total_due", "currency", "contact", "email"})
		for _, code := range codes {
			r, err := d.ReminderLetter(code, g.author())
			if err != nil {
				return err
			}
			contact, email := "", ""
			if r.HasContact {
				contact, email = r.Contact.Name, r.Contact.Email
			}
			w.Write([]string{r.Account.Code, strconv.Itoa(r.Level), strconv.Itoa(r.Oldest),
				domain.Plain(r.TotalDue, r.Currency), string(r.Currency), contact, email})
		}
		w.Flush()
		return w.Error()
	}
	written, skipped := 0, 0
	for _, code := range codes {
		got, err := d.WriteReminder(g.ctx(), code, *format, *out, opt, g.path())
		switch {
		case errors.Is(err, docs.ErrNoEmail), errors.Is(err, desk.ErrNothingToRemind):
			fmt.Fprintf(c.stderr, "not written: %v\n", err)
			skipped++
			continue
		case err != nil:
			return err
		}
		written++
		r := got.Letter
		fmt.Fprintf(c.stdout, "%s of %s (oldest %d days, %s %s due) written to %s\n", domain.ReminderLevelName(r.Level),
			r.Account.Code, r.Oldest, r.Currency, domain.Human(r.TotalDue, r.Currency), shown(got.Path))
	}
	fmt.Fprintf(c.stdout, "%s written, %d not written\n", common.Count(written, "letter"), skipped)
	return nil
}
