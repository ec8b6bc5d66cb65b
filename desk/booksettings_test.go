package desk

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"acctdesk/domain"
)

// Settings by key: all of them or none, each wrong value named with its
// key; a lead's right; what the book then computes follows them.
func TestChangeSettings(t *testing.T) {
	st := openingBook(t)
	d := New(st, Options{AsOf: asOf})
	if _, err := d.ChangeSettings(WithRole(ada, Collector), map[string]string{"promise-grace": "5"}); !errors.Is(err, ErrNotPermitted) {
		t.Errorf("a collector changed the settings: %v", err)
	}
	_, err := d.ChangeSettings(ada, map[string]string{"Promise-Grace": "5", "aging-edges": "30,20", "target-dso": "-1", "nrr": "1", "reminder-levels": "1,15"})
	var ve domain.ValidationError
	if !errors.As(err, &ve) || len(ve) != 4 {
		t.Fatalf("four wrong values: %v", err)
	}
	for _, want := range []string{`aging-edges: "30,20" does not rise`, `target-dso: "-1" is not a whole number from 0 to 3650`, "nrr: no such setting",
		`reminder-levels: "1,15": give 3 levels`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
	if set, _ := d.SettingsNow(); set.Thresholds.PromiseGraceDays != 3 {
		t.Errorf("a refused change wrote promise-grace %d", set.Thresholds.PromiseGraceDays)
	}
	if _, err := d.ChangeSettings(ada, map[string]string{"util-warn": "90", "util-breach": "85"}); err == nil || !strings.Contains(err.Error(), "below util-warn") {
		t.Errorf("breach below warn: %v", err)
	}
	set, err := d.ChangeSettings(ada, map[string]string{"promise-grace": "5", "aging-edges": "15, 45", "reminder-levels": "3,10,40", "target-dso": "45", "name": "West"})
	if err != nil {
		t.Fatal(err)
	}
	if set.Thresholds.PromiseGraceDays != 5 || !slices.Equal(set.AgingEdges, []int{15, 45}) || !slices.Equal(set.Reminders.Levels, []int{3, 10, 40}) ||
		set.Targets.DSODays != 45 || set.Name != "West" {
		t.Errorf("after: %+v", set)
	}
	if got, _ := d.SettingsNow(); !slices.Equal(got.AgingEdges, []int{15, 45}) {
		t.Errorf("stored edges %v", got.AgingEdges)
	}
	v, err := d.Refresh()
	if err != nil {
		t.Fatal(err)
	}
	if got := domain.BucketLabels(v.Settings.AgingEdges); len(got) != 4 {
		t.Errorf("the view's buckets after 15,45: %v", got)
	}
}

// The opening file's documents per segment: set, spelt as the accounts
// spell the segment, reset with nil; go-live-late follows.
func TestSetRequiredDocs(t *testing.T) {
	st := openingBook(t)
	d := New(st, Options{AsOf: asOf})
	goLive := func() string { return goLiveLate(t, d, "GREEN01") }
	if _, err := d.SetRequiredDocs(ada, map[string][]string{"solar": {"Mining-Licence", "bad word"}}); err == nil || !strings.Contains(err.Error(), `"bad word" of segment "Solar"`) {
		t.Fatalf("a kind that is not a word: %v", err)
	}
	set, err := d.SetRequiredDocs(ada, map[string][]string{"solar": {"Signed-Contract", "power-licence", "signed-contract"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := set.RequiredDocs["Solar"]; !slices.Equal(got, []string{"signed-contract", "power-licence"}) {
		t.Errorf("Solar requires %v", got)
	}
	if got, want := goLive(), "signed 23 days ago, not live: missing signed contract, power licence"; got != want {
		t.Errorf("go-live-late %q, want %q", got, want)
	}
	// None: the opening file requires nothing, and go-live-late says so.
	if set, err = d.SetRequiredDocs(ada, map[string][]string{"Solar": {"None"}}); err != nil || set.RequiredDocs["Solar"] == nil || len(set.RequiredDocs["Solar"]) != 0 {
		t.Fatalf("none: %v %v", set.RequiredDocs, err)
	}
	if got := goLive(); !strings.HasPrefix(got, "signed 23 days ago, not live: ") || strings.Contains(got, "missing") {
		t.Errorf("go-live-late with nothing required: %q", got)
	}
	// Back to the default for Solar: the book's four.
	if set, err = d.SetRequiredDocs(ada, map[string][]string{"SOLAR": nil}); err != nil || len(set.RequiredDocs) != 0 {
		t.Fatalf("reset: %v %v", set.RequiredDocs, err)
	}
	if got, want := goLive(), "signed 23 days ago, not live: missing company registration, tax identifier, signatory's ID, signed contract"; got != want {
		t.Errorf("go-live-late %q, want %q", got, want)
	}
}
