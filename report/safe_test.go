package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/internal/safetest"
)

var hostile = []string{"\x1b]52;c;aGk=\x07", "\x1b[2J", "\u009b2J", "\u202e", "\u200b", "\u2028", "\xff", "x\ry", "a\nb\tc"}

// TestWriteIsSafe: text a hand-edited book could hold, in every cell of
// every kind, comes out of every format as visible escapes, never raw;
// the table keeps one line per row, and json stays json.
func TestWriteIsSafe(t *testing.T) {
	tab := &Table{Columns: []Column{{Key: "account", Kind: Text}, {Key: "name", Kind: Text, Title: "Name"}, {Key: "total", Kind: Number}}}
	for _, h := range hostile {
		tab.Rows = append(tab.Rows, []Cell{T("A" + h), {Plain: h + "plain", Human: h + "human"}, {Plain: "1.00", Human: "1.00" + h}})
	}
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := tab.Write(&buf, format); err != nil {
			t.Fatal(err)
		}
		out := buf.Bytes()
		if i, bad := safetest.RawControl(out); bad {
			t.Fatalf("%s: a raw control byte at %d: %q", format, i, out[max(i-10, 0):min(i+10, len(out))])
		}
		if !bytes.Contains(out, []byte(`\x1b]52;c;aGk=\x07`)) && !bytes.Contains(out, []byte(`\\x1b]52;c;aGk=\\x07`)) {
			t.Errorf("%s: the escape sequence is not shown as an escape:\n%s", format, out)
		}
		switch format {
		case "table":
			if n := strings.Count(buf.String(), "\n"); n != len(tab.Rows)+1 {
				t.Errorf("table: %d lines for %d rows and the heading:\n%s", n, len(tab.Rows), out)
			}
		case "json":
			if !json.Valid(out) {
				t.Errorf("json is not valid:\n%s", out)
			}
			var rows []map[string]any
			if err := json.Unmarshal(out, &rows); err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				if s := r["name"].(string); s != domain.Safe(s) {
					t.Errorf("json: %q decodes to unsafe text", s)
				}
			}
		}
	}
}
