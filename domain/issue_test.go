package domain

import (
	"errors"
	"strings"
	"testing"
)

// TestSLAMet: met when resolved on or before the deadline, not met when
// resolved after it or still open past it, unknown while open and not past
// it or without a deadline; as of a day before the resolution it is open.
func TestSLAMet(t *testing.T) {
	iss := func(opened, sla, resolved string) ServiceIssue {
		s := ServiceIssue{Opened: MustDate(opened), Status: IssueOpen}
		if sla != "" {
			s.SLADeadline = MustDate(sla)
		}
		if resolved != "" {
			s.Status, s.ResolvedOn = IssueResolved, MustDate(resolved)
		}
		return s
	}
	cases := []struct {
		name       string
		s          ServiceIssue
		asOf       string
		met, known bool
		open       bool
	}{
		{"resolved on the deadline", iss("2026-11-10", "2026-11-17", "2026-11-17"), "2026-11-22", true, true, false},
		{"resolved a day late", iss("2026-11-10", "2026-11-17", "2026-11-18"), "2026-11-22", false, true, false},
		{"open, deadline today", iss("2026-11-10", "2026-11-17", ""), "2026-11-17", false, false, true},
		{"open, a day past it", iss("2026-11-10", "2026-11-17", ""), "2026-11-18", false, true, true},
		{"no deadline", iss("2026-11-10", "", "2026-11-12"), "2026-11-22", false, false, false},
		// Resolved 11-20, two days late; as of 11-18 it was open a day past the deadline.
		{"as of before the resolution, past it", iss("2026-11-10", "2026-11-17", "2026-11-20"), "2026-11-18", false, true, true},
		// … as of 11-16 open and not past it.
		{"as of before the resolution, not past it", iss("2026-11-10", "2026-11-17", "2026-11-20"), "2026-11-16", false, false, true},
		{"not yet opened", iss("2026-11-10", "2026-11-17", ""), "2026-11-09", false, false, false},
		{"in progress is open", func() ServiceIssue { s := iss("2026-11-10", "2026-11-17", ""); s.Status = IssueInProgress; return s }(), "2026-11-20", false, true, true},
	}
	for _, c := range cases {
		met, known := c.s.SLAMet(MustDate(c.asOf))
		if met != c.met || known != c.known || c.s.OpenOn(MustDate(c.asOf)) != c.open {
			t.Errorf("%s: met %v known %v open %v; want %v %v %v", c.name, met, known, c.s.OpenOn(MustDate(c.asOf)), c.met, c.known, c.open)
		}
	}
}

func TestParseStep(t *testing.T) {
	tue := MustDate("2026-11-17")
	for _, c := range []struct{ in, text, due, err string }{
		{"call the depot@fri", "call the depot", "2026-11-20", ""},
		{" send a@b.ng the report @ +3", "send a@b.ng the report", "2026-11-20", ""}, // the last @ splits
		{"check volumes@2026-12-01", "check volumes", "2026-12-01", ""},
		{"no date", "", "", "write TEXT@DATE"},
		{"@fri", "", "", "says nothing"},
		{"call@someday", "", "", `step "call"`},
	} {
		s, err := ParseStep(c.in, tue)
		switch {
		case c.err != "":
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: %v; want %q", c.in, err, c.err)
			}
		case err != nil || s.Text != c.text || s.Due.String() != c.due:
			t.Errorf("%q: %+v %v; want %q %s", c.in, s, err, c.text, c.due)
		}
	}
}

func TestNewIssue(t *testing.T) {
	today := MustDate("2026-11-17")
	ok := ServiceIssue{Account: "ACC005", Kind: "late-delivery", Opened: today, SLADeadline: today + 3, Owner: "ada", Status: IssueOpen,
		Summary: "AGO 2 days late", Steps: []Step{{Text: "call depot", Due: today + 1}}}
	if err := NewIssue(ok, today, false); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		edit  func(*ServiceIssue)
		field string
	}{
		{"no deadline", func(s *ServiceIssue) { s.SLADeadline = 0 }, "sla_deadline"},
		{"deadline yesterday", func(s *ServiceIssue) { s.SLADeadline = today - 1 }, "sla_deadline"},
		{"no summary", func(s *ServiceIssue) { s.Summary = " " }, "summary"},
		{"unknown kind", func(s *ServiceIssue) { s.Kind = "late" }, "kind"},
		{"step in the past", func(s *ServiceIssue) { s.Steps[0].Due = today - 2 }, "steps"},
		{"step without text", func(s *ServiceIssue) { s.Steps[0].Text = "" }, "steps"},
		{"target without KPI", func(s *ServiceIssue) { s.KPITarget = "98 %" }, "kpi"},
	} {
		s := ok
		s.Steps = append([]Step(nil), ok.Steps...)
		c.edit(&s)
		err := NewIssue(s, today, false)
		var ve ValidationError
		if !errors.As(err, &ve) || !strings.Contains(err.Error(), c.field+":") {
			t.Errorf("%s: %v; want a %s error", c.name, err, c.field)
		}
	}
	far := ok
	far.SLADeadline = today + 366
	var u Unlikely
	if err := NewIssue(far, today, false); !errors.As(err, &u) {
		t.Errorf("a deadline 366 days away: %v; want Unlikely", err)
	}
	if err := NewIssue(far, today, true); err != nil {
		t.Errorf("confirmed: %v", err)
	}
}

