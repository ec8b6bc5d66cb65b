package common

import (
	"strconv"
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

// GroupLines heads each run of rows with the same key, with what the run
// makes; a nil key heads nothing.
func TestGroupLines(t *testing.T) {
	keys := []string{"a", "a", "b", "a"} // row 3 is "a" again: a run of its own
	got := GroupLines([]int{0, 1, 2, 3}, func(r int) string { return keys[r] }, func(run []int) string {
		return keys[run[0]] + strings.Repeat("+", len(run))
	})
	var parts []string
	for _, l := range got {
		if l.Row < 0 {
			parts = append(parts, "["+l.Heading+"]")
		} else {
			parts = append(parts, strconv.Itoa(l.Row))
		}
	}
	if s := strings.Join(parts, " "); s != "[a++] 0 1 [b+] 2 [a+] 3" {
		t.Errorf("grouped %s", s)
	}
	if plain := GroupLines([]int{2, 0}, nil, nil); len(plain) != 2 || plain[0].Row != 2 || plain[1].Row != 0 {
		t.Errorf("no grouping: %+v", plain)
	}
}
