package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"acctdesk/store"
)

func TestProgressBar(t *testing.T) {
	var out bytes.Buffer
	clock := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	p := newProgressBar(&out, "invoices.csv")
	p.now = func() time.Time { return clock }

	p.show("reading", 10_000, 0, "rows", 0.25)
	// 25 % of 30 cells = 7 full.
	want := "\rinvoices.csv  reading     " + strings.Repeat("█", 7) + strings.Repeat("░", 23) + "  25%  10,000 rows\x1b[K"
	if out.String() != want {
		t.Fatalf("got %q\nwant %q", out.String(), want)
	}
	// Within 100 ms of the last draw the same stage is not redrawn …
	out.Reset()
	clock = clock.Add(50 * time.Millisecond)
	p.show("reading", 20_000, 0, "rows", 0.5)
	if out.Len() != 0 {
		t.Errorf("redrawn too soon: %q", out.String())
	}
	// … but a new stage is, at once.
	p.apply(store.Progress{Stage: "checking", Done: 512_000, Total: 1_114_991})
	if got := out.String(); !strings.Contains(got, "checking") || !strings.Contains(got, " 45%  512,000 of 1,114,991 records") {
		t.Errorf("checking line %q", got)
	}
	out.Reset()
	p.apply(store.Progress{Stage: "committing"})
	if got := out.String(); got != "\rinvoices.csv  committing  \x1b[K" {
		t.Errorf("committing line %q", got)
	}
	out.Reset()
	p.clear()
	p.clear()
	if out.String() != "\r\x1b[K" {
		t.Errorf("clear wrote %q", out.String())
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1114991: "1,114,991", -5: "-5"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
