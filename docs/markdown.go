package docs

import (
	"bufio"
	"io"
	"strings"
)

// mdEscape is a value as Markdown text that shows as itself: domain.Safe
// and on one line (plain), then every character Markdown or the HTML in
// it would read as markup backslash-escaped (CommonMark lets any ASCII
// punctuation be), so a name cannot become a link (no [ ]), an emphasis,
// code, a tag, an entity, a heading or another table cell. No line of a
// document begins with book text, so list and heading marks at a line's
// start need no escape.
func mdEscape(s string) string {
	s = plain(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~#&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func writeMarkdown(w io.Writer, d Doc) error {
	b := bufio.NewWriter(w)
	b.WriteString("# " + mdEscape(d.Title) + "\n\n")
	for i, l := range d.Header {
		end := "  \n" // a hard line break
		if i == len(d.Header)-1 {
			end = "\n"
		}
		b.WriteString(mdEscape(l) + end)
	}
	for _, bl := range d.Blocks {
		b.WriteString("\n")
		if bl.Heading != "" {
			b.WriteString("## " + mdEscape(bl.Heading) + "\n\n")
		}
		for i, l := range bl.Lines {
			end := "  \n"
			if i == len(bl.Lines)-1 {
				end = "\n"
			}
			b.WriteString(mdEscape(l) + end)
		}
		if bl.Table != nil {
			if len(bl.Lines) > 0 {
				b.WriteString("\n")
			}
			mdTable(b, bl.Table)
		}
	}
	return b.Flush()
}

func mdTable(b *bufio.Writer, t *Table) {
	if len(t.Rows) == 0 && len(t.Foot) == 0 {
		if t.Empty != "" {
			b.WriteString(mdEscape(t.Empty) + "\n")
		}
		return
	}
	row := func(cells []string, bold bool) {
		b.WriteString("|")
		for i := range t.Cols {
			v := ""
			if i < len(cells) {
				v = mdEscape(cells[i])
			}
			if bold && v != "" {
				v = "**" + v + "**"
			}
			b.WriteString(" " + v + " |")
		}
		b.WriteString("\n")
	}
	titles := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		titles[i] = c.Title
	}
	row(titles, false)
	b.WriteString("|")
	for _, c := range t.Cols {
		if c.Right {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		row(r, false)
	}
	for _, r := range t.Foot {
		row(r, true)
	}
}
