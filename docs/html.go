package docs

import (
	"bufio"
	"html"
	"io"
)

// esc is a value as HTML text: safe for a terminal too (plain), then every
// character HTML reads as markup escaped.
func esc(s string) string { return html.EscapeString(plain(s)) }

const css = `body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;font-size:14px;color:#111;max-width:60em;margin:2em auto;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
.header p{margin:.1em 0}table{border-collapse:collapse;width:100%;margin:.4em 0}
th,td{padding:.25em .6em;border-bottom:1px solid #e3e3e3;text-align:left;white-space:nowrap}
th{background:#f3f3f3}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tfoot td{font-weight:bold;border-top:2px solid #999}p.empty{color:#555}
@media print{body{margin:0}h2{page-break-after:avoid}}`

// writeHTML writes one self-contained page: inline CSS, no script, no
// outside resource.
func writeHTML(w io.Writer, d Doc) error {
	b := bufio.NewWriter(w)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<title>" + esc(d.Title) + "</title>\n<style>\n" + css + "\n</style>\n</head>\n<body>\n")
	b.WriteString("<h1>" + esc(d.Title) + "</h1>\n<div class=\"header\">\n")
	for _, l := range d.Header {
		b.WriteString("<p>" + esc(l) + "</p>\n")
	}
	b.WriteString("</div>\n")
	for _, bl := range d.Blocks {
		if bl.Heading != "" {
			b.WriteString("<h2>" + esc(bl.Heading) + "</h2>\n")
		}
		for _, l := range bl.Lines {
			b.WriteString("<p>" + esc(l) + "</p>\n")
		}
		if bl.Table != nil {
			htmlTable(b, bl.Table)
		}
	}
	b.WriteString("</body>\n</html>\n")
	return b.Flush()
}

func htmlTable(b *bufio.Writer, t *Table) {
	if len(t.Rows) == 0 && len(t.Foot) == 0 {
		if t.Empty != "" {
			b.WriteString("<p class=\"empty\">" + esc(t.Empty) + "</p>\n")
		}
		return
	}
	cell := func(tag string, c Col, v string) {
		open := "<" + tag
		if c.Right {
			open += ` class="num"`
		}
		b.WriteString(open + ">" + esc(v) + "</" + tag + ">")
	}
	rows := func(rs [][]string) {
		for _, r := range rs {
			b.WriteString("<tr>")
			for i, c := range t.Cols {
				v := ""
				if i < len(r) {
					v = r[i]
				}
				cell("td", c, v)
			}
			b.WriteString("</tr>\n")
		}
	}
	b.WriteString("<table>\n<thead><tr>")
	for _, c := range t.Cols {
		cell("th", c, c.Title)
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	rows(t.Rows)
	b.WriteString("</tbody>\n")
	if len(t.Foot) > 0 {
		b.WriteString("<tfoot>\n")
		rows(t.Foot)
		b.WriteString("</tfoot>\n")
	}
	b.WriteString("</table>\n")
}
