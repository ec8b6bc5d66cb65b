package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestFiguresAsBefore: every report of books built by today's code prints
// byte for byte what the code before the one-view redesign printed for the
// same books and dates (testdata/before, see its README): demo books of
// three seeds at fifteen dates before, at and after their latest documents,
// and the IBM sample at nine.
func TestFiguresAsBefore(t *testing.T) {
	if testing.Short() {
		t.Skip("builds four books and prints 1,100 reports")
	}
	dir := filepath.Join("..", "..", "testdata", "before")
	books := map[string]string{}
	for _, seed := range []string{"1", "2", "3"} {
		db := filepath.Join(t.TempDir(), "demo"+seed+".db")
		must(t, db, "demo", "--accounts", "40", "--seed", seed, "--as-of", "2026-11-22")
		books["demo-seed"+seed] = db
	}
	ibm := filepath.Join(t.TempDir(), "ibm.db")
	must(t, ibm, "import", "invoices", filepath.Join("..", "..", "testdata", "ibm-ar-sample.csv"), "--currency", "USD",
		"--create-accounts", "--date-format", "1/2/2006", "--map", ibmMap)
	books["ibm"] = ibm

	files, err := filepath.Glob(filepath.Join(dir, "*-*-*-*"))
	if err != nil || len(files) < 50 {
		t.Fatalf("testdata/before holds %d files (%v)", len(files), err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		ext := filepath.Ext(name)
		if ext != ".csv" && ext != ".table" {
			continue
		}
		// demo-seed1-2026-11-22.csv: the book, then the date.
		stem := strings.TrimSuffix(name, ext)
		book, date := stem[:len(stem)-11], stem[len(stem)-10:]
		db, ok := books[book]
		if !ok {
			t.Fatalf("%s: no book %q", name, book)
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		formats := []string{"csv"}
		if ext == ".table" {
			formats = []string{"table", "json"}
		}
		var got strings.Builder
		for _, r := range []string{"book", "aging", "dso", "promises", "escalations", "queue"} {
			for _, f := range formats {
				got.WriteString("## report " + r + " --format " + f + " --as-of " + date + "\n")
				got.WriteString(must(t, db, "report", r, "--format", f, "--as-of", date))
			}
		}
		if got.String() != string(want) {
			t.Errorf("%s: the reports differ from before:\n%s", name, firstDiff(string(want), got.String()))
		}
	}
}

// firstDiff shows the first line where two texts part.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + "\n  before: " + a + "\n  now:    " + b
		}
	}
	return "(same lines, different ends)"
}