// TestIssueUpdate: status, KPI, steps added and done, each said; the
// refusals name the field.
func TestIssueUpdate(t *testing.T) {
	today := MustDate("2026-11-18")
	s := ServiceIssue{ID: 52, Account: "ACC005", Kind: "late-delivery", Opened: today - 4, SLADeadline: today + 2, Owner: "ops", Status: IssueOpen,
		Steps: []Step{{Text: "call depot", Due: today - 1}, {Text: "reroute truck", Due: today + 1}}}
	x, said, err := s.Update(IssueUpdate{Status: IssueInProgress, KPI: "on-time %", KPITarget: "98", Done: []int{1},
		AddSteps: []Step{{Text: "report", Due: today + 2}}}, today, false)
	if err != nil {
		t.Fatal(err)
	}
	if x.Status != IssueInProgress || x.KPI != "on-time %" || x.KPITarget != "98" || len(x.Steps) != 3 ||
		!x.Steps[0].Done || x.Steps[0].DoneOn != today || x.Steps[1].Done || x.Steps[2].Text != "report" {
		t.Errorf("updated %+v", x)
	}
	if s.Steps[0].Done {
		t.Error("the update changed the issue it was made from")
	}
	want := "in progress (was open); KPI on-time %; target 98; step 1 done: call depot; step 3 added: report by 20 Nov 2026"
	if got := strings.Join(said, "; "); got != want {
		t.Errorf("said %q\nwant %q", got, want)
	}
	if e := x.UpdatedEntry(today, said); e.Kind != KindIssue || e.Text != "Service issue 52 (late delivery): "+want || e.Validate() != nil {
		t.Errorf("entry %+v", e)
	}
	for _, c := range []struct {
		name string
		u    IssueUpdate
		says string
	}{
		{"resolved by update", IssueUpdate{Status: IssueResolved}, "status: an issue is resolved with its resolution"},
		{"no such step", IssueUpdate{Done: []int{3}}, "done: step 3: the issue has steps 1–2"},
		{"nothing", IssueUpdate{Status: IssueOpen, KPI: ""}, "nothing to change on service issue 52"},
		{"step in the past", IssueUpdate{AddSteps: []Step{{Text: "x", Due: today - 1}}}, "before today"},
		{"unknown status", IssueUpdate{Status: "closed"}, `"closed" is not open or in-progress`},
		// The same rule as when it is opened: s has no KPI.
		{"target without KPI", IssueUpdate{KPITarget: "95"}, "kpi: a target goes with a KPI: what will show it is fixed"},
	} {
		if _, _, err := s.Update(c.u, today, false); err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v; want %q", c.name, err, c.says)
		}
	}
	if _, _, err := x.Update(IssueUpdate{Done: []int{1}}, today+1, false); err == nil || err.Error() != "done: step 1 is already done on 2026-11-18" {
		t.Errorf("done twice: %v", err)
	}
	// x has a KPI: a new target alone is taken.
	if y, said, err := x.Update(IssueUpdate{KPITarget: "95"}, today, false); err != nil || y.KPITarget != "95" || strings.Join(said, "; ") != "target 95" {
		t.Errorf("target on an issue with a KPI: %+v %q %v", y, said, err)
	}
}

// TestNewIssueSaysEachFieldOnce: a deadline before today is also before
// the opening (Validate's rule); the field is said once, with NewIssue's
// reason.
func TestNewIssueSaysEachFieldOnce(t *testing.T) {
	today := MustDate("2026-11-05")
	s := ServiceIssue{Account: "ACC005", Kind: "quality", Opened: today, SLADeadline: MustDate("2026-11-01"), Owner: "ada",
		Status: IssueOpen, Summary: "bad fuel"}
	err := NewIssue(s, today, false)
	if want := "sla_deadline: the deadline 2026-11-01 is before today (2026-11-05)"; err == nil || err.Error() != want {
		t.Errorf("%v; want %q", err, want)
	}
}

