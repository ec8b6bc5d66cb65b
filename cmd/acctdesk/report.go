package main

import (
	"errors"
	"fmt"
	"strings"

	"acctdesk/report"
)

func (c *cli) report(args []string) error {
	fs, g := newFlags("report")
	format := fs.String("format", "table", "table, csv or json")
	owner := fs.String("owner", "", "only this owner's accounts")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("report needs one name: %s", strings.Join(report.Names, ", "))
	}
	switch *format {
	case "table", "csv", "json":
	default:
		return fmt.Errorf("--format %q: use table, csv or json", *format)
	}
	if _, err := report.Lookup(pos[0]); err != nil {
		return err
	}
	st, err := g.openExisting(c.stderr)
	if err != nil {
		return err
	}
	d, err := g.desk(st)
	if err != nil {
		return err
	}
	t, err := d.Report(pos[0], report.Input{AsOf: d.AsOf(), Owner: *owner})
	if err != nil {
		return err
	}
	return t.Write(c.stdout, *format)
}

func (c *cli) backup(args []string) error {
	fs, g := newFlags("backup")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("backup needs the file to write: acctdesk backup FILE")
	}
	st, err := g.openExisting(c.stderr)
	if err != nil {
		return err
	}
	if err := st.Backup(pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "backup written to %s\n", pos[0])
	return nil
}

func (c *cli) check(args []string) error {
	fs, g := newFlags("check")
	if _, err := parse(fs, args); err != nil {
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
