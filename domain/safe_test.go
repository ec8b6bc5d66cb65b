package domain

import (
	"strings"
	"testing"
)

func TestSafe(t *testing.T) {
	for in, want := range map[string]string{
		"Acme Haulage Ltd":           "Acme Haulage Ltd",
		"Ọ̀kàfọ̀ & Sons — ₦1,500.00": "Ọ̀kàfọ̀ & Sons — ₦1,500.00",
		"two\nlines\tand a tab":      "two\nlines\tand a tab",
		"\x1b]52;c;aGk=\x07":         `\x1b]52;c;aGk=\x07`, // OSC 52 writes the clipboard
		"\x1b[2J":                    `\x1b[2J`,
		"a\rb":                       `a\x0db`,
		"INV-\u202e100":              `INV-\u202e100`, // right-to-left override
		"AC\u200bME":                 `AC\u200bME`,    // zero-width space
		"\u009b31m":                  `\x9b31m`,       // C1 CSI, as UTF-8
		"\xff\xfe":                   `\xff\xfe`,      // not UTF-8
		"del\x7f":                    `del\x7f`,
		"line\u2028separator":        `line\u2028separator`,
	} {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
	// Whatever goes in, nothing that drives a terminal comes out.
	var all strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		all.WriteRune(r)
	}
	all.WriteString("\xc3\x28\xa0\xa1")
	for _, r := range Safe(all.String()) {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) || Invisible(r) || r == 0xfffd {
			t.Fatalf("Safe let %U through", r)
		}
	}
}
