package importer

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// parser reads one row at a time into the batch and gathers errors.
type parser struct {
	kind    string
	opt     Options
	h       header
	src     source
	typed   bool       // a workbook: fields are typed cells
	kinds   []cellKind // a workbook row's cell kinds (nil: all text)
	settled bool       // the file has paid_on
	b       *store.Batch
	errs    store.RowErrors
	line    int
	rec     []string
	bad     bool
}

func (p *parser) get(col string) string {
	v, _ := p.cell(col)
	return v
}

// cell is a column's value, trimmed, and its cell's kind (text in a CSV
// file). A workbook cell that cannot be read (a formula without a saved
// value, a shared string the workbook lacks) is refused here, once, and
// reads as empty.
func (p *parser) cell(col string) (string, cellKind) {
	i, ok := p.h.idx[col]
	if !ok || i >= len(p.rec) {
		return "", cellText
	}
	if i >= len(p.kinds) {
		return strings.TrimSpace(p.rec[i]), cellText
	}
	k := p.kinds[i]
	if k == cellBad {
		p.failAt(col, p.rec[i], false)
		p.rec[i], p.kinds[i] = "", cellText
		return "", cellText
	}
	return strings.TrimSpace(p.rec[i]), k
}

// fail records what is wrong with a column of the row. The reason may quote
// the value (%q escapes it); it is Safe all the same. A workbook's cell is
// named too.
func (p *parser) fail(col, reason string) { p.failAt(col, reason, p.typed) }

func (p *parser) failAt(col, reason string, name bool) {
	p.bad = true
	if name {
		if i, ok := p.h.idx[col]; ok {
			reason += " (cell " + p.src.cell(i, p.line) + ")"
		}
	}
	p.errs = append(p.errs, store.RowError{Line: p.line, Field: p.h.label(col), Reason: domain.Safe(reason)})
}

// cellName names the cell of a column in this row ("F3").
func (p *parser) cellName(col string) string { return p.src.cell(p.h.idx[col], p.line) }

// refuse refuses a cell of a kind the column cannot read (what: "an
// amount"): an error cell anywhere, a boolean where what is not "", a date
// cell (t="d") where date is false. It reports whether it refused.
func (p *parser) refuse(col, v string, k cellKind, what string, date bool) bool {
	switch {
	case k == cellError:
		p.fail(col, fmt.Sprintf("the cell holds the error %s (a formula that failed): fix it or clear the cell", v))
	case k == cellBool && what != "":
		p.fail(col, fmt.Sprintf("a boolean cell (%s) is not %s: write the value", boolText(v), what))
	case k == cellISO && !date && what != "":
		p.fail(col, fmt.Sprintf("a date cell (%s) is not %s: write the value", v, what))
	default:
		return false
	}
	return true
}

// numberText is a number cell's value as its shortest decimal (cellDecimal);
// ok is false, the cell refused, when the double has more digits than a
// spreadsheet keeps.
func (p *parser) numberText(col, v string) (string, bool) {
	s, err := cellDecimal(v)
	if err != nil {
		p.failAt(col, "cell "+p.cellName(col)+" "+err.Error(), false)
		return "", false
	}
	return s, true
}

// asText is a cell as the text a text or code column reads: a text cell
// as written, a number cell as its shortest decimal, a date-formatted
// number as its date, a boolean as TRUE or FALSE (code: a boolean is
// refused, a number is never a date). ok is false when the cell was refused.
func (p *parser) asText(col string, code bool) (string, bool) {
	v, k := p.cell(col)
	what := ""
	if code {
		what = "a code"
	}
	if p.refuse(col, v, k, what, true) {
		return "", false
	}
	switch k {
	case cellNumber, cellTime:
		return p.numberText(col, v)
	case cellDated:
		if code {
			return p.numberText(col, v)
		}
		d := p.serial(col, v)
		if d == 0 {
			return "", false
		}
		return d.String(), true
	case cellBool:
		return boolText(v), true
	}
	return v, true
}

// text is a column of free text on one line: no control characters.
func (p *parser) text(col string) string {
	v, ok := p.asText(col, false)
	if !ok {
		return ""
	}
	if err := domain.CheckText(v, false, 2000); err != nil {
		p.fail(col, err.Error())
	}
	return v
}

// note is a column of free text that may hold line breaks (an ERP's note,
// a survey's comment): a quoted CSV field or a workbook cell keeps them.
func (p *parser) note(col string) string {
	v, ok := p.asText(col, false)
	if !ok || v == "" {
		return v
	}
	check := domain.CheckText(v, false, 2000)
	if strings.ContainsAny(v, "\n\t") { // (domain.CheckMultiline builds a replacer: only when needed)
		v = strings.ReplaceAll(v, "\r\n", "\n")
		check = domain.CheckMultiline(v, 2000)
	}
	if check != nil {
		p.fail(col, check.Error())
	}
	return v
}

