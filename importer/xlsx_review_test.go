package importer

import (
	"archive/zip"
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// bookOf zips every part given (sorted by name; stored, not deflated).
func bookOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(parts[n]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// styled is handParts with a styles part whose cellXfs use the given
// number formats (xf 0 is General), custom formats numbered from 164.
func styled(rows, sst string, fmts ...string) map[string]string {
	parts := handParts(rows, sst)
	parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], "</Relationships>",
		`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`, 1)
	var nf, xf strings.Builder
	xf.WriteString(`<xf numFmtId="0"/>`)
	for i, f := range fmts {
		if _, ok := index([]byte(f)); ok { // a built-in format's id
			xf.WriteString(`<xf numFmtId="` + f + `"/>`)
			continue
		}
		n := 164 + i
		nf.WriteString(`<numFmt numFmtId="` + strconv.Itoa(n) + `" formatCode="` + f + `"/>`)
		xf.WriteString(`<xf numFmtId="` + strconv.Itoa(n) + `"/>`)
	}
	parts["xl/styles.xml"] = `<styleSheet ` + ns + `><numFmts>` + nf.String() + `</numFmts><cellXfs>` + xf.String() + `</cellXfs></styleSheet>`
	return parts
}

// TestXLSXEscapes (item 5): Excel writes a character XML cannot hold, or a
// CR, as _xHHHH_ (any case), and a literal "_x0041_" as "_x005F_x0041_";
// shared strings and inline text are decoded before the usual checks: a
// decoded CR LF in a note is one line break, a decoded control character
// is refused in a code and in one-line text.
func TestXLSXEscapes(t *testing.T) {
	header := `<row>` + is("account") + is("number") + is("issue_date") + is("amount") + is("product") + is("dispute_reason") + `</row>`
	row := func(number, product, reason string) string {
		return `<row>` + is("ACME") + number + is("2026-01-05") + `<c><v>10</v></c>` + product + reason + `</row>`
	}
	sst := `<si><t xml:space="preserve">a_x000D_
b</t></si>` + // 0: a CR LF
		`<si><t>_x005F_x0041_</t></si>` + // 1: the literal _x0041_
		`<si><t>_x0041_B_x004a_</t></si>` + // 2: ABJ
		`<si><t>X_x0007_</t></si>` + // 3: a BEL
		`<si><r><t>_x0041</t></r><r><t>_C</t></r></si>` + // 4: runs are decoded one by one: "_x0041_C"
		`<si><t>_xD83D__xDE00_ _xD800_ _x00e9_ _x41_ _x005f_</t></si>` // 5: a surrogate pair, a lone one kept, é, too short, _
	rows := header +
		row(`<c t="s"><v>2</v></c>`, `<c t="s"><v>1</v></c>`, `<c t="s"><v>0</v></c>`) + // 2
		row(is("E3"), `<c t="s"><v>4</v></c>`, `<c t="inlineStr"><is><t>x_x000D_
y</t></is></c>`) + // 3
		row(is("E4"), `<c t="s"><v>5</v></c>`, `<c t="inlineStr"><is><r><t>p_x000d_</t></r><r><t>
q</t></r></is></c>`) + // 4
		row(`<c t="s"><v>3</v></c>`, is("fine"), is("")) + // 5: a BEL in a code
		row(is("E6"), `<c t="inlineStr"><is><t>one_x000D_two</t></is></c>`, is("")) + // 6: a CR in one-line text
		row(is("E7"), `<c t="s"><v>0</v></c>`, is("")) // 7: a line break in one-line text
	f := readBook(t, "invoices", handBook(t, rows, sst), Options{})
	wantErrors(t, f,
		"line 5: number: contains a control character (U+0007) (cell B5)",
		"line 6: product: contains a control character (U+000D) (cell E6)",
		"line 7: product: contains a control character (U+000D) (cell E7)")
	if len(f.Batch.Invoices) != 3 {
		t.Fatalf("invoices %+v", f.Batch.Invoices)
	}
	for i, want := range [][3]string{
		{"ABJ", "_x0041_", "a\nb"},
		{"E3", "_x0041_C", "x\ny"},
		{"E4", "😀 _xD800_ é _x41_ _", "p\nq"},
	} {
		v := f.Batch.Invoices[i].V
		if got := [3]string{v.Number, v.Product, v.DisputeReason}; got != want {
			t.Errorf("invoice %d: %q, want %q", i, got, want)
		}
	}
	for in, want := range map[string]string{
		"": "", "plain": "plain", "_x": "_x", "_x0041": "_x0041", "_x0041_": "A", "__x0041__": "_A_",
		"_x005F_": "_", "_x005F_x005F_": "_x005F_", "_x005F__x0041_": "_A", "_xZZZZ_": "_xZZZZ_",
		"_xDBFF__xDFFF_": "\U0010FFFF", "_xDC00_": "_xDC00_", "_xD800_x": "_xD800_x",
	} {
		if got := string(unescapeX([]byte(in))); got != want {
			t.Errorf("unescapeX(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestXLSXTimeFormats (item 6): a number cell formatted as a time only
// (built-ins 18–21, 32–33, 45–47; [h] [m] [s] elapsed time; h:mm AM/PM)
// is a number — in a text column its decimal, in a date column refused as
// a time — while a date-and-time format is a date (its day).
func TestXLSXTimeFormats(t *testing.T) {
	// xf 1: built-in 20 h:mm; 2: [h]:mm; 3: yyyy-mm-dd hh:mm; 4: built-in 22
	// m/d/yy h:mm; 5: built-in 46 [h]:mm:ss; 6: [mm]:ss; 7: h:mm AM/PM; 8: 14.
	fmts := []string{"20", "[h]:mm", "yyyy\\-mm\\-dd hh:mm", "22", "46", "[mm]:ss", "h:mm AM/PM", "14"}
	header := `<row>` + is("account") + is("number") + is("issue_date") + is("amount") + is("product") + is("unit") + `</row>`
	row := func(n, date, amount, product, unit string) string {
		return `<row>` + is("ACME") + is(n) + date + amount + product + unit + `</row>`
	}
	d := is("2026-01-05")
	ten := `<c><v>10</v></c>`
	rows := header +
		row("T2", d, ten, `<c s="2"><v>1.5</v></c>`, `<c s="1"><v>0.5</v></c>`) + // 2: 1.5 and 0.5, not 1900-01-01 and a refusal
		row("T3", d, `<c s="5"><v>1.25</v></c>`, `<c s="6"><v>0.75</v></c>`, `<c s="7"><v>0.25</v></c>`) + // 3
		// 46027 is 2026-01-05 (45658 is 2025-01-01, + 365 + 4); .75 is 18:00, dropped.
		row("T4", `<c s="3"><v>46027.75</v></c>`, ten, `<c s="4"><v>46027.5</v></c>`, `<c s="8"><v>46027</v></c>`) + // 4
		row("T5", `<c s="1"><v>0.5</v></c>`, ten, "", "") + // 5: a time in a date column
		row("T6", `<c s="2"><v>46027.75</v></c>`, ten, "", "") // 6: so is an elapsed time
	f := readBook(t, "invoices", bookOf(t, styled(rows, "", fmts...)), Options{})
	wantErrors(t, f,
		"line 5: issue_date: cell C5 holds 0.5 formatted as a time, not a date: write the date or format the cell as a date",
		"line 6: issue_date: cell C6 holds 46027.75 formatted as a time, not a date: write the date or format the cell as a date")
	var got []string
	for _, r := range f.Batch.Invoices {
		v := r.V
		got = append(got, v.Number+" "+v.Issued.String()+" "+v.Amount.String()+" "+v.Product+" "+v.Unit)
	}
	want := []string{"T2 2026-01-05 10 1.5 0.5", "T3 2026-01-05 1.25 0.75 0.25", "T4 2026-01-05 10 2026-01-05 2026-01-05"}
	if !slices.Equal(got, want) {
		t.Errorf("invoices\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for code, want := range map[string]numClass{
		"[h]:mm": numTime, "[hh]:mm:ss": numTime, "[m]": numTime, "[ss].00": numTime, "mm:ss": numTime, "h:mm AM/PM": numTime,
		"[$-409]h:mm:ss AM/PM;@": numTime, "hh:mm": numTime, "h A/P": numTime,
		"yyyy-mm-dd hh:mm": numDate, "d mmm yyyy": numDate, "mmm": numDate, "[$-409]d-mmm-yy;@": numDate, "m/d/yy h:mm": numDate,
		"0.00": numPlain, `0.00 "days"`: numPlain, "[Red]0.00": numPlain, "General": numPlain, `0.0 "m"`: numPlain, `#,##0.00_);[Red]\(#,##0.00\)`: numPlain,
	} {
		if got := formatClass(code); got != want {
			t.Errorf("formatClass(%q) = %d, want %d", code, got, want)
		}
	}
}

// TestCellDecimalCarry (item 7): rounding to 15 significant digits is
// taken only when it leaves fewer than 15 digits, does not carry into a
// new leading digit and lands within 2 ulp of the double.
func TestCellDecimalCarry(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"80.069999999999993", "80.07"},   // shortest round trip: 80.07
		{"107.49999999999999", "107.5"},   // 107.500000000000: 1 ulp (1.4e-14) away
		{"0.30000000000000004", "0.3"},    // 0.300000000000000: 1 ulp away
		{"12345678901234.56", ""},         // 16 significant digits, none noise
		{"99999999999999.98", ""},         // rounds to 100000000000000: carries into a 15th digit before the point
		{"1.000000000000004", ""},         // rounds to 1, 18 ulp (4e-15 / 2.2e-16) away
		{"1.0E+15", "1000000000000000"},   // one significant digit
		{"611365", "611365"},              // as typed
		{"-107.49999999999999", "-107.5"}, // the sign kept
	} {
		got, err := cellDecimal(c.in)
		if c.want == "" {
			if err == nil || !strings.Contains(err.Error(), "more digits than a spreadsheet number keeps exactly") {
				t.Errorf("cellDecimal(%s) = %q, %v; want it refused", c.in, got, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("cellDecimal(%s) = %q, %v; want %s", c.in, got, err, c.want)
		}
	}
	// In a workbook: the carried amount is refused naming the cell, number
	// cells in a code column read as codes.
	rows := `<row>` + is("account") + is("number") + is("issue_date") + is("amount") + `</row>` +
		`<row>` + is("ACME") + `<c><v>1.0E+15</v></c>` + is("2026-01-05") + `<c><v>99999999999999.98</v></c></row>` +
		`<row>` + is("ACME") + `<c><v>611365</v></c>` + is("2026-01-05") + `<c><v>5</v></c></row>`
	f := readBook(t, "invoices", handBook(t, rows, ""), Options{})
	wantErrors(t, f, "line 2: amount: cell D2 holds 99999999999999.98, more digits than a spreadsheet number keeps exactly: write it as a text cell")
	if numbers(f) != "611365" {
		t.Errorf("invoices %q", numbers(f))
	}
	rows = `<row>` + is("account") + is("number") + is("issue_date") + is("amount") + `</row>` +
		`<row>` + is("ACME") + `<c><v>1.0E+15</v></c>` + is("2026-01-05") + `<c><v>5</v></c></row>`
	f = readBook(t, "invoices", handBook(t, rows, ""), Options{})
	wantErrors(t, f)
	if numbers(f) != "1000000000000000" {
		t.Errorf("invoices %q", numbers(f))
	}
}
