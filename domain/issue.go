package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Service issues and their problem records (SPEC §10.3): what an issue was
// on a day, whether it met its SLA, and the changes a person makes to one —
// opened, updated (status, KPI, steps), resolved — each with its timeline
// entry. The desk writes them; the forms and the command line build them.

// OpenOn reports whether the issue was open on d: opened by then and not
// yet resolved then. One resolved on a day not known counts as resolved.
func (s ServiceIssue) OpenOn(d Date) bool {
	if s.Opened > d {
		return false
	}
	return s.IsOpen() || (!s.ResolvedOn.IsZero() && s.ResolvedOn > d)
}

// ResolvedBy reports whether the issue was resolved on or before d (on a
// known day).
func (s ServiceIssue) ResolvedBy(d Date) bool {
	return !s.IsOpen() && !s.ResolvedOn.IsZero() && s.ResolvedOn <= d
}

// SLAMet says, as of d, whether the issue met its SLA deadline: met when
// resolved on or before it, not met when resolved after it or still open
// past it; known is false while it is open and not past it, without a
// deadline, or resolved on a day not known.
func (s ServiceIssue) SLAMet(d Date) (met, known bool) {
	switch {
	case s.SLADeadline.IsZero():
		return false, false
	case s.ResolvedBy(d):
		return s.ResolvedOn <= s.SLADeadline, true
	case s.OpenOn(d) && d > s.SLADeadline:
		return false, true
	}
	return false, false
}

// ParseStep reads a step as people type it: TEXT@DATE, the date as a form
// takes it (ParseRelative: 2026-12-01, +3, fri, …) after the last @.
func ParseStep(s string, today Date) (Step, error) {
	i := strings.LastIndex(s, "@")
	if i < 0 {
		return Step{}, fmt.Errorf("%q: write TEXT@DATE, e.g. call the depot@fri", s)
	}
	text := strings.TrimSpace(s[:i])
	if text == "" {
		return Step{}, fmt.Errorf("%q: the step says nothing before the @", s)
	}
	d, err := ParseRelative(s[i+1:], today)
	if err != nil {
		return Step{}, fmt.Errorf("step %q: %v", text, err)
	}
	return Step{Text: text, Due: d}, nil
}

// noKPI refuses a target given to an issue without a KPI, when it is
// opened or updated.
const noKPI = "a target goes with a KPI: what will show it is fixed"

// NewIssue checks an issue being opened on the business date today: a kind,
// an SLA deadline on or after today, a summary, steps due on or after today
// (and the record's own rules, Validate). A deadline or a step more than a
// year away is Unlikely unless confirmed.
func NewIssue(x ServiceIssue, today Date, confirmed bool) error {
	var f fieldErrors
	if x.SLADeadline.IsZero() {
		f.add("sla_deadline", "when must it be fixed? an issue needs its SLA deadline")
	} else if x.SLADeadline < today {
		f.add("sla_deadline", fmt.Sprintf("the deadline %s is before today (%s)", x.SLADeadline, today))
	}
	if strings.TrimSpace(x.Summary) == "" {
		f.add("summary", "say what is wrong, in a few words")
	}
	if strings.TrimSpace(x.KPITarget) != "" && strings.TrimSpace(x.KPI) == "" {
		f.add("kpi", noKPI)
	}
	f.stepsFrom(x.Steps, today)
	if err := x.Validate(); err != nil {
		// The record's own rules, for the fields not already said: one
		// message per field (a deadline before today is before the
		// opening too).
		for _, e := range err.(ValidationError) {
			if !slices.ContainsFunc(f, func(g FieldError) bool { return g.Field == e.Field }) {
				f = append(f, e)
			}
		}
	}
	if err := f.err(); err != nil {
		return err
	}
	if confirmed {
		return nil
	}
	var u Unlikely
	if FarOff(x.SLADeadline, today) {
		u = append(u, fmt.Sprintf("the SLA deadline %s is more than a year away", x.SLADeadline))
	}
	u = append(u, farSteps(x.Steps, today)...)
	if len(u) > 0 {
		return u
	}
	return nil
}

// stepsFrom refuses new steps due before today.
func (f *fieldErrors) stepsFrom(steps []Step, today Date) {
	for _, s := range steps {
		if !s.Due.IsZero() && s.Due < today {
			f.add("steps", fmt.Sprintf("step %q is due %s, before today (%s)", s.Text, s.Due, today))
		}
	}
}

