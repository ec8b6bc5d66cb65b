package domain

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Safe is s made safe to print on a terminal, at every output (reports,
// the workstation, messages, recaps, documents): whatever could drive the
// terminal or mislead the eye is written out as a visible escape instead —
// control characters (C0, DEL and C1: ESC, BEL, CSI…) as \x1b, bidi
// controls, zero-width characters and line or paragraph separators as
// \u202e, bytes that are not UTF-8 as \xff. Newlines and tabs stay: they
// break or space lines, and send the terminal nothing else. Text a book
// holds never has the others (validation refuses them), so Safe changes
// only what came from elsewhere: a hand-edited book, a hostile file, an
// argument.
func Safe(s string) string {
	if isSafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			fmt.Fprintf(&b, `\x%02x`, r)
		case Invisible(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// isSafe reports whether Safe would leave s as it is (the usual case, for
// which it allocates nothing): plain ASCII is checked byte by byte, the
// rest rune by rune.
func isSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return runesSafe(s[i:])
		}
		if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}

func runesSafe(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) || Invisible(r) {
			return false
		}
		i += n
	}
	return true
}

// Invisible reports whether r changes how text around it reads without
// showing itself: bidi controls (which can turn "INV-001" into what looks
// like another number), zero-width characters, the byte-order mark, and
// the Unicode line and paragraph separators.
func Invisible(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f: // Arabic letter mark, LRM, RLM
		return true
	case r >= 0x202a && r <= 0x202e: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	case r >= 0x200b && r <= 0x200d, r == 0xfeff: // zero-width space, non-joiner, joiner, BOM
		return true
	case r >= 0x2060 && r <= 0x2065: // word joiner, the invisible operators (function application, times, separator, plus)
		return true
	case r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
