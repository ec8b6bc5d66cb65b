package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"acctdesk/demo"
	"acctdesk/ui"

	tea "github.com/charmbracelet/bubbletea"
)

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
	if *useDemo {
		if g.db == "" {
			g.db = demoPath()
		}
		// Created on first use, reused afterwards.
		if _, err := os.Stat(g.db); os.IsNotExist(err) {
			fmt.Fprintf(c.stderr, "creating a demo book at %s …\n", g.db)
			if _, err := writeDemo(g.db, g.author(), demo.Options{AsOf: asOf, Seed: 1, Accounts: 30, Author: g.author()}, false); err != nil {
				return err
			}
		}
	}
	st, err := g.open()
	if err != nil {
		return err
	}
	tuneGC(g.path())
	set, err := st.Settings()
	if err != nil {
		return err
	}
	name := set.Name
	if name == "" || name == "book" {
		name = g.path()
	}
	m := ui.New(st, ui.Options{BookName: name, AsOf: asOf, User: g.author(), Today: asOf, PollEvery: 2 * time.Second})
	_, err = tea.NewProgram(m, tea.WithAltScreen()).Run()
	return err
}

// tuneGC: the workstation holds the whole book for the session, so nearly all
// it allocates while loading stays live. Collecting as the heap grows towards
// it costs a quarter of the start on a big book and frees almost nothing, so
// the collector waits for a memory limit of four times the file instead
// (about 1.3 GB for a 10,000-account book whose loaded heap is 0.85 GB),
// and collects as usual past it. GOGC or GOMEMLIMIT set by the user win.
func tuneGC(path string) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	limit := int64(256 << 20)
	if info, err := os.Stat(path); err == nil {
		limit = max(limit, 4*info.Size())
	}
	debug.SetMemoryLimit(limit)
	debug.SetGCPercent(-1)
}