func farSteps(steps []Step, today Date) Unlikely {
	var u Unlikely
	for _, s := range steps {
		if FarOff(s.Due, today) {
			u = append(u, fmt.Sprintf("step %q is due %s, more than a year away", s.Text, s.Due))
		}
	}
	return u
}

// IssueUpdate is a change to an open issue: its status (open or
// in-progress; "" keeps it), its KPI and target ("" keeps each), steps
// added, and steps done (their numbers, 1 first) on the day.
type IssueUpdate struct {
	Status    string
	KPI       string
	KPITarget string
	AddSteps  []Step
	Done      []int
	Owner     string // a new owner; "" keeps it
	SLA       Date   // a new SLA deadline; zero keeps it
}

// Update is the issue after u on the business date today, and what changed
// in words (for the timeline). Refused: a resolved issue, the status
// resolved (an issue is resolved with its resolution: Resolve), a step
// number the issue does not have or a step already done, a step added due
// before today, an update that changes nothing. A step more than a year
// away is Unlikely unless confirmed.
func (s ServiceIssue) Update(u IssueUpdate, today Date, confirmed bool) (ServiceIssue, []string, error) {
	if !s.IsOpen() {
		return s, nil, fmt.Errorf("service issue %d is resolved%s: nothing to update", s.ID, onDay(s.ResolvedOn))
	}
	x := s
	x.Steps = slices.Clone(s.Steps)
	var f fieldErrors
	var said []string
	switch st := strings.TrimSpace(u.Status); {
	case st == "" || st == s.Status:
	case st == IssueResolved:
		f.add("status", "an issue is resolved with its resolution (resolve issue)")
	case st == IssueOpen || st == IssueInProgress:
		x.Status = st
		said = append(said, strings.ReplaceAll(st, "-", " ")+" (was "+strings.ReplaceAll(s.Status, "-", " ")+")")
	default:
		f.add("status", fmt.Sprintf("%q is not open or in-progress", st))
	}
	if k := strings.TrimSpace(u.KPI); k != "" && k != s.KPI {
		x.KPI = k
		said = append(said, "KPI "+k)
	}
	if t := strings.TrimSpace(u.KPITarget); t != "" && t != s.KPITarget {
		x.KPITarget = t
		said = append(said, "target "+t)
		if x.KPI == "" { // as when it is opened
			f.add("kpi", noKPI)
		}
	}
	if o := strings.TrimSpace(u.Owner); o != "" && o != s.Owner {
		x.Owner = o
		said = append(said, fmt.Sprintf("owner %s (was %s)", o, cmp.Or(s.Owner, "nobody")))
	}
	if !u.SLA.IsZero() && u.SLA != s.SLADeadline {
		if u.SLA < s.Opened {
			f.add("sla_deadline", fmt.Sprintf("the deadline %s is before the issue was opened (%s)", u.SLA, s.Opened))
		}
		x.SLADeadline = u.SLA
		was := "none"
		if !s.SLADeadline.IsZero() {
			was = s.SLADeadline.Format("2 Jan 2006")
		}
		said = append(said, fmt.Sprintf("SLA %s (was %s)", u.SLA.Format("2 Jan 2006"), was))
	}
	seen := map[int]bool{}
	for _, n := range u.Done {
		switch {
		case n < 1 || n > len(s.Steps):
			have := "no steps"
			if len(s.Steps) > 0 {
				have = fmt.Sprintf("steps 1–%d", len(s.Steps))
			}
			f.add("done", fmt.Sprintf("step %d: the issue has %s", n, have))
		case s.Steps[n-1].Done:
			f.add("done", fmt.Sprintf("step %d is already done%s", n, onDay(s.Steps[n-1].DoneOn)))
		case seen[n]:
			f.add("done", fmt.Sprintf("step %d is named twice", n))
		default:
			seen[n] = true
			x.Steps[n-1].Done, x.Steps[n-1].DoneOn = true, today
			said = append(said, fmt.Sprintf("step %d done: %s", n, s.Steps[n-1].Text))
		}
	}
	f.stepsFrom(u.AddSteps, today)
	for _, st := range u.AddSteps {
		st.Text = strings.TrimSpace(st.Text)
		x.Steps = append(x.Steps, st)
		said = append(said, fmt.Sprintf("step %d added: %s by %s", len(x.Steps), st.Text, st.Due.Format("2 Jan 2006")))
	}
	if err := f.err(); err != nil {
		return s, nil, err
	}
	if len(said) == 0 {
		return s, nil, fmt.Errorf("nothing to change on service issue %d", s.ID)
	}
	if err := x.Validate(); err != nil {
		return s, nil, err
	}
	if !confirmed {
		if u := farSteps(u.AddSteps, today); len(u) > 0 {
			return x, said, u
		}
	}
	return x, said, nil
}

