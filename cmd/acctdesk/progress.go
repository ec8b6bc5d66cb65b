package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"acctdesk/store"

	"github.com/mattn/go-isatty"
)

// isTerminal reports whether w is a terminal (the progress bar goes only there).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// progressBar is one line on a terminal, redrawn in place at most ten times
// a second, and on every change of stage:
//
//	invoices.csv  checking     ██████████████░░░░░░░░░░░░░░░░  46%  512,000 of 1,114,991 records
type progressBar struct {
	w     io.Writer
	label string
	now   func() time.Time
	last  time.Time
	stage string
	drawn bool
}

const (
	barCells    = 30
	barInterval = 100 * time.Millisecond
)

func newProgressBar(w io.Writer, label string) *progressBar {
	return &progressBar{w: w, label: label, now: time.Now}
}

// show draws stage at done of total units; frac, when not negative, is the
// share done (else done ÷ total); a total of 0 draws no bar.
func (p *progressBar) show(stage string, done, total int, unit string, frac float64) {
	t := p.now()
	if stage == p.stage && t.Sub(p.last) < barInterval {
		return
	}
	p.stage, p.last, p.drawn = stage, t, true
	if frac < 0 && total > 0 {
		frac = float64(done) / float64(total)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\r%s  %-11s ", p.label, stage)
	switch {
	case frac >= 0:
		frac = min(frac, 1)
		full := int(frac * barCells)
		b.WriteString(strings.Repeat("█", full) + strings.Repeat("░", barCells-full))
		fmt.Fprintf(&b, " %3d%%", int(frac*100))
		if total > 0 {
			fmt.Fprintf(&b, "  %s of %s %s", thousands(done), thousands(total), unit)
		} else if done > 0 {
			fmt.Fprintf(&b, "  %s %s", thousands(done), unit)
		}
	case done > 0:
		fmt.Fprintf(&b, "%s %s", thousands(done), unit)
	}
	b.WriteString("\x1b[K")
	io.WriteString(p.w, b.String())
}

// apply shows a store's progress.
func (p *progressBar) apply(pr store.Progress) {
	unit := "records"
	switch pr.Stage {
	case "summarising":
		unit = "accounts"
	case "committing":
		p.show("committing", 0, 0, "", -1)
		return
	}
	p.show(pr.Stage, pr.Done, pr.Total, unit, -1)
}

// clear erases the line, so what follows starts on a clean one.
func (p *progressBar) clear() {
	if p.drawn {
		io.WriteString(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// thousands writes n with comma separators: 1,114,991.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
