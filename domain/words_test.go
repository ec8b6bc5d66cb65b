package domain

import "testing"

func TestMatchWordAndNearest(t *testing.T) {
	for _, c := range []struct{ typed, match, near string }{
		{"Reached", "reached", "reached"},
		{"NO ANSWER", "no-answer", "no-answer"},
		{"call_back", "call-back", "call-back"},
		{"reachd", "", "reached"},      // one deletion
		{"rxxxhed", "", ""},            // three slips: no guess
		{"voicemial", "", "voicemail"}, // a swap
		{"prom", "", "promise"},        // typed in part
		{"x", "", ""},
		{"", "", ""},
	} {
		m, ok := MatchWord(c.typed, Outcomes)
		if m != c.match || ok != (c.match != "") {
			t.Errorf("MatchWord(%q) = %q %v, want %q", c.typed, m, ok, c.match)
		}
		if n := Nearest(c.typed, Outcomes); n != c.near {
			t.Errorf("Nearest(%q) = %q, want %q", c.typed, n, c.near)
		}
	}
	if n := Nearest("--formt", []string{"--db", "--as-of", "--user", "--format", "--owner"}); n != "--format" {
		t.Errorf("--formt: %q", n)
	}
}

// TestParseAsOf: the forms' words, and yesterday and -N; 2026-11-18 is a Wednesday.
func TestParseAsOf(t *testing.T) {
	today := MustDate("2026-11-18")
	for typed, want := range map[string]string{
		"2026-11-01": "2026-11-01", "today": "2026-11-18", "Yesterday": "2026-11-17", "tomorrow": "2026-11-19",
		"+3": "2026-11-21", "-3": "2026-11-15", "-0": "2026-11-18", "mon": "2026-11-23", "Friday": "2026-11-20",
	} {
		if d, err := ParseAsOf(typed, today); err != nil || d.String() != want {
			t.Errorf("ParseAsOf(%q) = %s %v, want %s", typed, d, err, want)
		}
	}
	for _, bad := range []string{"11/18/2026", "2026-02-30", "-x", "1800-01-01", ""} {
		if _, err := ParseAsOf(bad, today); err == nil {
			t.Errorf("ParseAsOf(%q) passed", bad)
		} else if s := err.Error(); bad != "1800-01-01" && bad != "-x" && !contains(s, "YYYY-MM-DD") || contains(s, "2006") {
			t.Errorf("ParseAsOf(%q): %s", bad, s)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
