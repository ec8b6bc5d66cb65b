package desk

import (
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/domain/queue"
)

// A service issue from end to end: opened on Sun 11-22 with a KPI and a
// step, put in progress and its step ticked on Mon 11-23 with a step
// added, the step due raising a follow-up, then resolved on Wed 11-25,
// confirmed in writing, with its recap kept. Each write is on the timeline.
func TestServiceIssue(t *testing.T) {
	st := teamBook(t)
	d := New(st, Options{AsOf: asOf})
	req := IssueRequest{Kind: "late-delivery", SLA: asOf.AddDays(3), Summary: " AGO 2 days late at Apapa ", KPI: "on-time deliveries",
		KPITarget: "98 %", Steps: []domain.Step{{Text: "call the depot", Due: asOf.AddDays(1)}}}
	if _, err := d.OpenIssue(WithRole(ada, Viewer), "OKAF01", req, false); !errors.Is(err, ErrNotPermitted) {
		t.Errorf("a viewer opened an issue: %v", err)
	}
	bad := req
	bad.Kind = "late"
	if _, err := d.OpenIssue(ada, "OKAF01", bad, false); !hasField(err, "kind") {
		t.Errorf("an unknown kind: %v", err)
	}
	got, err := d.OpenIssue(ada, "OKAF01", req, false)
	if err != nil {
		t.Fatal(err)
	}
	s := got.Issue
	if s.ID == 0 || s.Opened != asOf || s.Owner != "ada" || s.Status != domain.IssueOpen || s.Summary != "AGO 2 days late at Apapa" ||
		s.KPI != "on-time deliveries" || len(s.Steps) != 1 || s.Stamp.By != "ada" {
		t.Errorf("opened %+v", s)
	}
	f, _ := d.Account("OKAF01")
	last := f.Activities[len(f.Activities)-1]
	if last.Kind != domain.KindIssue || !strings.HasPrefix(last.Text, "Service issue opened (late delivery), SLA 25 Nov 2026, owner ada: AGO 2 days late") {
		t.Errorf("entry %+v", last)
	}
	id := s.ID

	mon := New(st, Options{AsOf: asOf.AddDays(1)})
	up, err := mon.UpdateIssue(bisi, "OKAF01", id, domain.IssueUpdate{Status: domain.IssueInProgress, Done: []int{1},
		AddSteps: []domain.Step{{Text: "weekly report", Due: asOf.AddDays(2)}}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if s := up.Issue; s.Status != domain.IssueInProgress || !s.Steps[0].Done || s.Steps[0].DoneOn != asOf.AddDays(1) || len(s.Steps) != 2 {
		t.Errorf("updated %+v", s)
	}
	if _, err := mon.UpdateIssue(bisi, "OKAF01", id+9, domain.IssueUpdate{Done: []int{1}}, false); err == nil ||
		err.Error() != "account OKAF01 has no service issue "+itoa(id+9)+" (its open issues: "+itoa(id)+", late-delivery, SLA 2026-11-25)" {
		t.Errorf("an unknown id: %v", err)
	}
	// Tue 11-24: step 2 (weekly report) is due: a follow-up naming it.
	tue := New(st, Options{AsOf: asOf.AddDays(2)})
	v, err := tue.View()
	if err != nil {
		t.Fatal(err)
	}
	var follow []string
	for _, it := range v.Queue {
		if it.Account == "OKAF01" && it.Reason == queue.FollowUp {
			follow = append(follow, it.Detail)
		}
	}
	if strings.Join(follow, "|") != "step 2 of the late delivery issue: weekly report, due today" {
		t.Errorf("follow-ups %q", follow)
	}

	wed := New(st, Options{AsOf: asOf.AddDays(3)})
	if _, err := wed.ResolveIssue(bisi, "OKAF01", id, " ", true); !hasField(err, "resolution") {
		t.Errorf("no resolution: %v", err)
	}
	res, err := wed.ResolveIssue(bisi, "OKAF01", id, "second truck on the Apapa run", true)
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Issue; s.Status != domain.IssueResolved || s.ResolvedOn != asOf.AddDays(3) || !s.ConfirmedInWriting ||
		s.Resolution != "second truck on the Apapa run" || !strings.Contains(s.Recap, "That is within the deadline we agreed, 25 Nov 2026.") ||
		!strings.HasSuffix(s.Recap, "Kind regards,\nbisi\n") || res.Recap != s.Recap {
		t.Errorf("resolved %+v", s)
	}
	f, _ = d.Account("OKAF01")
	last = f.Activities[len(f.Activities)-1]
	if last.Kind != domain.KindIssueResolved || last.Recap != res.Recap || last.On != asOf.AddDays(3) || last.Stamp.By != "bisi" ||
		last.Text != "Service issue "+itoa(id)+" (late delivery) resolved, within the SLA, confirmed in writing: second truck on the Apapa run" {
		t.Errorf("entry %+v", last)
	}
	kinds := 0
	for _, a := range f.Activities {
		if a.Kind == domain.KindIssue || a.Kind == domain.KindIssueResolved {
			kinds++
		}
	}
	if kinds != 3 {
		t.Errorf("%d issue entries on the timeline, want 3 (opened, updated, resolved)", kinds)
	}
	if _, err := wed.ResolveIssue(bisi, "OKAF01", id, "again", true); err == nil || !strings.Contains(err.Error(), "already resolved on 2026-11-25") {
		t.Errorf("resolved twice: %v", err)
	}
	if _, err := wed.UpdateIssue(bisi, "OKAF01", id, domain.IssueUpdate{Status: domain.IssueOpen}, false); err == nil ||
		!strings.Contains(err.Error(), "is resolved on 2026-11-25: nothing to update") {
		t.Errorf("updated once resolved: %v", err)
	}
}
