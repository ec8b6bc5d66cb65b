package queue

import (
	"slices"
	"strings"
	"testing"

	"acctdesk/domain"
)

// TestStepsDue: a step not done and due on or before the date (Wed 18 Nov)
// of an issue open that day, or of an open objective, is a follow-up naming
// it; a step done, a step due tomorrow, the steps of a resolved issue or of
// an objective met raise nothing. service-sla counts an issue in progress
// as open, and one resolved after the date as open that day.
func TestStepsDue(t *testing.T) {
	d := asOf.AddDays
	f := acct("A", 2)
	f.Issues = []domain.ServiceIssue{
		{ID: 7, Account: "A", Kind: "late-delivery", Opened: d(-5), SLADeadline: d(1), Status: domain.IssueInProgress, Steps: []domain.Step{
			{Text: "call the depot", Due: d(-2)},                             // due since Mon 16: raised
			{Text: "reroute truck", Due: d(0)},                               // due today: raised
			{Text: "weekly report", Due: d(1)},                               // tomorrow: not yet
			{Text: "driver briefing", Due: d(-3), Done: true, DoneOn: d(-3)}, // done
		}},
		{ID: 8, Account: "A", Kind: "quality", Opened: d(-9), SLADeadline: d(-4), Status: domain.IssueResolved, ResolvedOn: d(-4), Resolution: "ok",
			Steps: []domain.Step{{Text: "lab test", Due: d(-6)}}}, // resolved: nothing
		// Resolved tomorrow: open as of today, its deadline passed 2 days ago.
		{ID: 9, Account: "A", Kind: "billing-error", Opened: d(-7), SLADeadline: d(-2), Status: domain.IssueResolved, ResolvedOn: d(1), Resolution: "credited"},
	}
	f.Objectives = []domain.Objective{
		{ID: 3, Account: "A", Kind: "cross-sell", Measure: "PMS volumes", Status: domain.ObjectiveOpen, Steps: []domain.Step{{Text: "visit the depot", Due: d(-1)}}},
		{ID: 4, Account: "A", Kind: "volume", Measure: "AGO litres", Status: "met", Steps: []domain.Step{{Text: "old step", Due: d(-10)}}},
	}
	var got, keys, sla []string
	for _, it := range build(f) {
		switch it.Reason {
		case FollowUp:
			got, keys = append(got, it.Detail), append(keys, it.Key)
		case ServiceSLA:
			sla = append(sla, it.Key+" "+it.Detail)
		}
	}
	slices.Sort(got)
	want := []string{
		"step 1 of the cross-sell objective: PMS volumes: visit the depot, due since 17 Nov",
		"step 1 of the late delivery issue: call the depot, due since 16 Nov",
		"step 2 of the late delivery issue: reroute truck, due today",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("follow-ups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !slices.Contains(keys, "follow-up:A:issue:7:1:2026-11-16") || !slices.Contains(keys, "follow-up:A:objective:3:1:2026-11-17") {
		t.Errorf("keys %v", keys)
	}
	slices.Sort(sla)
	wantSLA := []string{"service-sla:A:7 late delivery SLA ends 19 Nov", "service-sla:A:9 billing error past SLA since 16 Nov"}
	if strings.Join(sla, "\n") != strings.Join(wantSLA, "\n") {
		t.Errorf("service-sla:\n%s\nwant:\n%s", strings.Join(sla, "\n"), strings.Join(wantSLA, "\n"))
	}
	// Done on the step's due date: the mark hides it until it is given another date.
	f.Marks = []domain.QueueMark{{Key: "follow-up:A:issue:7:1:2026-11-16", Account: "A", Done: true, On: asOf}}
	for _, it := range build(f) {
		if it.Key == "follow-up:A:issue:7:1:2026-11-16" {
			t.Errorf("a step marked done is still queued")
		}
	}
	f.Issues[0].Steps[0].Due = d(-1)
	if !slices.ContainsFunc(build(f), func(it Item) bool { return it.Key == "follow-up:A:issue:7:1:2026-11-17" }) {
		t.Errorf("the step given another date is not queued again")
	}
}