// TestIssueResolve: resolved on the day, with its entry and its recap.
func TestIssueResolve(t *testing.T) {
	opened := MustDate("2026-11-14") // Saturday
	s := ServiceIssue{ID: 52, Account: "ACC005", Kind: "late-delivery", Opened: opened, SLADeadline: opened + 3, Owner: "ops", Status: IssueInProgress,
		Summary: "AGO delivery 2 days late", KPI: "on-time deliveries", KPITarget: "98 %",
		Steps: []Step{{Text: "call the depot", Due: opened + 1, Done: true, DoneOn: opened + 1}, {Text: "weekly report", Due: opened + 10}}}
	if _, err := s.Resolve(" ", false, opened+4); !strings.Contains(errString(err), "resolution: say how") {
		t.Errorf("no resolution: %v", err)
	}
	if _, err := s.Resolve("x", false, opened-1); !strings.Contains(errString(err), "resolved_on") {
		t.Errorf("before it opened: %v", err)
	}
	// Resolved 11-19, the deadline 11-17: 2 days late.
	x, err := s.Resolve(" new driver rota ", true, opened+5)
	if err != nil {
		t.Fatal(err)
	}
	if x.Status != IssueResolved || x.Resolution != "new driver rota" || x.ResolvedOn != opened+5 || !x.ConfirmedInWriting {
		t.Errorf("resolved %+v", x)
	}
	if _, err := x.Resolve("again", true, opened+6); err == nil || err.Error() != "service issue 52 is already resolved on 2026-11-19" {
		t.Errorf("twice: %v", err)
	}
	e := x.ResolvedEntry()
	if e.Kind != KindIssueResolved || e.On != opened+5 ||
		e.Text != "Service issue 52 (late delivery) resolved, 2 days after the SLA deadline, confirmed in writing: new driver rota" {
		t.Errorf("entry %+v", e)
	}
	f := &AccountFile{Account: Account{Code: "ACC005", Name: "Abuja Logistics Partners"},
		Contacts: []Contact{{Name: "Halima Yusuf", Role: "finance", Primary: true}}}
	want := `Dear Halima Yusuf,

Thank you for raising the late delivery with us on Saturday 14 November 2026 (service issue 52 for Abuja Logistics Partners).
You told us: AGO delivery 2 days late

It was resolved on Thursday 19 November 2026: new driver rota
That is 2 days after the deadline we agreed, 17 Nov 2026; we apologise for the delay.

What we did:
  1. call the depot (due 15 Nov 2026, done 15 Nov 2026)
  2. weekly report (due 24 Nov 2026, not done)

We measure the fix by on-time deliveries, with a target of 98 %.

Thank you for confirming in writing that this is resolved.

Kind regards,
ada
`
	if got := IssueRecap(f, x, "ada"); got != want {
		t.Errorf("recap:\n%s\nwant:\n%s", got, want)
	}
	// Within the deadline, not confirmed, and a name with an escape: Safe.
	y, _ := s.Resolve("rerouted", false, opened+2)
	f.Contacts[0].Name = "Halima\x1b[31m"
	got := IssueRecap(f, y, "ada")
	if !strings.Contains(got, "That is within the deadline we agreed, 17 Nov 2026.") || !strings.Contains(got, "Please confirm in writing") ||
		strings.Contains(got, "\x1b") {
		t.Errorf("recap:\n%q", got)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// An open issue is reassigned and re-dated: a new owner and SLA deadline,
// each said old → new; a deadline before the issue was opened is refused.
func TestIssueReassignAndRedate(t *testing.T) {
	today := MustDate("2026-11-18")
	s := ServiceIssue{ID: 7, Account: "ACC005", Kind: "quality", Opened: today - 4, SLADeadline: today + 2, Owner: "ops", Status: IssueOpen}
	x, said, err := s.Update(IssueUpdate{Owner: "tunde", SLA: today + 9}, today, false)
	if err != nil {
		t.Fatal(err)
	}
	if x.Owner != "tunde" || x.SLADeadline != today+9 {
		t.Errorf("updated %+v", x)
	}
	// 18 Nov + 9 = 27 Nov; the old deadline 18 + 2 = 20 Nov.
	if got, want := strings.Join(said, "; "), "owner tunde (was ops); SLA 27 Nov 2026 (was 20 Nov 2026)"; got != want {
		t.Errorf("said %q, want %q", got, want)
	}
	if _, _, err := s.Update(IssueUpdate{SLA: today - 5}, today, false); err == nil || !strings.Contains(err.Error(), "before the issue was opened") {
		t.Errorf("a deadline before the opening: %v", err)
	}
	if _, _, err := s.Update(IssueUpdate{Owner: "ops", SLA: s.SLADeadline}, today, false); err == nil {
		t.Error("the same owner and deadline changed something")
	}
}