// Resolve is the issue resolved on the business date today with a
// resolution, confirmed in writing by the customer or not. Refused: an
// issue already resolved, no resolution, a day before it was opened.
func (s ServiceIssue) Resolve(resolution string, inWriting bool, today Date) (ServiceIssue, error) {
	if !s.IsOpen() {
		return s, fmt.Errorf("service issue %d is already resolved%s", s.ID, onDay(s.ResolvedOn))
	}
	x := s
	x.Status, x.Resolution, x.ResolvedOn, x.ConfirmedInWriting = IssueResolved, strings.TrimSpace(resolution), today, inWriting
	switch {
	case x.Resolution == "":
		return s, ValidationError{{Field: "resolution", Reason: "say how the issue was resolved"}}
	case today < s.Opened:
		return s, ValidationError{{Field: "resolved_on", Reason: fmt.Sprintf("the issue opened on %s, after %s", s.Opened, today)}}
	}
	return x, x.Validate()
}

func onDay(d Date) string {
	if d.IsZero() {
		return ""
	}
	return " on " + d.String()
}

// kindWords is a kind as people read it: "late delivery".
func kindWords(kind string) string { return strings.ReplaceAll(kind, "-", " ") }

// OpenedEntry is the timeline entry of the issue opened: kind, deadline,
// owner, what is wrong, and the problem record (KPI, target, steps).
func (s ServiceIssue) OpenedEntry() Activity {
	text := fmt.Sprintf("Service issue opened (%s), SLA %s, owner %s: %s", kindWords(s.Kind), s.SLADeadline.Format("2 Jan 2006"),
		s.Owner, strings.TrimSpace(s.Summary))
	if s.KPI != "" {
		text += ". KPI: " + s.KPI
		if s.KPITarget != "" {
			text += ", target " + s.KPITarget
		}
	}
	for i, st := range s.Steps {
		text += fmt.Sprintf(". Step %d: %s by %s", i+1, st.Text, st.Due.Format("2 Jan 2006"))
	}
	return Activity{Account: s.Account, On: s.Opened, Kind: KindIssue, Outcome: s.Kind, Text: text}
}

// UpdatedEntry is the timeline entry of an update on the business date on:
// what changed, in words (Update's).
func (s ServiceIssue) UpdatedEntry(on Date, said []string) Activity {
	return Activity{Account: s.Account, On: on, Kind: KindIssue, Outcome: s.Kind,
		Text: fmt.Sprintf("Service issue %d (%s): %s", s.ID, kindWords(s.Kind), strings.Join(said, "; "))}
}

// ResolvedEntry is the timeline entry of the issue's resolution.
func (s ServiceIssue) ResolvedEntry() Activity {
	writing := "not confirmed in writing yet"
	if s.ConfirmedInWriting {
		writing = "confirmed in writing"
	}
	sla := ""
	if met, known := s.SLAMet(s.ResolvedOn); known {
		sla = ", within the SLA"
		if !met {
			sla = fmt.Sprintf(", %s after the SLA deadline", dayCount(s.ResolvedOn.DaysSince(s.SLADeadline)))
		}
	}
	return Activity{Account: s.Account, On: s.ResolvedOn, Kind: KindIssueResolved, Outcome: s.Kind,
		Text: fmt.Sprintf("Service issue %d (%s) resolved%s, %s: %s", s.ID, kindWords(s.Kind), sla, writing, s.Resolution)}
}

// dayCount is n days in words: "1 day", "3 days".
func dayCount(n int) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " day"
	}
	return strconv.Itoa(n) + " days"
}
