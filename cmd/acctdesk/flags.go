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
	"regexp"
	"strconv"
	"strings"
	"time"

	"acctdesk/config"
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

	configSaid bool // a bad config file was reported (once per command)
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

// parse reads flags and positional words in any order, then checks the
// global flags: an explicitly empty --db, and an author (--user,
// $ACCTDESK_USER, else the OS user) that would not read as itself, are
// refused. --help (or -h) anywhere asks for the command's help: the words
// given with it say which ("report aging --help").
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, helpRequested{fs: fs, words: append(pos, helpWords(fs, args)...)}
			}
			return nil, flagError(fs, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if err := checkGlobals(fs); err != nil {
		return nil, err
	}
	return pos, nil
}

// helpWords are the words (not flags, nor their values) of what is left
// of a command line once --help is read: "report --help aging" asks for
// aging's help.
func helpWords(fs *flag.FlagSet, args []string) []string {
	var rest []string
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "help", "h":
			if strings.HasPrefix(a, "-") {
				continue
			}
		}
		rest = append(rest, a)
	}
	var out []string
	for len(rest) > 0 {
		if fs.Parse(rest) != nil {
			break
		}
		rest = fs.Args()
		if len(rest) > 0 {
			out = append(out, rest[0])
			rest = rest[1:]
		}
	}
	return out
}

// flagError is the flag package's complaint, in the words a user typed
// (--format, not -format), the flag's name shown safely, and a mistyped
// flag answered with the nearest one.
func flagError(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return unknownFlag(fs, name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Errorf("--%s needs a value (%s)", shown(name), helpHint(fs))
	}
	// invalid value "abc" for flag -accounts: parse error;
	// invalid boolean value "maybe" for -force: parse error
	if m := badValue.FindStringSubmatch(msg); m != nil {
		what := "not a valid value"
		if f := fs.Lookup(m[3]); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				what = "not true or false"
			} else if _, err := strconv.ParseFloat(f.DefValue, 64); err == nil {
				what = "not a whole number"
			}
		}
		return fmt.Errorf("--%s %s: %s", m[3], shown(m[2]), what)
	}
	return errors.New(shown(msg))
}

var badValue = regexp.MustCompile(`^invalid (boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-([\w-]+): `)

// helpHint is where a command's help is: "run acctdesk help report".
func helpHint(fs *flag.FlagSet) string {
	if fs.Name() == "acctdesk" {
		return "run acctdesk help"
	}
	return "run acctdesk help " + fs.Name()
}

// checkGlobals refuses what the global flags cannot mean: --db "" (which
// would quietly open the default book) and an author that is not a name
// (stored on every write, and shown wherever the write is).
func checkGlobals(fs *flag.FlagSet) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if db := fs.Lookup("db"); db != nil && given["db"] && db.Value.String() == "" {
		return errors.New("--db is empty: give the book's path, or leave --db out for the default book")
	}
	u := fs.Lookup("user")
	if u == nil {
		return nil
	}
	if name := u.Value.String(); name != "" {
		if err := checkAuthor(name); err != nil {
			from := "--user"
			if !given["user"] {
				from = "$ACCTDESK_USER"
			}
			return fmt.Errorf("%s %q %v: an author must read as a name", from, name, err)
		}
		return nil
	}
	if name := osUser(); name != "" {
		if err := checkAuthor(name); err != nil {
			return fmt.Errorf("the OS user name %q %v: give the author with --user NAME", name, err)
		}
	}
	return nil
}

// checkAuthor is the rule of a name stored on every write: that of a code
// (domain.CheckCode: no control, bidi or zero-width character, no spaces
// at the ends, at most 64 bytes).
func checkAuthor(name string) error { return domain.CheckCode(name) }

// osUser is the OS user's name, "" when it is not known.
func osUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}

// date is the business date: --as-of, $ACCTDESK_AS_OF, else today. Either
// takes what a form's date takes (YYYY-MM-DD, today, +3, mon…sun), and
// yesterday and -N (domain.ParseAsOf).
func (g *globals) date() (domain.Date, error) {
	today := domain.DateOf(time.Now())
	if g.asOf == "" {
		return today, nil
	}
	d, err := domain.ParseAsOf(g.asOf, today)
	if err != nil {
		from := "--as-of"
		if env := os.Getenv("ACCTDESK_AS_OF"); env != "" && env == g.asOf {
			from = "$ACCTDESK_AS_OF"
		}
		return 0, fmt.Errorf("%s %v", from, err)
	}
	return d, nil
}

// author is --user, $ACCTDESK_USER, the config file's user, else the OS user.
func (g *globals) author() string {
	if g.user != "" {
		return g.user
	}
	// The config file's user (issue 10, item 23). A bad file is one line on
	// stderr, and the defaults: the OS user.
	cfg, err := config.Load(config.Path(os.Getenv))
	if err != nil && !g.configSaid {
		g.configSaid = true
		fmt.Fprintln(os.Stderr, "acctdesk: "+domain.Safe(err.Error()))
	}
	if err == nil && cfg.User != "" {
		return cfg.User
	}
	if name := osUser(); name != "" {
		return name
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

// create opens the book for a command that may make it (import, init):
// the one way besides demo that a book comes to be. A book found damaged
// opens read-only: warn is told so in one line, and every write is refused
// until check passes.
func (g *globals) create(warn io.Writer) (*bolt.Store, error) {
	if err := os.MkdirAll(filepath.Dir(g.path()), 0o700); err != nil {
		return nil, fmt.Errorf("create the book's directory: %w", err)
	}
	st, err := bolt.Open(g.path(), bolt.Options{Now: time.Now})
	return warnDamaged(warn, st, err)
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

// openDesk is the desk of a command that reads or writes a book that must
// be there (warn hears the damaged book's one line).
// deskOn opens the desk and finds the account a command names (any case):
// what every command on one account does first.
func (g *globals) deskOn(warn io.Writer, account string) (*desk.Desk, string, error) {
	d, err := g.openDesk(warn)
	if err != nil {
		return nil, "", err
	}
	code, err := d.ResolveCode(account)
	if err != nil {
		return nil, "", err
	}
	return d, code, nil
}

func (g *globals) openDesk(warn io.Writer) (*desk.Desk, error) {
	st, err := g.openExisting(warn)
	if err != nil {
		return nil, err
	}
	return g.desk(st)
}

// openExisting opens a book that must be there: reading one — the
// workstation included — never creates it, so a mistyped --db is said to
// be one instead of opening an empty book.
func (g *globals) openExisting(warn io.Writer) (*bolt.Store, error) {
	st, err := bolt.OpenExisting(g.path(), bolt.Options{Now: time.Now})
	if errors.Is(err, os.ErrNotExist) {
		return nil, noBook(g.path())
	}
	return warnDamaged(warn, st, err)
}

// noBook says there is no book at path, and how one is made.
func noBook(path string) error {
	return fmt.Errorf("no book at %s: create one with acctdesk demo (a demo book), acctdesk import accounts FILE or acctdesk init (an empty book), or give --db the book's path; acctdesk --demo opens a demo book kept apart", shown(path))
}

// warnDamaged passes an opened book on, first printing to warn the one-line
// warning of a book found damaged (nothing when warn is nil).
func warnDamaged(warn io.Writer, st *bolt.Store, err error) (*bolt.Store, error) {
	if err != nil {
		return nil, err
	}
	if d := st.Damaged(); d != nil && warn != nil {
		fmt.Fprintln(warn, "acctdesk: warning: "+domain.Safe(d.Error()))
	}
	return st, nil
}
