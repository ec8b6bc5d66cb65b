package docs

import (
	"bufio"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"acctdesk/domain"
)

// plain is a value as one line of text: domain.Safe, a line break written
// \n and a tab as a space, so a value can neither drive the terminal nor
// pass for another line or break a column.
func plain(s string) string {
	return strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", " ").Replace(domain.Safe(s))
}

// width is how many columns s takes on a terminal.
func width(s string) int { return ansi.StringWidth(s) }

func pad(s string, w int, right bool) string {
	n := w - width(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// writeText writes the document as aligned plain text; a table of the
// usual values fits 80 columns.
func writeText(w io.Writer, d Doc) error {
	b := bufio.NewWriter(w)
	title := plain(d.Title)
	b.WriteString(title + "\n" + strings.Repeat("=", width(title)) + "\n")
	for _, l := range d.Header {
		b.WriteString(plain(l) + "\n")
	}
	for _, bl := range d.Blocks {
		b.WriteString("\n")
		if bl.Heading != "" {
			h := plain(bl.Heading)
			b.WriteString(h + "\n" + strings.Repeat("-", width(h)) + "\n")
		}
		for _, l := range bl.Lines {
			b.WriteString(plain(l) + "\n")
		}
		if bl.Table != nil {
			textTable(b, bl.Table)
		}
	}
	return b.Flush()
}

func textTable(b *bufio.Writer, t *Table) {
	if len(t.Rows) == 0 && len(t.Foot) == 0 {
		if t.Empty != "" {
			b.WriteString(plain(t.Empty) + "\n")
		}
		return
	}
	ws := make([]int, len(t.Cols))
	for i, c := range t.Cols {
		ws[i] = width(plain(c.Title))
	}
	for _, rows := range [][][]string{t.Rows, t.Foot} {
		for _, r := range rows {
			for i := range min(len(r), len(ws)) {
				ws[i] = max(ws[i], width(plain(r[i])))
			}
		}
	}
	line := func(cells []string) {
		parts := make([]string, len(t.Cols))
		for i, c := range t.Cols {
			v := ""
			if i < len(cells) {
				v = plain(cells[i])
			}
			parts[i] = pad(v, ws[i], c.Right)
		}
		b.WriteString(strings.TrimRight(strings.Join(parts, "  "), " ") + "\n")
	}
	titles := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		titles[i] = c.Title
	}
	line(titles)
	rule := make([]string, len(ws))
	for i, n := range ws {
		rule[i] = strings.Repeat("-", n)
	}
	b.WriteString(strings.Join(rule, "  ") + "\n")
	for _, r := range t.Rows {
		line(r)
	}
	if len(t.Foot) > 0 {
		b.WriteString(strings.Join(rule, "  ") + "\n")
		for _, r := range t.Foot {
			line(r)
		}
	}
}
