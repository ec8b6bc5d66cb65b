package bolt_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"acctdesk/demo"
	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/store"
	"acctdesk/store/bolt"
)

// TestFlips is the fault campaign of SPEC §6 "Integrity": a small real
// book (the demo's, with a few calls logged after it) has one bit of one
// byte flipped, a byte at a time, in a copy; on each copy
//
//   - nothing panics or hangs (each flip has a deadline);
//   - every report (book, aging, dso, promises, escalations, queue, as csv)
//     either fails or prints exactly what it printed before the flip,
//     unless check fails on the copy: no flip changes a figure silently;
//   - a book that passes check reads whole: every report as before, and a
//     logged call goes in and leaves it passing;
//   - after check has failed, a write is refused (the book is read-only).
//
// It also counts what a write does when it comes right after the reports,
// before any check ran: refused (the readers, the write's own checks or its
// preflight met the damage) or accepted (the damage lies where neither the
// reports nor the write read, and stays for check to find).
//
// By default it flips flipsShort random bytes of the book's pages; with
// ACCTDESK_FLIPS=all every byte of them, with ACCTDESK_FLIPS=N, N random
// bytes, with ACCTDESK_FLIPS=at=OFF,… those bytes (ACCTDESK_FLIPS_ACCOUNTS
// sets the size of the demo book).
func TestFlips(t *testing.T) {
	accounts := 8
	if v, err := strconv.Atoi(os.Getenv("ACCTDESK_FLIPS_ACCOUNTS")); err == nil && v > 0 {
		accounts = v
	}
	clean, asOf := flipBook(t, accounts)
	data, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	used := usedSize(t, clean)
	truth := reportsOf(t, clean, asOf)
	for name, out := range truth {
		if out.err != nil {
			t.Fatalf("report %s of the whole book: %v", name, out.err)
		}
	}

	var offsets []int
	switch v := os.Getenv("ACCTDESK_FLIPS"); {
	case strings.HasPrefix(v, "at="): // at=OFF,OFF,…: these bytes only, to look again at one
		for _, f := range strings.Split(strings.TrimPrefix(v, "at="), ",") {
			off, err := strconv.Atoi(f)
			if err != nil || off < 0 || off >= len(data) {
				t.Fatalf("ACCTDESK_FLIPS=%s: %q is not a byte of the book", v, f)
			}
			offsets = append(offsets, off)
		}
	case v == "all":
		for i := range used {
			offsets = append(offsets, i)
		}
	default:
		n := flipsShort
		if testing.Short() {
			n = flipsShort / 4
		}
		if m, err := strconv.Atoi(v); err == nil && m > 0 {
			n = m
		}
		r := rand.New(rand.NewPCG(42, uint64(n)))
		for range n {
			offsets = append(offsets, r.IntN(used))
		}
	}

	var (
		mu    sync.Mutex
		tally = map[string]int{}
		next  = make(chan int)
		wg    sync.WaitGroup
	)
	count := func(outcomes []string) {
		mu.Lock()
		defer mu.Unlock()
		for _, o := range outcomes {
			tally[o]++
		}
	}
	start := time.Now()
	for w := range max(runtime.GOMAXPROCS(0), 2) {
		dir := filepath.Join(t.TempDir(), fmt.Sprint(w))
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			for off := range next {
				bit := byte(1) << (uint(off*7+3) % 8) // one bit, spread over the bit positions
				done := make(chan []string, 1)
				go func() { done <- flipOnce(t, dir, data, off, bit, asOf, truth) }()
				select {
				case o := <-done:
					count(o)
				case <-time.After(flipDeadline):
					t.Errorf("flip of bit %#x at byte %d: no answer within %v (a hang)", bit, off, flipDeadline)
					count([]string{"hang"})
					// The goroutine is stuck: stop feeding flips to this worker.
					for range next {
					}
					return
				}
			}
		})
	}
	for _, off := range offsets {
		if t.Failed() && len(offsets) < 10000 {
			break // the first failures say it
		}
		next <- off
	}
	close(next)
	wg.Wait()

	var lines []string
	for k, v := range tally {
		lines = append(lines, fmt.Sprintf("%-58s %6d", k, v))
	}
	sort.Strings(lines)
	t.Logf("%d single-bit flips over the %d bytes of pages of a %d-account book (%d bytes on disk), in %v:\n  %s",
		len(offsets), used, accounts, len(data), time.Since(start).Round(time.Millisecond), strings.Join(lines, "\n  "))
	if tally["silent: a report changed and check passed"] > 0 {
		t.Errorf("%d flips changed a report without an error from it or from check", tally["silent: a report changed and check passed"])
	}
}

