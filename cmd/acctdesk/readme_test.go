package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readmeCommands are the ./acctdesk command lines of README.md's sh blocks
// whose first words are prefix, continuation lines joined, split as a shell
// would split them (double quotes only: that is all the README uses).
func readmeCommands(t *testing.T, prefix string) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	var cur string
	inBlock := false
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inBlock = !inBlock && strings.HasPrefix(line, "```sh")
			continue
		case !inBlock:
			continue
		}
		if cur != "" {
			cur += " " + strings.TrimSpace(line)
		} else if strings.HasPrefix(line, "./acctdesk "+prefix) {
			cur = line
		} else {
			continue
		}
		if strings.HasSuffix(cur, `\`) {
			cur = strings.TrimSuffix(cur, `\`)
			continue
		}
		if i := strings.Index(cur, " #"); i >= 0 {
			cur = cur[:i]
		}
		out = append(out, shellWords(strings.TrimPrefix(cur, "./acctdesk ")))
		cur = ""
	}
	return out
}

func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	quoted, started := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, started = !quoted, true
		case (r == ' ' || r == '\t') && !quoted:
			if started {
				words = append(words, w.String())
				w.Reset()
				started = false
			}
		default:
			w.WriteRune(r)
			started = true
		}
	}
	if started {
		words = append(words, w.String())
	}
	return words
}

// TestReadmeImports: the README's import commands — the IBM sample as it
// is, the workbook's customers then its invoices — run as written (paths
// from the repository's root) and say what the README says they say.
func TestReadmeImports(t *testing.T) {
	cmds := readmeCommands(t, "import ")
	if len(cmds) != 3 {
		t.Fatalf("%d import commands in README.md, want the IBM one and the workbook's two: %q", len(cmds), cmds)
	}
	root := filepath.Join("..", "..")
	for _, c := range cmds {
		for i, w := range c {
			switch {
			case strings.HasPrefix(w, "../shared/"):
				if _, err := os.Stat(filepath.Join(root, w)); err != nil {
					c[i] = filepath.Join(root, "testdata", "ibm-ar-sample.csv") // the same file, kept in the repository
				} else {
					c[i] = filepath.Join(root, w)
				}
			case strings.HasPrefix(w, "testdata/"):
				c[i] = filepath.Join(root, w)
			}
		}
	}
	dir := t.TempDir()
	ibm := must(t, filepath.Join(dir, "ibm.db"), cmds[0]...)
	if !strings.Contains(ibm, ": 2,466 invoices added, 2,466 payments added (from paid_on), 561 disputes added, 100 accounts created\n") {
		t.Errorf("IBM import: %q", ibm)
	}
	db := filepath.Join(dir, "erp.db")
	if out := must(t, db, cmds[1]...); !strings.Contains(out, ": 3 accounts added") {
		t.Errorf("the workbook's customers: %q", out)
	}
	if out := must(t, db, cmds[2]...); !strings.Contains(out, ": 6 invoices added\nignored columns: Customer Name, Remaining Amt. (LCY)\n") {
		t.Errorf("the workbook's invoices: %q", out)
	}
	// As of 2026-11-30, by hand from the sheet (due dates and amounts):
	// 10010: SI-104412 due 14 Oct, 47 days → 31–60 1,250,000.00; SI-104598
	//        due 1 Nov, 29 days → 1–30 880,450.50; SI-104733 due 3 Dec →
	//        current 80.07 (a double 80.06999999999999 in the file);
	//        total 2,130,530.57.
	// 10022: SI-104455 due 27 Sep, 64 days → 61–90 3,410,000.00; SI-104801
	//        due 20 Dec → current 512,300.25; total 3,922,300.25.
	// 10035: SI-104690 due 20 Nov, 10 days → 1–30 2,045,999.99.
	// TOTAL: current 512,380.32, 1–30 2,926,450.49, 31–60 1,250,000.00,
	//        61–90 3,410,000.00; 8,098,830.81.
	want := "account,currency,current,d1_30,d31_60,d61_90,d91_120,d120_plus,total,unapplied,net\n" +
		"10010,NGN,80.07,880450.50,1250000.00,0.00,0.00,0.00,2130530.57,0.00,2130530.57\n" +
		"10022,NGN,512300.25,0.00,0.00,3410000.00,0.00,0.00,3922300.25,0.00,3922300.25\n" +
		"10035,NGN,0.00,2045999.99,0.00,0.00,0.00,0.00,2045999.99,0.00,2045999.99\n" +
		"TOTAL,NGN,512380.32,2926450.49,1250000.00,3410000.00,0.00,0.00,8098830.81,0.00,8098830.81\n"
	if got := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-11-30"); got != want {
		t.Errorf("aging:\n%s\nwant:\n%s", got, want)
	}
	if book := must(t, db, "report", "book", "--format", "csv", "--as-of", "2026-11-30"); !strings.Contains(book, "10022,Bello Agro Processing,") {
		t.Errorf("the customers' names:\n%s", book)
	}
}
