package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"

	"acctdesk/config"
	"acctdesk/demo"
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
	useDemo := fs.Bool("demo", false, "open a demo book kept apart from the real one")
	help := fs.Bool("help", false, "show help")
	fs.BoolVar(help, "h", false, "show help")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *help {
		return helpRequested{}
	}
	if len(pos) > 0 {
		return fmt.Errorf("unknown command %q (run acctdesk --help)", pos[0])
	}
	asOf, err := g.date()
	if err != nil {
		return err
	}
	cfg, cfgErr := config.Load(config.Path(os.Getenv)) // a bad file: one line, and the defaults
	if cfgErr != nil {
		fmt.Fprintln(c.stderr, cfgErr)
	}
	if g.user == "" && cfg.User != "" { // --user and $ACCTDESK_USER first
		g.user = cfg.User
	}
	if *useDemo {
		if g.db == "" {
			g.db = demoPath()
		}
		// Created on first use, reused afterwards.
		if _, err := os.Stat(g.db); os.IsNotExist(err) {
			fmt.Fprintf(c.stderr, "creating a demo book at %s …\n", shown(g.db))
			if _, err := writeDemo(g.db, g.author(), demo.Options{AsOf: asOf, Seed: 1, Accounts: 30, Author: g.author()}, false); err != nil {
				return err
			}
		}
	}
	st, err := g.open(nil) // the workstation shows the warning itself
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
		StatusFade: ui.StatusFade, RecapDir: ui.RecapDir(cfg.Clipboard, os.Getenv)}
	if cfgErr != nil {
		opt.Notice = cfgErr.Error()
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
	return err
}