// word is a text column read in lower case.
func (p *parser) word(col string) string { return strings.ToLower(p.text(col)) }

// code is a code, number or reference: no control or invisible characters
// either (domain.CheckCode), so that "INV-001" is what it reads as; an empty
// one is left to the record's validation ("is empty"). A workbook's text
// cell is kept exactly as written ("00123", "1E3"); a number cell (an
// invoice number typed as a number) reads as its shortest decimal, without
// ".0" or an exponent; a boolean is refused.
func (p *parser) code(col string) string {
	v, ok := p.asText(col, true)
	if !ok {
		return ""
	}
	if v != "" {
		if err := domain.CheckCode(v); err != nil {
			p.fail(col, err.Error())
		}
	}
	return v
}

// cellDecimal is a number cell's stored double as the decimal it was
// typed as. s1, the shortest form that reads back as the same double, is
// it when it has at most 15 significant digits, a spreadsheet's precision
// (80.07, stored as 80.069999999999993, is 80.07). Else s1 rounded to 15
// significant digits, s2, is it when s2 has fewer than 15, the rounding
// did not carry into a new leading digit (the same digits before the point,
// or the same decimal exponent) and s2 reads back within 2 ulp of the
// double: the further digits were binary noise (107.49999999999999 is
// 107.5, 0.30000000000000004 is 0.3). Else the number had more digits than
// the double keeps exactly (12345678901234.56; 99999999999999.98, which
// would round to 100000000000000; 1.000000000000004, 18 ulp from 1) and is
// refused.
func cellDecimal(v string) (string, error) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", fmt.Errorf("holds %q, which is not a number: the workbook is damaged; open and save it in a spreadsheet", v)
	}
	if f == 0 {
		return "0", nil
	}
	s1 := strconv.FormatFloat(f, 'f', -1, 64)
	if significant(s1) <= 15 {
		return s1, nil
	}
	e := strconv.FormatFloat(f, 'e', 14, 64) // s2: 15 significant digits, d.dddddddddddddde±x
	mant, exp2, _ := strings.Cut(strings.TrimPrefix(e, "-"), "e")
	_, exp1, _ := strings.Cut(strconv.FormatFloat(f, 'e', -1, 64), "e")
	if significant(mant) < 15 {
		d, err := decimal.NewFromString(e)
		s2 := d.String()
		back, _ := strconv.ParseFloat(s2, 64)
		abs := math.Abs(f)
		ulp := math.Nextafter(abs, math.Inf(1)) - abs
		if err == nil && (intDigits(s1) == intDigits(s2) || exp1 == exp2) && math.Abs(back-f) <= 2*ulp {
			return s2, nil
		}
	}
	return "", fmt.Errorf("holds %s, more digits than a spreadsheet number keeps exactly: write it as a text cell", s1)
}

// intDigits counts a decimal's digits before its point.
func intDigits(s string) int {
	s = strings.TrimPrefix(s, "-")
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return i
	}
	return len(s)
}

// significant counts a decimal's significant digits (leading and trailing
// zeros are not).
func significant(s string) int {
	first, last, n := -1, -1, 0 // the first and last non-zero digit, counting digits
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			if c != '0' {
				if first < 0 {
					first = n
				}
				last = n
			}
			n++
		}
	}
	if first < 0 {
		return 0
	}
	return last - first + 1
}

// amount reads an amount column; set is false when the cell is empty.
// neg allows a negative amount (a balance); elsewhere a negative is refused.
// A text cell is read by the CSV rules, a number cell as its decimal.
func (p *parser) amount(col string, c domain.Currency, neg bool) (d decimal.Decimal, set bool) {
	v, k := p.cell(col)
	if v == "" {
		return decimal.Zero, false
	}
	if p.refuse(col, v, k, "an amount", false) {
		return decimal.Zero, true
	}
	var err error
	if k == cellNumber || k == cellDated || k == cellTime {
		s, ok := p.numberText(col, v)
		if !ok {
			return decimal.Zero, true
		}
		v = s
		d, err = domain.ParseAmount(s, c)
	} else {
		d, err = p.parseAmount(v, c)
	}
	if err != nil {
		p.fail(col, err.Error())
		return decimal.Zero, true
	}
	if d.IsNegative() && !neg {
		p.fail(col, fmt.Sprintf("%q is negative: the amount must be more than zero (only a balance may be negative)", v))
	}
	return d, true
}