// flipsShort is how many random flips the default run makes: a few seconds.
const flipsShort = 400

// flipDeadline bounds one flip's work (two opens, six reports, two checks, writes).
const flipDeadline = 60 * time.Second

// flipBook is the campaign's book: a demo book and a few calls and a
// promise logged on it afterwards (so pages were freed and rewritten, and
// the change log holds entries).
func flipBook(t *testing.T, accounts int) (string, domain.Date) {
	t.Helper()
	asOf := domain.MustDate("2026-11-22")
	path := filepath.Join(t.TempDir(), "book.db")
	s, err := bolt.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(demo.Options{AsOf: asOf, Seed: 5, Accounts: accounts}, func(b *store.Batch) error {
		_, err := s.Apply(ctx, b)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	d := desk.New(s, desk.Options{AsOf: asOf})
	p, err := s.Facts("", 3)
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range p.Facts {
		c := domain.Call{Outcome: "reached", Note: fmt.Sprintf("flip book call %d", i)}
		if i == 1 {
			c = domain.Call{Outcome: "promise", PromiseAmount: domain.M("12710000", "NGN").Amount, PromiseDue: asOf.AddDays(5), Confirmed: true}
		}
		if _, err := d.LogCall(ctx, x.Account.Code, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	return path, asOf
}

// reportOut is a report's csv, or its error.
type reportOut struct {
	csv string
	err error
}

// reportsOf makes every report of the book at path, as the command line does (Open, then the desk).
func reportsOf(t *testing.T, path string, asOf domain.Date) map[string]reportOut {
	out := map[string]reportOut{}
	s, err := bolt.Open(path, testOptions())
	for _, name := range report.Names {
		if err != nil {
			out[name] = reportOut{err: err}
			continue
		}
		tab, rerr := desk.New(s, desk.Options{AsOf: asOf}).Report(name, report.Input{AsOf: asOf})
		if rerr != nil {
			out[name] = reportOut{err: rerr}
			continue
		}
		var b bytes.Buffer
		if werr := tab.Write(&b, "csv"); werr != nil {
			out[name] = reportOut{err: werr}
			continue
		}
		out[name] = reportOut{csv: b.String()}
	}
	return out
}

// flipOnce flips bit at byte off of a copy of data in dir and says what
// came of it, one outcome per line of the tally.
func flipOnce(t *testing.T, dir string, data []byte, off int, bit byte, asOf domain.Date, truth map[string]reportOut) []string {
	for _, name := range []string{"a.db", "a.db.damaged", "b.db", "b.db.damaged"} {
		os.Remove(filepath.Join(dir, name))
	}
	bad := slices.Clone(data)
	bad[off] ^= bit
	pathA, pathB := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	for _, p := range []string{pathA, pathB} {
		if err := os.WriteFile(p, bad, 0o600); err != nil {
			t.Error(err)
			return nil
		}
	}
	where := fmt.Sprintf("flip of bit %#x at byte %d (page %d, offset %d)", bit, off, off/4096, off%4096)
	var out []string

	// The reports, as the command line makes them.
	got := reportsOf(t, pathA, asOf)
	var changed, failed []string
	for _, name := range report.Names {
		switch g := got[name]; {
		case g.err != nil:
			failed = append(failed, name)
			if !errors.Is(g.err, store.ErrDamaged) && !errors.Is(g.err, store.ErrNotABook) && !errors.Is(g.err, store.ErrNewer) {
				out = append(out, "report error that is not ErrDamaged/NotABook/Newer")
				t.Logf("%s: report %s: %v", where, name, g.err)
			}
		case g.csv != truth[name].csv:
			changed = append(changed, name)
		}
	}
	readersMarked := exists(pathA + ".damaged")

	// A logged call right after the reports, before any check (on a copy
	// that has what the readers left).
	if readersMarked {
		if m, err := os.ReadFile(pathA + ".damaged"); err == nil {
			_ = os.WriteFile(pathB+".damaged", m, 0o600)
		}
	}
	firstCode := strings.SplitN(strings.SplitN(truth["book"].csv, "\n", 3)[1], ",", 2)[0]
	call := domain.Call{Outcome: "reached", Note: "after the flip"}
	_, writeBefore := desk.New(bolt.Handle(pathB, testOptions()), desk.Options{AsOf: asOf}).LogCall(ctx, firstCode, call)

	// Check, then a write after it.
	a := bolt.Handle(pathA, testOptions())
	checkErr := a.Check()
	_, writeAfter := desk.New(a, desk.Options{AsOf: asOf}).LogCall(ctx, firstCode, call)

	if checkErr == nil {
		out = append(out, "harmless: check passes")
		if len(changed) > 0 {
			out = append(out, "silent: a report changed and check passed")
			t.Errorf("%s: reports %v changed without an error, and check passes", where, changed)
		}
		if len(failed) > 0 {
			out = append(out, "FAIL: a report failed on a book that passes check")
			t.Errorf("%s: reports %v failed on a book that passes check: %v", where, failed, got[failed[0]].err)
		}
		if writeAfter != nil {
			out = append(out, "FAIL: a write refused on a book that passes check")
			t.Errorf("%s: a logged call on a book that passes check: %v", where, writeAfter)
		} else if err := a.Check(); err != nil {
			out = append(out, "FAIL: a write on a whole book left it failing check")
			t.Errorf("%s: check after a logged call on a whole book: %v", where, err)
		}
		return out
	}

	// Damaged: what found it.
	msg := checkErr.Error()
	var found string
	switch {
	case !strings.Contains(msg, "problem"):
		found = "check refused at open (bbolt meta, file)"
	case strings.Contains(msg, "bbolt:"):
		found = "check found bbolt's structure broken"
	case strings.Contains(msg, "checksum mismatch"):
		found = "check found a checksum mismatch"
	default:
		found = "check found a logical problem"
	}
	out = append(out, "damaged: "+found)
	switch {
	case len(changed) > 0:
		out = append(out, "reports: one changed, check caught it")
	case len(failed) == len(report.Names):
		out = append(out, "reports: all failed")
	case len(failed) > 0:
		out = append(out, "reports: some failed, the rest as before")
	default:
		out = append(out, "reports: all as before")
	}
	if writeAfter == nil {
		out = append(out, "FAIL: a write accepted after check failed")
		t.Errorf("%s: a logged call was accepted after check failed (%.200v)", where, checkErr)
	} else {
		out = append(out, "write after check: refused")
	}
	switch {
	case writeBefore != nil && readersMarked:
		out = append(out, "write before check: refused (the readers' mark)")
	case writeBefore != nil:
		out = append(out, "write before check: refused (its own checks)")
	default:
		if err := bolt.Handle(pathB, testOptions()).Check(); err == nil {
			out = append(out, "write before check: accepted, and it made the book whole")
		} else {
			out = append(out, "write before check: accepted; check still finds the damage")
			out = append(out, "  accepted before check, then "+found)
			if os.Getenv("ACCTDESK_FLIPS_VERBOSE") != "" {
				t.Logf("%s: accepted before check; check: %.300v", where, checkErr)
			}
		}
	}
	return out
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
