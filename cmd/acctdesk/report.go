package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/report"
)

func (c *cli) report(args []string) error {
	fs, g := newFlags("report")
	format := fs.String("format", "table", "`FORMAT`: table, csv, json or xlsx")
	out := fs.String("out", "", "write the report to `FILE` (replaced whole, never the book) instead of stdout")
	owner := fs.String("owner", "", "only the accounts of this `NAME` (any case)")
	since := fs.String("since", "", "report changes: what changed after this `DATE` (YYYY-MM-DD, yesterday, -3, mon…sun: the last such day before the as-of date); default the working day before the as-of date")
	weeks := fs.Int("weeks", 0, "cash-forecast: the `N` weeks shown one by one before later (default 13)")
	by := fs.String("by", "", "a row per `GROUP` (and currency): collections by day, week or month (default month); metrics by owner, tier or segment (default: the whole book)")
	period := fs.String("period", "", "the period `P` a report covers ("+strings.Join(report.PeriodReports(), ", ")+"): 2026-11, 2026-Q3, 2026 or 12m, the 12 months ending the as-of date (the default)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fmt.Errorf("report needs a name: %s (run acctdesk help report)", strings.Join(report.Names, ", "))
	}
	if err := noMore("report "+pos[0], pos, 1); err != nil {
		return err
	}
	if *format, err = word("format", *format, report.AllFormats, "a format", false); err != nil {
		return err
	}
	r, err := report.Lookup(pos[0])
	if err != nil {
		return err
	}
	// A workbook on stdout goes past the safe writer, byte for byte: it is
	// binary, and no good on a terminal.
	stdout := c.stdout
	if *format == "xlsx" {
		if sw, ok := stdout.(*safeWriter); ok {
			sw.flush()
			stdout = sw.w
		}
		if *out == "" && isTerminal(stdout) {
			return errors.New("a workbook is binary: give --out FILE (or send it to a pipe)")
		}
	}
	if *out != "" {
		if err := docs.MayReplace(*out, g.path()); err != nil {
			return err
		}
	}
	if *since != "" && r.Name != "changes" {
		return fmt.Errorf("--since is for report changes, not report %s", r.Name)
	}
	if *period != "" && !report.UsesPeriod[r.Name] {
		return fmt.Errorf("--period is for report %s, not report %s", orList(report.PeriodReports()), r.Name)
	}
	d, err := g.openDesk(c.stderr)
	if err != nil {
		return err
	}
	in := report.Input{AsOf: d.AsOf()}
	if in.Period, err = domain.ParsePeriod(*period, in.AsOf); err != nil {
		return fmt.Errorf("--period: %w", err)
	}
	if r.Name == "metrics" && in.Period.From > in.AsOf {
		return fmt.Errorf("--period %s starts after the as-of date %s: none of it has happened yet", in.Period.Name, in.AsOf)
	}
	if *since != "" {
		if in.Since, err = sinceDate(*since, in.AsOf); err != nil {
			return err
		}
	}
	if *weeks != 0 {
		if r.Name != "cash-forecast" {
			return fmt.Errorf("--weeks is for report cash-forecast, not %s", r.Name)
		}
		if *weeks < 1 || *weeks > 520 {
			return fmt.Errorf("--weeks %d: give 1 to 520 weeks", *weeks)
		}
		in.Weeks = *weeks
	}
	if *by != "" {
		words := report.ByWords(r.Name)
		if words == nil {
			return fmt.Errorf("--by is not for report %s (it is for %s)", r.Name, strings.Join(byReports(), ", "))
		}
		if in.By, err = word("by", *by, words, "a grouping", false); err != nil {
			return err
		}
	}
	if *owner != "" {
		if in.Owner, err = d.ResolveOwner(*owner); err != nil {
			return err
		}
	}
	t, err := d.Report(r.Name, in)
	if err != nil {
		return err
	}
	if *out == "" {
		return t.Write(stdout, *format)
	}
	if err := docs.WriteFile(*out, func(w io.Writer) error { return t.Write(w, *format) }, g.path()); err != nil {
		return err
	}
	rows := "rows"
	if len(t.Rows) == 1 {
		rows = "row"
	}
	fmt.Fprintf(c.stderr, "wrote %s (%d %s)\n", shown(*out), len(t.Rows), rows)
	return nil
}

// byReports are the reports that take --by.
func byReports() []string {
	var out []string
	for _, n := range report.Names {
		if report.ByWords(n) != nil {
			out = append(out, n)
		}
	}
	return out
}

// sinceDate reads --since as --as-of is read (domain.ParseAsOf), relative
// to the as-of date, except that a weekday names the last such day before
// it: "since mon" looks back. It must be before the as-of date.
func sinceDate(s string, asOf domain.Date) (domain.Date, error) {
	d, err := domain.ParseAsOf(s, asOf)
	if err != nil {
		return 0, fmt.Errorf("--since: %w", err)
	}
	if t := strings.ToLower(strings.TrimSpace(s)); d > asOf && len(t) >= 3 && strings.Contains("sun mon tue wed thu fri sat", t[:3]) {
		d = d.AddDays(-7) // a weekday: the last one before the as-of date
	}
	if d >= asOf {
		return 0, fmt.Errorf("--since %s: give a date before the as-of date %s", d, asOf)
	}
	return d, nil
}

func (c *cli) backup(args []string) error {
	fs, g := newFlags("backup")
	force := fs.Bool("force", false, "replace a FILE that is already there")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("backup needs the file to write: acctdesk backup FILE")
	}
	if err := noMore("backup", pos, 1); err != nil {
		return err
	}
	st, err := g.openExisting(c.stderr)
	if err != nil {
		return err
	}
	if !*force {
		if err := mayOverwrite(pos[0], g.path()); err != nil {
			return err
		}
	}
	if err := st.Backup(pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "backup written to %s\n", pos[0])
	return nil
}

// mayOverwrite refuses, without --force, a backup onto a file that is
// already there (an older backup, or anything else). What Backup refuses
// whatever the flags — the book itself, a directory, a device — it says
// itself, in its own words.
func mayOverwrite(target, book string) error {
	info, err := os.Stat(target) // through a symlink: the file it names
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	if b, err := os.Stat(book); err == nil && os.SameFile(b, info) {
		return nil // "is the book itself"
	}
	return fmt.Errorf("%s already exists: give --force to replace it with the backup", shown(target))
}

func (c *cli) check(args []string) error {
	fs, g := newFlags("check")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noMore("check", pos, 0); err != nil {
		return err
	}
	st, err := g.openExisting(nil) // check says it all
	if err != nil {
		return err
	}
	if err := st.Check(); err != nil {
		return fmt.Errorf("check failed: %w", err)
	}
	fmt.Fprintf(c.stdout, "%s: ok\n", shown(g.path()))
	return nil
}

// init creates an empty book at --db: with import and demo, the only ways
// a book comes to be. A file already there is left as it is.
func (c *cli) init(args []string) error {
	fs, g := newFlags("init")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noMore("init", pos, 0); err != nil {
		return err
	}
	path := g.path()
	if _, err := os.Lstat(path); err == nil {
		if st, err := g.openExisting(c.stderr); err != nil {
			return err
		} else if empty, err := st.Empty(); err == nil && empty {
			return fmt.Errorf("%s already holds an empty book: import into it (acctdesk import accounts FILE)", shown(path))
		}
		return fmt.Errorf("%s already holds a book: nothing done", shown(path))
	}
	if _, err := g.create(c.stderr); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "empty book created at %s: import into it with acctdesk import accounts FILE\n", shown(path))
	return nil
}
