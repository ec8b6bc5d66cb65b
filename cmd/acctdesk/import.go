package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"acctdesk/domain"
	"acctdesk/importer"
	"acctdesk/store"
)

func (c *cli) importFile(args []string) error {
	fs, g := newFlags("import")
	mapping := fs.String("map", "", "`SRC=DST,...`: rename source columns")
	layout := fs.String("date-format", "", "the Go `LAYOUT` of the dates, e.g. 1/2/2006 (default YYYY-MM-DD)")
	currency := fs.String("currency", "", "the currency `CODE` of rows that name none")
	create := fs.Bool("create-accounts", false, "create accounts that documents name")
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
	opt := importer.Options{DateLayout: *layout}
	if opt.Map, err = importer.ParseMap(*mapping); err != nil {
		return err
	}
	if *currency != "" {
		if opt.Currency, err = domain.ParseCurrency(*currency); err != nil {
			return fmt.Errorf("--currency: %v", err)
		}
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
	// On a terminal, a progress bar on stderr: rows read, then what the
	// store does with them.
	var in io.Reader = f
	var bar *progressBar
	if isTerminal(c.stderr) {
		bar = newProgressBar(c.stderr, shown(filepath.Base(path)))
		counted := &countingReader{r: f}
		in = counted
		opt.Progress = func(rows int) {
			frac := -1.0
			if opt.Size > 0 {
				frac = float64(counted.n) / float64(opt.Size)
			}
			bar.show("reading", rows, 0, "rows", frac)
		}
		defer bar.clear()
	}
	batch, err := importer.Read(kind, in, opt)
	if err != nil {
		return fileError(path, err)
	}
	batch.CreateAccounts, batch.DryRun = *create, *dry
	var res store.Result
	if pa, ok := any(st).(store.ProgressApplier); ok && bar != nil {
		res, err = pa.ApplyProgress(g.ctx(), batch, bar.apply)
	} else {
		res, err = st.Apply(g.ctx(), batch)
	}
	if bar != nil {
		bar.clear()
	}
	if err != nil {
		return fileError(path, err)
	}
	verb := "imported"
	if *dry {
		verb = "dry run, nothing written:"
	}
	fmt.Fprintf(c.stdout, "%s %s %s from %s\n", verb, kind, res, shown(path))
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
