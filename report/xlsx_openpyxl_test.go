package report

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"acctdesk/domain"
)

// readBack is a second, independent reader of our workbooks: python3 with
// openpyxl. For each cell asked it says its type (number, date, string or
// empty), its value as text, its number format and whether it is bold; and
// for the sheet, the frozen cell and the autofilter's range.
const readBack = `
import json, sys, datetime
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames}
ws = wb[wb.sheetnames[0]]
out["freeze"] = ws.freeze_panes
out["filter"] = ws.auto_filter.ref
cells = {}
for ref in sys.argv[2:]:
    c = ws[ref]
    v = c.value
    if v is None:
        kind, text = "empty", ""
    elif c.is_date:
        kind, text = "date", v.isoformat()
    elif isinstance(v, bool):
        kind, text = "bool", str(v)
    elif isinstance(v, (int, float)):
        kind, text = "number", repr(v)
    else:
        kind, text = "string", str(v)
    cells[ref] = {"kind": kind, "text": text, "format": c.number_format, "bold": bool(c.font.b)}
out["cells"] = cells
json.dump(out, sys.stdout)
`

type pyCell struct {
	Kind, Text, Format string
	Bold               bool
}

type pyBook struct {
	Sheets         []string
	Freeze, Filter string
	Cells          map[string]pyCell
}

// openpyxl reads the workbook at path, or skips the test when python3 or
// openpyxl is missing (fails instead when $CI is set: CI installs them).
// The python is $PYTHON, else the first python3 on $PATH that has openpyxl,
// else the system's (apt's python3-openpyxl is the system python's when a
// version manager's python3 comes first on $PATH).
func openpyxl(t *testing.T, path string, cells ...string) pyBook {
	t.Helper()
	var py string
	err := exec.ErrNotFound
	for _, name := range []string{os.Getenv("PYTHON"), "python3", "/usr/bin/python3"} {
		if name == "" {
			continue
		}
		if py, err = exec.LookPath(name); err == nil {
			if err = exec.Command(py, "-c", "import openpyxl").Run(); err == nil {
				break
			}
		}
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("python3 with openpyxl is needed (apt python3-openpyxl): %v", err)
		}
		t.Skipf("no python3 with openpyxl (apt python3-openpyxl): %v", err)
	}
	out, err := exec.Command(py, append([]string{"-c", readBack, path}, cells...)...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("openpyxl: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var b pyBook
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return b
}

// writeReport writes a report of richBook as of 2026-06-30 as xlsx to a file.
func writeReport(t *testing.T, name string) string {
	t.Helper()
	r, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	b := richBook(t)
	tab := Of(r, Input{AsOf: domain.MustDate("2026-06-30")}, b.Settings, b.Accounts)
	path := filepath.Join(t.TempDir(), name+".xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := tab.Write(f, "xlsx"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWorkbooksReadByOpenpyxl(t *testing.T) {
	cases := []struct {
		report, filter string
		cells          map[string]pyCell
	}{
		// As TestAgingWorkbook: B-ACME row 3, X-TOGO row 4, TOTAL NGN row 5.
		{"aging", "A1:K4", map[string]pyCell{
			"A1": {"string", "account", "General", true},
			"C3": {"number", "1000", "#,##0.00", false}, // 1000.00 current
			"E3": {"number", "3500", "#,##0.00", false}, // 4000 − 500
			"H4": {"number", "150000", "#,##0", false},  // XOF: no places
			"K5": {"number", "6200", "#,##0.00", true},  // 6500 − 300, TOTAL in bold
			"A5": {"string", "TOTAL", "General", true},
		}},
		// As TestBookWorkbook: B-ACME row 3, X-TOGO row 5.
		{"book", "A1:L5", map[string]pyCell{
			"B3": {"string", `=HYPERLINK("http://x")\x1b[2J`, "General", false}, // text, not a formula
			"C3": {"number", "2", "0", false},
			"J3": {"number", "65", "0.0", false},  // 6500 ÷ 10000 × 100 = 65, shown 65.0
			"J5": {"empty", "", "General", false}, // no limit, no utilisation
			"K5": {"empty", "", "General", false}, // no contact
		}},
		{"promises", "A1:I2", map[string]pyCell{
			"B2": {"number", "2000", "#,##0.00", false},
			"D2": {"date", "2026-06-01T00:00:00", "yyyy-mm-dd", false},
			"E2": {"date", "2026-06-20T00:00:00", "yyyy-mm-dd", false},
			"G2": {"date", "2026-06-01T09:30:00", "yyyy-mm-dd hh:mm:ss", false},
		}},
	}
	for _, c := range cases {
		var refs []string
		for ref := range c.cells {
			refs = append(refs, ref)
		}
		got := openpyxl(t, writeReport(t, c.report), refs...)
		if len(got.Sheets) != 1 || got.Sheets[0] != c.report {
			t.Errorf("%s: sheets %q", c.report, got.Sheets)
		}
		if got.Freeze != "A2" {
			t.Errorf("%s: frozen at %q, want A2 (the header row)", c.report, got.Freeze)
		}
		if stripDollars(got.Filter) != c.filter {
			t.Errorf("%s: autofilter %q, want %s", c.report, got.Filter, c.filter)
		}
		for ref, want := range c.cells {
			g := got.Cells[ref]
			// openpyxl gives a whole number as an int: repr 1000, not 1000.0.
			if g.Kind != want.Kind || g.Text != want.Text || g.Format != want.Format || g.Bold != want.Bold {
				t.Errorf("%s %s: openpyxl reads %+v, want %+v", c.report, ref, g, want)
			}
		}
	}
}

func stripDollars(s string) string {
	b := []byte{}
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			b = append(b, s[i])
		}
	}
	return string(b)
}
