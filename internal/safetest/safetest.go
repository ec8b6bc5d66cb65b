// Package safetest is the tests' own look at output bytes, written apart
// from domain.Safe so that it checks it rather than repeats it.
package safetest

import "unicode/utf8"

// RawControl finds, byte by byte, what must never reach a terminal: a C0
// control other than newline and tab (ESC, BEL, CR…), DEL, a C1 control
// (UTF-8 \xc2\x80 to \xc2\x9f: CSI is \xc2\x9b), a byte that is not UTF-8
// (a lone 0x9b is CSI to some terminals), a bidi control, a zero-width
// character, the BOM or a line or paragraph separator. It gives the first
// one's offset.
func RawControl(b []byte) (int, bool) {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1,
			r < 0x20 && r != '\n' && r != '\t',
			r >= 0x7f && r <= 0x9f,
			r == 0x061c, r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e,
			r >= 0x2060 && r <= 0x2069, r == 0xfeff, r == 0x2028, r == 0x2029:
			return i, true
		}
		i += n
	}
	return 0, false
}
