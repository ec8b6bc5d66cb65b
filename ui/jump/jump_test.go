package jump

import (
	"testing"

	"acctdesk/desk"
	"acctdesk/ui/common"
	"acctdesk/ui/internal/sample"
)

func TestMatch(t *testing.T) {
	v, err := desk.New(sample.Store(), desk.Options{AsOf: sample.AsOf}).View()
	if err != nil {
		t.Fatal(err)
	}
	cs := prepare(1, v, common.AccountRows[Candidate]{})().(prepared).cands.Rows
	first := func(q string) string {
		m := Match(cs, q, 10)
		if len(m) == 0 {
			return ""
		}
		return cs[m[0]].Code
	}
	for q, want := range map[string]string{
		"acc010":   "ACC010", // exact code first, before ACC0100…
		"ACC01":    "ACC010", // code prefix, ties by code
		"lekki":    "ACC010",
		"haulage":  "ACC001",
		"fleet":    "ACC003", // a word start at the same place in "Sahel Fleet…" and "Benin Fleet…": by code
		"oyo":      "ACC002", // accents are ignored: "Ọ̀yọ́ Transport" is a prefix match
		"xyzzy":    "",
		"":         "ACC001",
		"cement":   "ACC008",
		"abuja lo": "ACC005",
	} {
		if got := first(q); got != want {
			t.Errorf("first match of %q = %q, want %q", q, got, want)
		}
	}
	if n := len(Match(cs, "", 5)); n != 5 {
		t.Errorf("limit: %d", n)
	}
}
