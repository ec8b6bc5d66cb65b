package domain

import (
	"strings"
	"unicode/utf8"
)

// MatchWord finds s among words (outcomes, categories, severities, teams,
// report names, …) the way people type them: without regard to case, with
// a space or an underscore read as '-' ("No answer" is no-answer). It
// returns the word as the book spells it.
func MatchWord(s string, words []string) (string, bool) {
	k := wordKey(s)
	for _, w := range words {
		if wordKey(w) == k {
			return w, true
		}
	}
	return "", false
}

func wordKey(s string) string {
	return strings.NewReplacer(" ", "-", "_", "-").Replace(strings.ToLower(strings.TrimSpace(s)))
}

// Nearest is the word of words that s was most likely meant to be (a slip
// of one or two keys: "formt" for format, "reachd" for reached, "agin" for
// aging), or "" when none is near enough to suggest. Case does not count.
func Nearest(s string, words []string) string {
	k := wordKey(s)
	if k == "" {
		return ""
	}
	best, bestD := "", 0
	for _, w := range words {
		wk := wordKey(w)
		d := EditDistance(k, wk)
		// A word typed in part ("esc" for escalation) is near too.
		if len(k) >= 3 && strings.HasPrefix(wk, k) && d > 1 {
			d = 1
		}
		if best == "" || d < bestD {
			best, bestD = w, d
		}
	}
	// One slip in a short word, two in a longer one; never more than
	// a third of what was typed.
	limit := 1
	if utf8.RuneCountInString(k) >= 5 {
		limit = 2
	}
	if best == "" || bestD > limit {
		return ""
	}
	return best
}

// EditDistance is the Damerau–Levenshtein distance (optimal string
// alignment) of a and b in runes: insertions, deletions, substitutions and
// swaps of two neighbours each count one.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
