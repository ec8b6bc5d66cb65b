package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/internal/sample"
)

// changesModel is the workstation on the sample book as of Mon 2026-11-23,
// so that the queue's summary looks back to Fri 11-20, at 80×24.
func changesModel(t *testing.T) *Model {
	t.Helper()
	asOf := domain.MustDate("2026-11-23")
	opt := testOptions()
	opt.AsOf, opt.Today = asOf, asOf
	m := New(desk.New(sample.Store(), desk.Options{AsOf: asOf}), opt)
	drive(m, windowSize(80, 24), firstLoad(m.c.Desk)())
	if m.view == nil {
		t.Fatal("the book did not load")
	}
	return m
}

// TestChangesSummaryAndList: the queue's line of what changed (SPEC §9.6),
// ↑ from the first row onto it, c there opens the list, esc goes back, and
// c on a row still logs a call.
func TestChangesSummaryAndList(t *testing.T) {
	m := changesModel(t)
	q := queueOf(m)
	line := func() string { return ansi.Strip(strings.Split(m.View(), "\n")[2]) }
	// What the line says is the desk's count, worked out in prepare.
	v, err := m.c.Desk.View()
	if err != nil {
		t.Fatal(err)
	}
	want := v.WhatChanged(0, nil)
	if want.Since != domain.MustDate("2026-11-20") {
		t.Fatalf("since %s, want Fri 2026-11-20 (the working day before Mon 11-23)", want.Since)
	}
	if !strings.Contains(line(), want.Summary.Line()) || !strings.HasPrefix(want.Summary.Line(), "since Fri: ") {
		t.Fatalf("summary line %q, want %q", line(), want.Summary.Line())
	}
	if len(want.All) == 0 {
		t.Fatal("nothing changed from 11-20 to 11-23 in the sample: the list below shows nothing")
	}
	first, _ := q.Selected()
	press(m, "up")
	if code, _ := q.Selected(); code != "" || !strings.HasPrefix(line(), "▸ since Fri") {
		t.Fatalf("↑ on the first row: selected %q, line %q", code, line())
	}
	press(m, "c")
	if m.top() != nil {
		t.Fatal("c on the summary line opened a form")
	}
	view := m.View()
	checkFits(t, view, 80, 24)
	if !strings.Contains(ansi.Strip(view), "What changed · Sat 21 Nov to Mon 23 Nov · "+common.Count(len(want.All), "change")) {
		t.Fatalf("c on the line did not open the list:\n%s", ansi.Strip(view))
	}
	golden.RequireEqual(t, []byte(view))
	press(m, "esc", "down")
	if code, _ := q.Selected(); code != first {
		t.Fatalf("back from the list on %q, want the first row %q", code, first)
	}
	press(m, "c")
	if m.top() == nil {
		t.Fatal("c on a row no longer opens the call form")
	}
}

// TestChangesSummaryGolden keeps the queue with the cursor on the summary
// line at 80×24.
func TestChangesSummaryGolden(t *testing.T) {
	m := changesModel(t)
	press(m, "up")
	view := m.View()
	checkFits(t, view, 80, 24)
	golden.RequireEqual(t, []byte(view))
}