// parseAmount reads 1234.56, 1,234.56, -1,234.56 and (1,234.56), or with
// --decimal-comma 1.234,56 and 1234,56: a CSV field or a workbook's text
// cell. More places than the currency has are refused
// (domain.ParseAmount), as are exponents and anything else.
func (p *parser) parseAmount(v string, c domain.Currency) (decimal.Decimal, error) {
	s := v
	paren := strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")
	if paren {
		s = strings.TrimSpace(s[1 : len(s)-1])
		if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
			return decimal.Zero, fmt.Errorf("%q is not an amount (a sign inside parentheses)", v)
		}
	}
	if p.opt.DecimalComma {
		whole, frac, comma := strings.Cut(s, ",")
		if strings.Contains(frac, ",") || strings.Contains(frac, ".") {
			return decimal.Zero, fmt.Errorf("%q is not an amount written 1.234,56 (--decimal-comma)", v)
		}
		grouped := strings.NewReplacer(".", ",", " ", ",", "\u00a0", ",", "\u202f", ",").Replace(whole)
		if strings.Contains(grouped, ",") {
			plain, err := domain.ParseAmount(grouped, "")
			if err != nil {
				return decimal.Zero, fmt.Errorf("%q is not an amount written 1.234,56 (--decimal-comma): the points must group thousands", v)
			}
			whole = plain.String()
			if strings.HasPrefix(grouped, "-") && !strings.HasPrefix(whole, "-") {
				whole = "-" + whole // -0
			}
		}
		s = whole
		if comma {
			s += "." + frac
		}
	} else if commaDecimal.MatchString(s) || (strings.Contains(s, ".") && strings.LastIndex(s, ",") > strings.LastIndex(s, ".")) {
		return decimal.Zero, fmt.Errorf("%q has a comma where a point is expected; for amounts written 1.234,56 use --decimal-comma", v)
	}
	d, err := domain.ParseAmount(s, c)
	if err != nil {
		// Say it of the value as the file wrote it.
		return d, fmt.Errorf("%s", strings.Replace(err.Error(), strconv.Quote(s), strconv.Quote(v), 1))
	}
	if paren {
		d = d.Neg()
	}
	return d, nil
}

// commaDecimal is an amount written with a decimal comma: 12,5 or 1234,56.
// (1.234,56 — a comma after the last point — is one too.)
var commaDecimal = regexp.MustCompile(`^[-+]?\d+,\d{1,2}$`)

// decimalValue is a quantity: any places, never negative.
func (p *parser) quantity(col string) (decimal.Decimal, bool) { return p.amount(col, "", false) }

// date reads a date column: ISO YYYY-MM-DD or the --date-format layout;
// in a workbook, a number cell is a date whatever its display format (an
// Excel serial, in the workbook's 1900 or 1904 system) unless the format
// shows only a time (h:mm: refused), a text cell is
// read as text in the layout (never as a serial), a date cell (t="d") as
// its ISO date; a boolean is refused.
func (p *parser) date(col string) domain.Date {
	v, k := p.cell(col)
	if v == "" || p.refuse(col, v, k, "a date", true) {
		return 0
	}
	switch k {
	case cellNumber, cellDated:
		return p.serial(col, v)
	case cellTime:
		p.timeCell(col, v)
		return 0
	case cellISO:
		return p.isoCell(col, v)
	}
	layout := p.opt.DateLayout
	if layout == "" {
		layout = "2006-01-02"
	}
	d, err := domain.ParseDateLayout(v, layout)
	if err != nil {
		p.fail(col, err.Error()+suggestLayout(v, p.opt.DateLayout))
		return 0
	}
	return d
}

// timeCell refuses a number cell shown as a time (h:mm, [h]:mm) in a date
// column: 0.5 is noon, not a day.
func (p *parser) timeCell(col, v string) {
	if s, err := cellDecimal(v); err == nil {
		v = s
	}
	p.failAt(col, "cell "+p.cellName(col)+" holds "+v+" formatted as a time, not a date: write the date or format the cell as a date", false)
}

// isoCell reads a date cell of ISO 8601 type: 2013-01-02 or 2013-01-02T00:00:00.
func (p *parser) isoCell(col, v string) domain.Date {
	day := v
	if len(v) > 10 && v[10] == 'T' {
		day = v[:10]
	}
	d, err := domain.ParseDate(day)
	if err != nil {
		p.fail(col, fmt.Sprintf("the date cell holds %q, not an ISO 8601 date", v))
		return 0
	}
	return d
}

