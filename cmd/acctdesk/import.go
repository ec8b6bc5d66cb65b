package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"acctdesk/domain"
	"acctdesk/importer"
	"acctdesk/store"
)

func (c *cli) importFile(args []string) error {
	fs, g := newFlags("import")
	mapping := fs.String("map", "", "`SRC=DST,...`: rename source columns")
	layout := fs.String("date-format", "", "the Go `LAYOUT` of the dates, e.g. 1/2/2006 (default YYYY-MM-DD)")
	sheet := fs.String("sheet", "", "the `NAME` of the workbook's sheet to read (default the first visible sheet of cells)")
	currency := fs.String("currency", "", "the currency `CODE` of rows that name none, and of the accounts --create-accounts makes")
	create := fs.Bool("create-accounts", false, "create the accounts that documents name (needs --currency)")
	comma := fs.Bool("decimal-comma", false, "amounts are written 1.234,56")
	encoding := fs.String("encoding", "", "the CSV file's encoding `E`: "+importer.EncodingNames+" (default UTF-8, or UTF-16 with a BOM)")
	dry := fs.Bool("dry-run", false, "check everything, write nothing")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return fmt.Errorf("import needs KIND FILE (KIND: %s; run acctdesk help import)", strings.Join(importer.Kinds, ", "))
	}
	if err := noMore("import", pos, 2); err != nil {
		return err
	}
	kind, path := pos[0], pos[1]
	if k, ok := domain.MatchWord(kind, importer.Kinds); ok {
		kind = k
	} else {
		return unknownWord("import kind ", kind, "an import kind", importer.Kinds)
	}
	if *layout != "" {
		if err := domain.CheckCode(*layout); err != nil {
			return fmt.Errorf("--date-format %q %v", *layout, err)
		}
	}
	opt := importer.Options{DateLayout: *layout, Sheet: *sheet, DecimalComma: *comma, Encoding: *encoding}
	if opt.Map, err = importer.ParseMap(*mapping); err != nil {
		return err
	}
	if *currency != "" {
		if opt.Currency, err = domain.ParseCurrency(*currency); err != nil {
			return fmt.Errorf("--currency: %v", err)
		}
	}
	if *create && opt.Currency == "" && kind != "accounts" {
		return errors.New("--create-accounts needs --currency CODE: the accounts it creates take that currency")
	}
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("%s: %w", shown(path), err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		opt.Size = info.Size()
	}
	st, err := g.create(c.stderr)
	if err != nil {
		return err
	}
	if kind == "accounts" && opt.Currency == "" {
		set, err := st.Settings()
		if err != nil {
			return err
		}
		opt.Currency = set.BaseCurrency
	}
	// On a terminal, a progress bar on stderr: rows read (a share of the
	// file for CSV; a workbook is unzipped first, so rows only), then what
	// the store does with them.
	var bar *progressBar
	if isTerminal(c.stderr) {
		bar = newProgressBar(c.stderr, shown(filepath.Base(path)))
		opt.Progress = func(rows int, frac float64) { bar.show("reading", rows, 0, "rows", frac) }
		defer bar.clear()
	}
	file, err := importer.Read(kind, f, opt)
	if err != nil {
		return fmt.Errorf("%s: %w", shown(path), err)
	}
	// The good rows go to the store even when some rows are bad — as a dry
	// run then — so that one run lists the book's objections (an unknown
	// account, another currency, a duplicate number) with the file's own.
	batch := file.Batch
	batch.CreateAccounts, batch.DryRun = *create, *dry || len(file.Errors) > 0
	// A re-import changes what the file says and keeps the rest: the
	// columns it has, and the currency of the accounts it creates.
	batch.Columns, batch.Currency = file.Columns(), opt.Currency
	// Invoices imported as disputed open disputes on the business date.
	if batch.On, err = g.date(); err != nil {
		return err
	}
	// Through the desk: products spelt as the book spells them, and a
	// credit decision for each limit the file changes (desk.Import).
	d, err := g.desk(st)
	if err != nil {
		return err
	}
	apply := st.Apply
	if bar != nil {
		apply = func(ctx context.Context, b *store.Batch) (store.Result, error) {
			return st.ApplyProgress(ctx, b, bar.apply)
		}
	}
	res, err := d.Import(g.ctx(), batch, path, apply)
	if bar != nil {
		bar.clear()
	}
	problems := slices.Clone(file.Errors)
	if err != nil {
		var rows store.RowErrors
		if !errors.As(err, &rows) {
			return fileError(path, err)
		}
		for _, r := range rows {
			r.Field = file.Label(r.Field) // the file's own header, when --map renamed it
			problems = append(problems, r)
		}
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
		return fileError(path, problems)
	}
	verb := "imported"
	if *dry {
		verb = "dry run, nothing written:"
	}
	what := kind
	if file.Format == "xlsx" {
		what += fmt.Sprintf(" (sheet %q)", file.Sheet)
	}
	fmt.Fprintf(c.stdout, "%s %s from %s: %s\n", verb, what, shown(path), res.Summary())
	if len(file.Ignored) > 0 {
		fmt.Fprintf(c.stdout, "ignored columns: %s\n", shown(strings.Join(file.Ignored, ", ")))
	}
	return nil
}

// fileError names the file and lists every refused row, capped so a wholly
// wrong file does not flood the terminal. The path and each row's message
// are shown safely, each row on its own line: a value from the file (an
// invoice number "not found") can neither drive the terminal nor pass for
// another row.
func fileError(path string, err error) error {
	path = shown(path)
	var rows store.RowErrors
	if !errors.As(err, &rows) {
		return fmt.Errorf("%s: %w", path, err) // Safe where main prints it
	}
	if len(rows) == 1 {
		return fmt.Errorf("%s: %s; nothing imported", path, shown(rows[0].Error()))
	}
	const max = 50
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d row problem(s), nothing imported", path, len(rows))
	for i, r := range rows {
		if i == max {
			fmt.Fprintf(&b, "\n  … and %d more", len(rows)-max)
			break
		}
		b.WriteString("\n  " + path + ": " + shown(r.Error()))
	}
	return errors.New(b.String())
}
