package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"
)

// globals are the flags every command takes.
type globals struct {
	db   string
	asOf string
	user string
}

// newFlags makes a command's flag set with the global flags on it.
func newFlags(name string) (*flag.FlagSet, *globals) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	g := &globals{}
	fs.StringVar(&g.db, "db", os.Getenv("ACCTDESK_DB"), "book file")
	fs.StringVar(&g.asOf, "as-of", os.Getenv("ACCTDESK_AS_OF"), "business date")
	fs.StringVar(&g.user, "user", os.Getenv("ACCTDESK_USER"), "author of writes")
	return fs, g
}

// parse reads flags and positional words in any order.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, helpRequested{}
			}
			return nil, errors.New(strings.TrimPrefix(err.Error(), "flag provided but not defined: -") + describeFlagError(err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func describeFlagError(err error) string {
	if strings.HasPrefix(err.Error(), "flag provided but not defined") {
		return ": unknown flag"
	}
	return ""
}

// date is the business date: --as-of, $ACCTDESK_AS_OF, else today.
func (g *globals) date() (domain.Date, error) {
	if g.asOf == "" {
		return domain.DateOf(time.Now()), nil
	}
	d, err := domain.ParseDate(g.asOf)
	if err != nil {
		return 0, fmt.Errorf("--as-of: %v", err)
	}
	return d, nil
}

// author is --user, $ACCTDESK_USER, else the OS user.
func (g *globals) author() string {
	if g.user != "" {
		return g.user
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}

// dataDir is where books live by default.
func dataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "acctdesk")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "acctdesk"
	}
	return filepath.Join(home, ".local", "share", "acctdesk")
}

// path is the book file: --db, $ACCTDESK_DB, else the data directory.
func (g *globals) path() string {
	if g.db != "" {
		return g.db
	}
	return filepath.Join(dataDir(), "book.db")
}

// open opens the book for a command.
func (g *globals) open() (*bolt.Store, error) {
	return bolt.Open(g.path(), bolt.Options{Now: time.Now})
}

// ctx is the context of a command's writes: its author comes with it.
func (g *globals) ctx() context.Context {
	return store.WithAuthor(context.Background(), g.author())
}

// desk is the use cases over the book, as of the business date.
func (g *globals) desk(st store.Store) (*desk.Desk, error) {
	asOf, err := g.date()
	if err != nil {
		return nil, err
	}
	return desk.New(st, desk.Options{AsOf: asOf}), nil
}

// openExisting refuses to create a book as a side effect of reading one.
func (g *globals) openExisting() (*bolt.Store, error) {
	if _, err := os.Stat(g.path()); err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("no book at %s (create one with acctdesk import or acctdesk demo, or give --db)", g.path())
		}
		return nil, err
	}
	return g.open()
}
