package common

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold lower-cases s and takes the accents off for matching ("Ọ̀yọ́" → "oyo"),
// done once per data change, not per key.
func Fold(s string) string {
	s = strings.ToLower(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s))
}

// Fuzzy scores how well query matches target, both already folded. ok is false
// when the query's runes do not all appear in target in order. Higher is
// better: an exact match beats a prefix, a prefix beats a substring, a
// substring beats letters spread out, and a match at a word start is worth more.
func Fuzzy(query, target string) (score int, ok bool) {
	if query == "" {
		return 0, true
	}
	switch {
	case target == query:
		return 1000, true
	case strings.HasPrefix(target, query):
		return 800 - min(len(target), 100), true
	}
	if i := strings.Index(target, query); i >= 0 {
		s := 600 - min(i, 100)
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(target[:i]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				s += 100 // at a word start
			}
		}
		return s, true
	}
	// letters in order
	score, ti, run, prev := 0, 0, 0, rune(' ')
	for _, q := range query {
		found := false
		for ti < len(target) {
			r, n := utf8.DecodeRuneInString(target[ti:])
			ti += n
			if r == q {
				score += 10 + run*5
				if !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
					score += 15
				}
				run++
				prev = r
				found = true
				break
			}
			run = 0
			prev = r
		}
		if !found {
			return 0, false
		}
	}
	return score, true
}

// MatchCodeName is the best fuzzy score of a folded query on an account's
// folded code and name; the code counts a little more.
func MatchCodeName(query, code, name string) (int, bool) {
	cs, cok := Fuzzy(query, code)
	ns, nok := Fuzzy(query, name)
	switch {
	case cok && nok:
		return max(cs+50, ns), true
	case cok:
		return cs + 50, true
	case nok:
		return ns, true
	}
	return 0, false
}
