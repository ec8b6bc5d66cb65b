package main

import (
	"flag"
	"fmt"
	"strings"

	"acctdesk/domain"
)

// The words of the command line — commands, flags, report names, import
// kinds, outcomes, categories, severities, teams, formats — are matched as
// people type them (domain.MatchWord: any case, a space for '-'), and a
// word that is not one of them is refused with the nearest suggested.

// word is the value of a flag that takes one of words, as the book spells
// it. what names the words ("an outcome"). An empty value is "" unless the
// flag is required, which then says so with the words it takes.
func word(flagName, v string, words []string, what string, required bool) (string, error) {
	if strings.TrimSpace(v) == "" {
		if required {
			return "", fmt.Errorf("--%s is required (%s)", flagName, strings.Join(words, ", "))
		}
		return "", nil
	}
	if w, ok := domain.MatchWord(v, words); ok {
		return w, nil
	}
	return "", unknownWord("--"+flagName+" ", v, what, words)
}

// unknownWord says that v is not one of words, suggesting the nearest.
func unknownWord(prefix, v, what string, words []string) error {
	msg := fmt.Sprintf("%s%q is not %s", prefix, v, what)
	if near := domain.Nearest(v, words); near != "" {
		msg = fmt.Sprintf("%s%q: did you mean %s?", prefix, v, near)
	}
	return fmt.Errorf("%s (%s)", msg, strings.Join(words, ", "))
}

// flagNames are the flags a command takes, as typed: "--format".
func flagNames(fs *flag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
	return names
}

// unknownFlag says that a flag is not one the command takes, suggesting
// the nearest: "--formt: did you mean --format?".
func unknownFlag(fs *flag.FlagSet, name string) error {
	typed := "--" + name
	if near := domain.Nearest(typed, flagNames(fs)); near != "" {
		return fmt.Errorf("%s: did you mean %s? (%s)", shown(typed), near, helpHint(fs))
	}
	return fmt.Errorf("%s: unknown flag (%s)", shown(typed), helpHint(fs))
}

// noMore refuses what a command was given beyond the n words it takes: a
// stray argument is a mistake, never ignored.
func noMore(cmd string, pos []string, n int) error {
	if len(pos) <= n {
		return nil
	}
	return fmt.Errorf("%s: unexpected argument %q (run acctdesk help %s)", cmd, pos[n], cmd)
}

// orList is words as a sentence says a choice: "a", "a or b", "a, b or c".
func orList(words []string) string {
	switch n := len(words); n {
	case 0:
		return ""
	case 1:
		return words[0]
	default:
		return strings.Join(words[:n-1], ", ") + " or " + words[n-1]
	}
}
