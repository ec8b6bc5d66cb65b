package common

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// Ellipsis ends a cut text.
const Ellipsis = "…"

// Width is the display width of s (ANSI-aware, wide runes count two).
func Width(s string) int { return ansi.StringWidth(s) }

// Cut shortens s to at most w cells, ending in … when it was cut.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, Ellipsis)
}

// Fit cuts s to w cells and pads it with spaces to exactly w.
func Fit(s string, w int) string {
	s = Cut(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// FitRight cuts s to w cells and pads it on the left to exactly w.
func FitRight(s string, w int) string {
	s = Cut(s, w)
	if n := ansi.StringWidth(s); n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// Spread puts left and right on one line of width w, cutting left first.
func Spread(left, right string, w int) string {
	rw := ansi.StringWidth(right)
	if rw >= w {
		return Fit(right, w)
	}
	lw := w - rw - 1
	if lw < 0 {
		lw = 0
	}
	return Fit(left, lw) + " " + right
}

// Clean is text from the book, a file or the keyboard as one line of the
// screen: domain.Safe (control characters, bidi and zero-width characters
// and bytes that are not UTF-8 written out as visible escapes, so stored
// text can never drive the terminal), then newlines and tabs as spaces, so
// a cell stays one line. Text that needs neither comes back as it is.
func Clean(s string) string {
	s = domain.Safe(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return oneLine.Replace(s)
}

var oneLine = strings.NewReplacer("\n", " ", "\t", " ")

// Lines pads or cuts a block to exactly h lines of exactly w cells.
func Lines(lines []string, w, h int) string {
	var b strings.Builder
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(lines) {
			l := lines[i]
			if n := ansi.StringWidth(l); n > w {
				l = ansi.Truncate(l, w, Ellipsis)
			} else if n < w {
				l += strings.Repeat(" ", w-n)
			}
			b.WriteString(l)
		} else {
			b.WriteString(strings.Repeat(" ", w))
		}
	}
	return b.String()
}

// Money is the human form with the symbol: ₦1,500.00, -$20.00.
func Money(d decimal.Decimal, c domain.Currency) string {
	if d.IsNegative() {
		return "-" + c.Symbol() + domain.Human(d.Neg(), c)
	}
	return c.Symbol() + domain.Human(d, c)
}

// ShortMoney is the narrow form with the symbol: ₦4.2M, -$950k, ₦0.
func ShortMoney(d decimal.Decimal, c domain.Currency) string {
	if d.IsNegative() {
		return "-" + c.Symbol() + domain.Short(d.Neg())
	}
	return c.Symbol() + domain.Short(d)
}

// MoneyIn is Money when it fits in w cells, else ShortMoney.
func MoneyIn(d decimal.Decimal, c domain.Currency, w int) string {
	if s := Money(d, c); ansi.StringWidth(s) <= w {
		return s
	}
	return ShortMoney(d, c)
}

// DateWidth is the width of a date column: the widest Day ("24 Sep'25").
const DateWidth = 9

// Day is the one compact date of the screens, in columns and in sentences:
// "24 Sep" in the as-of year, "24 Sep'25" in any other (the day always, the
// year whenever it is not this year); "" for no date.
func Day(d, asOf domain.Date) string {
	if d.IsZero() {
		return ""
	}
	y, _, _ := d.Parts()
	if ay, _, _ := asOf.Parts(); y == ay {
		return d.Format("02 Jan")
	}
	return d.Format("02 Jan'06")
}

// LongDay is "Fri 20 Nov 2026".
func LongDay(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("Mon 2 Jan 2006")
}

// Pct formats a percentage with no decimals: "82 %".
func Pct(p decimal.Decimal) string { return p.Round(0).String() + " %" }

// Count is "1 account", "3 accounts".
func Count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// WeekDay is "Fri 20 Nov" in the as-of year, else "Fri 20 Nov 2027".
func WeekDay(d, asOf domain.Date) string {
	if d.IsZero() {
		return ""
	}
	y, _, _ := d.Parts()
	ay, _, _ := asOf.Parts()
	if y == ay {
		return d.Format("Mon 2 Jan")
	}
	return d.Format("Mon 2 Jan 2006")
}

// ContactName is a contact as the workstation names one, safe to draw:
// "Ngozi Eze (finance, primary)".
func ContactName(c domain.Contact) string {
	var tags []string
	if c.Role != "" {
		tags = append(tags, c.Role)
	}
	if c.Primary {
		tags = append(tags, "primary")
	}
	if len(tags) == 0 {
		return Clean(c.Name)
	}
	return Clean(c.Name + " (" + strings.Join(tags, ", ") + ")")
}

// WrapWords wraps text to lines at most w cells wide, breaking only at
// spaces — never inside a word such as "on-time", which a reader must see
// whole — and cutting a word longer than a line across lines. Runs of
// spaces between words become one.
func WrapWords(text string, w int) []string {
	w = max(w, 1)
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		for Width(word) > w { // longer than a line: cut it
			if line != "" {
				lines, line = append(lines, line), ""
			}
			head := ansi.Truncate(word, w, "")
			if head == "" { // a character wider than the line
				_, n := utf8.DecodeRuneInString(word)
				head = word[:n]
			}
			lines, word = append(lines, head), word[len(head):]
		}
		switch {
		case line == "":
			line = word
		case Width(line)+1+Width(word) <= w:
			line += " " + word
		default:
			lines, line = append(lines, line), word
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}
