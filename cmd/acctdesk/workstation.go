package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"acctdesk/config"
	"acctdesk/demo"
	"acctdesk/domain"
	"acctdesk/store/bolt"
	"acctdesk/ui"

	tea "github.com/charmbracelet/bubbletea"
)

// collectSeldom makes the garbage collector wait for the heap to grow nine
// times (GOGC=800) instead of twice, unless the user set GOGC or
// GOMEMLIMIT; the function it returns puts it back.
func collectSeldom() func() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(800)
	return func() { debug.SetGCPercent(old) }
}

func (c *cli) workstation(args []string) error {
	fs, g := newFlags("acctdesk")
	useDemo := fs.Bool("demo", false, "open a demo book kept apart from the real one (made on first use)")
	reset := fs.Bool("reset", false, "with --demo: make the demo book anew")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return unknownCommand(pos[0])
	}
	if *reset && !*useDemo {
		return errors.New("--reset goes with --demo: acctdesk --demo --reset makes the demo book anew")
	}
	asOf, err := g.date()
	if err != nil {
		return err
	}
	made := ""
	cfg, cfgErr := config.Load(config.Path(os.Getenv)) // a bad file: one line, and the defaults
	if cfgErr != nil {
		fmt.Fprintln(c.stderr, cfgErr)
		g.configSaid = true
	}
	if g.user == "" && cfg.User != "" { // --user and $ACCTDESK_USER first
		g.user = cfg.User
	}
	if *useDemo {
		if g.db == "" {
			g.db = demoPath()
		}
		if made, err = c.demoBook(g, asOf, *reset); err != nil {
			return err
		}
	}
	st, err := g.openExisting(nil) // the workstation shows the warning itself
	if err != nil {
		return err
	}
	set, err := st.Settings()
	if err != nil {
		return err
	}
	name := set.Name
	if name == "" || name == "book" {
		name = g.path()
	}
	d, err := g.desk(st)
	if err != nil {
		return err
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	// The first view reads every account's facts; nearly all of it stays
	// live, so collecting often while it is read frees little and costs a
	// third of the start. Collect seldom until it is in, then as usual.
	restore := collectSeldom()
	go func() {
		_, _ = d.View() // the UI's first load waits for the same view
		restore()
	}()
	go d.Watch(ctx)
	opt := ui.Options{BookName: name, AsOf: asOf, User: g.author(), Today: asOf,
		Keys: cfg.Keys, Theme: cfg.Theme, NoColor: os.Getenv("NO_COLOR") != "", Mouse: cfg.Mouse,
		StatusFade: ui.StatusFade, RecapDir: ui.RecapDir(cfg.Clipboard, os.Getenv),
		DocumentsDir: cfg.Documents(os.Getenv), StatementFormat: cfg.StatementFormat}
	switch {
	case cfgErr != nil:
		opt.Notice = cfgErr.Error()
	case made != "":
		opt.Notice, _, _ = strings.Cut(made, "\n") // where the demo book is, until the first key
	}
	if dmg := st.Damaged(); dmg != nil {
		opt.Warning = "Read-only: the book failed its integrity check, run acctdesk check · " + dmg.Error()
	}
	m := ui.New(d, opt)
	popt := []tea.ProgramOption{tea.WithAltScreen()}
	if cfg.Mouse {
		popt = append(popt, tea.WithMouseCellMotion())
	}
	_, err = tea.NewProgram(m, popt...).Run()
	if made != "" && err == nil {
		// Said again once the screen is back, where it stays.
		fmt.Fprintln(c.stderr, made)
	}
	return err
}

// demoBook makes the demo book at g's path when there is none, or anew on
// --reset (only a demo book: a real book at that path is never replaced).
// It says what it made, in a line printed before the screen switches and
// again after the workstation closes; "" when the book was already there.
func (c *cli) demoBook(g *globals, asOf domain.Date, reset bool) (string, error) {
	path := g.db
	_, err := os.Stat(path)
	switch {
	case os.IsNotExist(err):
	case err != nil:
		return "", err
	case !reset:
		return "", nil // made on first use, reused afterwards
	default:
		if err := isDemoBook(path); err != nil {
			return "", err
		}
	}
	verb := "creating"
	if reset {
		verb = "resetting"
	}
	fmt.Fprintf(c.stderr, "%s the demo book at %s …\n", verb, shown(path))
	if _, err := writeDemo(path, g.author(), demo.Options{AsOf: asOf, Seed: 1, Accounts: 30, Author: g.author()}, reset); err != nil {
		return "", err
	}
	return fmt.Sprintf("the demo book is at %s (as of %s)\nto make it anew: acctdesk --demo --reset", shown(path), asOf), nil
}

// isDemoBook refuses to reset a book that demo did not write.
func isDemoBook(path string) error {
	st, err := bolt.OpenExisting(path, bolt.Options{Now: time.Now})
	if err != nil {
		return fmt.Errorf("--reset: %w", err)
	}
	set, err := st.Settings()
	if err != nil {
		return fmt.Errorf("--reset: %w", err)
	}
	if set.Name != demoName {
		return fmt.Errorf("--reset: %s is not a demo book, and is left as it is (acctdesk demo --force replaces a book with a demo)", shown(path))
	}
	return nil
}
