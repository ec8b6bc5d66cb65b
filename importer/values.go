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
	"github.com/xuri/excelize/v2"
)

// parser reads one row at a time into the batch and gathers errors.
type parser struct {
	kind    string
	opt     Options
	h       header
	src     source
	typed   bool // a workbook: fields are raw cell values
	settled bool // the file has paid_on
	b       *store.Batch
	errs    store.RowErrors
	line    int
	rec     []string
	bad     bool
}

func (p *parser) get(col string) string {
	i, ok := p.h.idx[col]
	if !ok || i >= len(p.rec) {
		return ""
	}
	return strings.TrimSpace(p.rec[i])
}

// fail records what is wrong with a column of the row. The reason may quote
// the value (%q escapes it); it is Safe all the same. A workbook's cell is
// named too.
func (p *parser) fail(col, reason string) {
	p.bad = true
	if p.typed {
		if i, ok := p.h.idx[col]; ok {
			reason += " (cell " + p.src.cell(i, p.line) + ")"
		}
	}
	p.errs = append(p.errs, store.RowError{Line: p.line, Field: p.h.label(col), Reason: domain.Safe(reason)})
}

// excelErrors are the values of a workbook's error cells.
var excelErrors = map[string]bool{"#N/A": true, "#VALUE!": true, "#REF!": true, "#DIV/0!": true, "#NUM!": true,
	"#NAME?": true, "#NULL!": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true, "#FIELD!": true, "#BLOCKED!": true}

// cellErr refuses a workbook's error cell (a formula that failed).
func (p *parser) cellErr(col, v string) bool {
	if p.typed && excelErrors[strings.ToUpper(v)] {
		p.fail(col, fmt.Sprintf("the cell holds the error %s (a formula that failed): fix it or clear the cell", v))
		return true
	}
	return false
}

// text is a column of free text on one line: no control characters.
func (p *parser) text(col string) string {
	v := p.get(col)
	if p.cellErr(col, v) {
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
	v := p.get(col)
	if p.cellErr(col, v) {
		return ""
	}
	if v == "" {
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
// one is left to the record's validation ("is empty"). A workbook's number
// cell (an invoice number typed as a number) reads as the integer it is,
// without ".0" or an exponent.
func (p *parser) code(col string) string {
	v := p.get(col)
	if p.cellErr(col, v) {
		return ""
	}
	if p.typed && strings.ContainsAny(v, ".eE") {
		if f, err := strconv.ParseFloat(v, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			v = shortest(f)
		}
	}
	if v != "" {
		if err := domain.CheckCode(v); err != nil {
			p.fail(col, err.Error())
		}
	}
	return v
}

// shortest is a binary double as the decimal Excel shows: its shortest
// form (80.06999999999999 is 80.07), at most 15 significant digits, Excel's
// own precision (0.1+0.2 is 0.3).
func shortest(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if digits := strings.TrimLeft(strings.NewReplacer(".", "", "-", "").Replace(s), "0"); len(digits) > 15 {
		g, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
		s = strconv.FormatFloat(g, 'f', -1, 64)
	}
	return s
}

// number reads a workbook's number cell as its shortest decimal; ok is
// false for a value that is not one (a text cell).
func number(v string) (string, bool) {
	if v == "" || strings.ContainsAny(v, ", ()") {
		return "", false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", false
	}
	return shortest(f), true
}

// amount reads an amount column; set is false when the cell is empty.
// neg allows a negative amount (a balance); elsewhere a negative is refused.
func (p *parser) amount(col string, c domain.Currency, neg bool) (d decimal.Decimal, set bool) {
	v := p.get(col)
	if v == "" || p.cellErr(col, v) {
		return decimal.Zero, false
	}
	d, err := p.parseAmount(v, c)
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
// --decimal-comma 1.234,56 and 1234,56; a workbook's number cell as its
// shortest decimal. More places than the currency has are refused
// (domain.ParseAmount), as are exponents and anything else.
func (p *parser) parseAmount(v string, c domain.Currency) (decimal.Decimal, error) {
	if p.typed {
		if s, ok := number(v); ok {
			return domain.ParseAmount(s, c)
		}
	}
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
// Excel serial, in the workbook's 1900 or 1904 system).
func (p *parser) date(col string) domain.Date {
	v := p.get(col)
	if v == "" || p.cellErr(col, v) {
		return 0
	}
	layout := p.opt.DateLayout
	if layout == "" {
		layout = "2006-01-02"
	}
	d, err := domain.ParseDateLayout(v, layout)
	if err == nil {
		return d
	}
	if p.typed {
		if f, ferr := strconv.ParseFloat(v, 64); ferr == nil {
			return p.serial(col, v, f)
		}
		if len(v) > 10 && v[10] == 'T' { // a date cell of ISO 8601 type (t="d")
			if d, err := domain.ParseDate(v[:10]); err == nil {
				return d
			}
		}
	}
	p.fail(col, err.Error()+suggestLayout(v, p.opt.DateLayout))
	return 0
}

// serial is an Excel date serial as a date.
func (p *parser) serial(col, v string, f float64) domain.Date {
	x, _ := p.src.(*xlsxSource)
	if f < 1 || f > 2958465 { // 9999-12-31
		p.fail(col, fmt.Sprintf("%q is a number, not a date (an Excel date is 1 to 2958465)", v))
		return 0
	}
	t, err := excelize.ExcelDateToTime(math.Floor(f), x != nil && x.date1904)
	if err != nil {
		p.fail(col, fmt.Sprintf("%q is not a date: %v", v, err))
		return 0
	}
	d := domain.NewDate(t.Year(), t.Month(), t.Day())
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
	v := p.get(col)
	if v == "" || p.cellErr(col, v) {
		return 0
	}
	var d domain.Date
	if t, err := time.Parse("2006-01", v); err == nil {
		d = domain.NewDate(t.Year(), t.Month(), 1)
	} else if dd, err := domain.ParseDate(v); err == nil {
		d = dd
	} else if f, err := strconv.ParseFloat(v, 64); p.typed && err == nil {
		if d = p.serial(col, v, f); d == 0 {
			return 0
		}
	} else {
		p.fail(col, fmt.Sprintf("%q is not a month in the form YYYY-MM (2026-11)", v))
		return 0
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
	v := p.get("currency")
	if v == "" || p.cellErr("currency", v) {
		return p.opt.Currency
	}
	c, err := domain.ParseCurrency(v)
	if err != nil {
		p.fail("currency", err.Error())
	}
	return c
}

func (p *parser) integer(col string, def int) int {
	v := p.get(col)
	if v == "" || p.cellErr(col, v) {
		return def
	}
	if p.typed {
		if s, ok := number(v); ok {
			v = s
		}
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		p.fail(col, fmt.Sprintf("%q is not a whole number", v))
	}
	return n
}

func (p *parser) boolean(col string) bool {
	v := p.get(col)
	if p.cellErr(col, v) {
		return false
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