// serial is an Excel date serial as a date (its time of day dropped). In
// the 1900 system 1 is 1900-01-01 and 60 is 1900-02-29, a day that never
// was (kept by spreadsheets for Lotus 1-2-3): it is refused. In the 1904
// system 0 is 1904-01-01.
func (p *parser) serial(col, v string) domain.Date {
	f, err := strconv.ParseFloat(v, 64)
	x, _ := p.src.(*xlsxSource)
	in1904 := x != nil && x.date1904
	first := 1.0
	if in1904 {
		first = 0
	}
	if err != nil || math.IsNaN(f) || f < first || f > 2958465 { // 9999-12-31
		p.fail(col, fmt.Sprintf("%q is a number, not a date (an Excel date is %v to 2958465)", v, first))
		return 0
	}
	n := int(math.Floor(f))
	var d domain.Date
	switch {
	case in1904:
		d = domain.NewDate(1904, 1, 1).AddDays(n)
	case n == 60:
		p.fail(col, "the cell holds date serial 60, 1900-02-29, a day that did not exist (a spreadsheet's leap-year error): write the date")
		return 0
	case n < 60:
		d = domain.NewDate(1899, 12, 31).AddDays(n)
	default:
		d = domain.NewDate(1899, 12, 30).AddDays(n)
	}
	if err := domain.CheckDate(d); err != nil {
		p.fail(col, err.Error())
		return 0
	}
	return d
}

var (
	slashDate = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})$`)
)

// suggestLayout names the --date-format that reads v, when it looks like
// a US or European date.
func suggestLayout(v, layout string) string {
	m := slashDate.FindStringSubmatch(v)
	if m == nil {
		return ""
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[3])
	sep := m[2]
	us, eu := "1"+sep+"2"+sep+"2006", "2"+sep+"1"+sep+"2006"
	var want string
	switch {
	case a > 12 && b <= 12:
		want = eu
	case b > 12 && a <= 12:
		want = us
	case sep == ".":
		want = eu // D.M.YYYY is the European way
	default:
		return fmt.Sprintf("; for dates like this use --date-format %s (M%sD%sYYYY) or %s (D%sM%sYYYY)", us, sep, sep, eu, sep, sep)
	}
	if want == layout {
		return ""
	}
	return fmt.Sprintf("; for dates like this use --date-format %s (%s)", want, domain.LayoutWords(want))
}

// month reads a month, 2026-11 (a date on the first of a month too; in a
// workbook, a date cell on the first of a month).
func (p *parser) month(col string) domain.Date {
	v, k := p.cell(col)
	if v == "" || p.refuse(col, v, k, "a month", true) {
		return 0
	}
	var d domain.Date
	switch k {
	case cellNumber, cellDated:
		if d = p.serial(col, v); d == 0 {
			return 0
		}
	case cellTime:
		p.timeCell(col, v)
		return 0
	case cellISO:
		if d = p.isoCell(col, v); d == 0 {
			return 0
		}
	default:
		if t, err := time.Parse("2006-01", v); err == nil {
			d = domain.NewDate(t.Year(), t.Month(), 1)
		} else if dd, err := domain.ParseDate(v); err == nil {
			d = dd
		} else {
			p.fail(col, fmt.Sprintf("%q is not a month in the form YYYY-MM (2026-11)", v))
			return 0
		}
	}
	if d.MonthStart() != d {
		p.fail(col, fmt.Sprintf("%q is not a month: write YYYY-MM (2026-11) or the first of the month", v))
		return 0
	}
	if err := domain.CheckDate(d); err != nil {
		p.fail(col, err.Error())
		return 0
	}
	return d
}

func (p *parser) currency() domain.Currency {
	v, ok := p.asText("currency", true)
	if !ok || v == "" {
		return p.opt.Currency
	}
	c, err := domain.ParseCurrency(v)
	if err != nil {
		p.fail("currency", err.Error())
	}
	return c
}

func (p *parser) integer(col string, def int) int {
	v, k := p.cell(col)
	if v == "" {
		return def
	}
	if p.refuse(col, v, k, "a whole number", false) {
		return def
	}
	if k == cellNumber || k == cellDated || k == cellTime {
		s, ok := p.numberText(col, v)
		if !ok {
			return def
		}
		v = s
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		p.fail(col, fmt.Sprintf("%q is not a whole number", v))
	}
	return n
}

func (p *parser) boolean(col string) bool {
	v, k := p.cell(col)
	if p.refuse(col, v, k, "", false) {
		return false
	}
	switch k {
	case cellNumber, cellDated, cellTime:
		s, ok := p.numberText(col, v)
		if !ok {
			return false
		}
		v = s
	case cellBool:
		return v == "1" || strings.EqualFold(v, "true")
	}
	switch strings.ToLower(v) {
	case "", "no", "n", "false", "0":
		return false
	case "yes", "y", "true", "1", "x":
		return true
	}
	p.fail(col, fmt.Sprintf("%q is not yes or no (yes/no, true/false, y/n, 1/0)", v))
	return false
}
