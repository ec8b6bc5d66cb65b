package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"acctdesk/demo"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"
)

func (c *cli) demo(args []string) error {
	fs, g := newFlags("demo")
	accounts := fs.Int("accounts", 30, "number of accounts")
	perAccount := fs.Int("invoices-per-account", 0, "invoices per account (0: about two years of trading)")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same book")
	force := fs.Bool("force", false, "replace a book that is not empty")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noMore("demo", pos, 0); err != nil {
		return err
	}
	if *accounts < 1 || *accounts > 1_000_000 {
		return fmt.Errorf("--accounts %d: use 1 to 1000000", *accounts)
	}
	asOf, err := g.date()
	if err != nil {
		return err
	}
	path := g.path()
	start := time.Now()
	n, err := writeDemo(path, g.author(), demo.Options{AsOf: asOf, Seed: *seed, Accounts: *accounts,
		InvoicesPerAccount: *perAccount, Author: g.author()}, *force)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "demo book of %d accounts as of %s written to %s in %.1fs (%d records)\n",
		*accounts, asOf, path, time.Since(start).Seconds(), n)
	return nil
}

// writeDemo builds the book in a temporary file beside path and renames it
// into place, so a reader never sees half a demo and a failed run leaves
// the old book as it was (store/bolt/files.go). A symlink is followed: the
// book it points at is replaced and the link stays, as every other command
// reads and writes that book through it. Refused, with nothing changed: a
// directory, a device, a book another process holds, and — --force or not —
// a book another process wrote to while the demo was built; without --force,
// a file that is not an empty book.
func writeDemo(path, author string, opt demo.Options, force bool) (int, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return 0, fmt.Errorf("create the book's directory: %w", err)
	}
	r, err := bolt.ReplaceBook(path, bolt.Options{Now: time.Now})
	if err != nil {
		return 0, err
	}
	defer r.Discard()
	if r.Existed() && !force {
		if err := mayReplace(r.Target()); err != nil {
			return 0, err
		}
	}
	st, err := r.NewBook()
	if err != nil {
		return 0, err
	}
	ctx := store.WithAuthor(context.Background(), author)
	set := domain.DefaultSettings()
	set.Name = demoName
	set.MarginRates = demo.MarginRates()
	set.Targets, set.RequiredDocs = demo.Targets(), demo.RequiredDocs()
	if err := st.SaveSettings(ctx, set); err != nil {
		return 0, fmt.Errorf("demo: %w", err)
	}
	records := 0
	err = demo.Generate(opt, func(b *store.Batch) error {
		res, err := st.Apply(ctx, b)
		records += res.Added
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("demo: %w", err)
	}
	if err := r.Commit(); err != nil {
		return 0, err
	}
	return records, nil
}

// mayReplace says whether demo may replace the file at path without --force:
// only an empty book.
func mayReplace(path string) error {
	st, err := bolt.OpenExisting(path, bolt.Options{Now: time.Now})
	switch {
	case errors.Is(err, store.ErrNotABook), errors.Is(err, store.ErrDamaged), errors.Is(err, store.ErrNewer):
		return fmt.Errorf("%w; give --force to replace it with a demo", err)
	case err != nil:
		return err
	}
	empty, err := st.Empty()
	if err != nil {
		return err
	}
	if !empty {
		return fmt.Errorf("%s already holds a book: give --force to replace it with a demo", path)
	}
	return nil
}

// demoName is the name of every demo book (its settings), by which
// --demo --reset knows one.
const demoName = "Demo — fuel distribution book"

// demoPath is where `acctdesk --demo` keeps its book, apart from the real one.
func demoPath() string { return filepath.Join(dataDir(), "demo.db") }
