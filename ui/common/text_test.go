package common

import (
	"strings"
	"testing"
)

// WrapWords breaks only at spaces: "on-time" stays whole (a hyphen is no
// place to break a customer's recap), a word longer than a line is cut
// across lines, a wide character never stalls it.
func TestWrapWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want []string
	}{
		{"there were two on-time deliveries", 30, []string{"there were two on-time", "deliveries"}},
		{"there were two on-time deliveries", 20, []string{"there were two", "on-time deliveries"}},
		{"INV-OKAF01-0122-LONG", 8, []string{"INV-OKAF", "01-0122-", "LONG"}},
		{"a  b", 10, []string{"a b"}},
		{"", 10, []string{""}},
		{"東京", 1, []string{"東", "京"}},
	} {
		got := WrapWords(c.in, c.w)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("WrapWords(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}
