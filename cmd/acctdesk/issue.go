package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
)

// Service issues (SPEC §10.3): log issue opens one, issue updates it,
// resolve issue resolves it — desk.OpenIssue, UpdateIssue, ResolveIssue.

// stepFlags is --step, given once per step.
type stepFlags []string

func (f *stepFlags) String() string     { return strings.Join(*f, " ") }
func (f *stepFlags) Set(s string) error { *f = append(*f, s); return nil }

// steps reads --step TEXT@DATE flags.
func (f stepFlags) steps(today domain.Date) ([]domain.Step, error) {
	var out []domain.Step
	for i, s := range f {
		st, err := domain.ParseStep(s, today)
		if err != nil {
			return nil, fmt.Errorf("--step %d: %v", i+1, err)
		}
		out = append(out, st)
	}
	return out, nil
}

func (c *cli) logIssue(args []string) error {
	fs, g := newFlags("log issue")
	kind := fs.String("kind", "", "what went wrong, a `WORD`: "+strings.Join(domain.ServiceKinds, ", "))
	sla := fs.String("sla", "", "the SLA deadline, a `DATE`: when it must be fixed")
	owner := fs.String("owner", "", "who looks after it, a `NAME` (default you)")
	note := fs.String("note", "", "what is wrong, a `TEXT`")
	kpi := fs.String("kpi", "", "what will show it is fixed, a `TEXT` (a problem record)")
	target := fs.String("target", "", "the value the KPI must reach, a `TEXT`")
	var steps stepFlags
	fs.Var(&steps, "step", "one step of the timetable, `TEXT@DATE` (call the depot@fri); give it once per step")
	confirm := fs.Bool("confirm", false, "save a deadline or a step more than a year away")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("log issue needs an ACCOUNT (run acctdesk help log issue)")
	}
	if err := noMore("log issue", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	r := desk.IssueRequest{Owner: *owner, Summary: *note, KPI: *kpi, KPITarget: *target}
	if r.Kind, err = word("kind", *kind, domain.ServiceKinds, "a kind of service issue", true); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(*sla) == "":
		return errors.New("log issue needs --sla DATE: when it must be fixed")
	case strings.TrimSpace(*note) == "":
		return errors.New("log issue needs --note TEXT: what is wrong")
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	if r.SLA, err = relDate(*sla, today); err != nil {
		return fmt.Errorf("--sla: %v", err)
	}
	if r.Steps, err = steps.steps(today); err != nil {
		return err
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	got, err := d.OpenIssue(g.ctx(), code, r, desk.Confirm(*confirm))
	if err := issueFlagged(unlikelyFlag(err)); err != nil {
		return err
	}
	s := got.Issue
	msg := fmt.Sprintf("service issue %d opened on %s (%s), SLA %s, owner %s", s.ID, s.Account, s.Kind, s.SLADeadline, s.Owner)
	if n := len(s.Steps); n > 0 {
		msg += ", " + strconv.Itoa(n) + " step"
		if n > 1 {
			msg += "s"
		}
	}
	fmt.Fprintln(c.stdout, shown(msg))
	return nil
}

// unlikelyFlag is err, an Unlikely one saying --confirm saves it.
func unlikelyFlag(err error) error {
	var unlikely domain.Unlikely
	if errors.As(err, &unlikely) {
		return fmt.Errorf("%s: give --confirm to save it", strings.Join(unlikely, "; "))
	}
	return err
}

// issueFields are the flags of log issue and issue by the fields of the
// issue they give, so that a refusal names what was typed (--sla, not
// sla_deadline).
var issueFields = map[string]string{"kind": "--kind", "sla_deadline": "--sla", "owner": "--owner", "summary": "--note",
	"kpi": "--kpi", "kpi_target": "--target", "steps": "--step", "done": "--done", "status": "--status"}

// issueFlagged is err with the fields it names written as the flags that
// give them.
func issueFlagged(err error) error {
	var ve domain.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	parts := make([]string, len(ve))
	for i, f := range ve {
		name := f.Field
		if fl, ok := issueFields[name]; ok {
			name = fl
		}
		parts[i] = name + ": " + f.Reason
	}
	return errors.New(strings.Join(parts, "; "))
}

// issueArgs reads ACCOUNT ID, the two words of issue and resolve issue.
func issueArgs(cmd string, pos []string) (uint64, error) {
	if len(pos) < 2 {
		return 0, fmt.Errorf("%s needs an ACCOUNT and a service issue ID (run acctdesk help %s)", cmd, cmd)
	}
	if err := noMore(cmd, pos, 2); err != nil {
		return 0, err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return 0, err
	}
	id, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(pos[1]), "#"), 10, 64)
	if err != nil || id == 0 {
		return 0, fmt.Errorf("service issue ID %q is not a number (an issue's ID is a whole number, 1 or more: report issues lists them)", pos[1])
	}
	return id, nil
}

// numbers reads --done N flags: steps' numbers, 1 the first.
func numbers(f stepFlags) ([]int, error) {
	var out []int
	for _, s := range f {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("--done %q is not a step's number (1 is the first)", s)
		}
		out = append(out, n)
	}
	return out, nil
}

// issue updates an open service issue.
func (c *cli) issue(args []string) error {
	fs, g := newFlags("issue")
	status := fs.String("status", "", "the new status, a `WORD`: open or in-progress")
	kpi := fs.String("kpi", "", "what will show it is fixed, a `TEXT`")
	target := fs.String("target", "", "the value the KPI must reach, a `TEXT`")
	owner := fs.String("owner", "", "the issue's new owner, a user's `NAME`")
	sla := fs.String("sla", "", "the new SLA deadline, a `DATE`")
	var steps stepFlags
	fs.Var(&steps, "step", "a step added to the timetable, `TEXT@DATE`; give it once per step")
	var done stepFlags
	fs.Var(&done, "done", "step `N` is done (1 is the first), on --as-of; give it once per step")
	confirm := fs.Bool("confirm", false, "save a step more than a year away")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := issueArgs("issue", pos)
	if err != nil {
		return err
	}
	u := domain.IssueUpdate{KPI: *kpi, KPITarget: *target}
	if u.Done, err = numbers(done); err != nil {
		return err
	}
	if u.Status, err = word("status", *status, []string{domain.IssueOpen, domain.IssueInProgress}, "a status an update gives", false); err != nil {
		return err
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	if u.AddSteps, err = steps.steps(today); err != nil {
		return err
	}
	if *owner != "" {
		if err := domain.CheckUser(*owner); err != nil {
			return fmt.Errorf("--owner: %q %v", domain.Safe(*owner), err)
		}
		u.Owner = *owner
	}
	if *sla != "" {
		if u.SLA, err = relDate(*sla, today); err != nil {
			return fmt.Errorf("--sla: %v", err)
		}
	}
	if u.Status == "" && u.KPI == "" && u.KPITarget == "" && len(u.AddSteps) == 0 && len(u.Done) == 0 && u.Owner == "" && u.SLA.IsZero() {
		return errors.New("issue needs something to change: --status, --kpi, --target, --owner, --sla, --step or --done (run acctdesk help issue)")
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	got, err := d.UpdateIssue(g.ctx(), code, id, u, desk.Confirm(*confirm))
	if err := issueFlagged(unlikelyFlag(err)); err != nil {
		return err
	}
	s := got.Issue
	left := 0
	for _, st := range s.Steps {
		if !st.Done {
			left++
		}
	}
	fmt.Fprintln(c.stdout, shown(fmt.Sprintf("service issue %d on %s updated: %s; %s, %d of %d steps to do", s.ID, s.Account,
		strings.Join(got.Said, "; "), s.Status, left, len(s.Steps))))
	return nil
}

// resolveIssue is acctdesk resolve issue ACCOUNT ID --resolution T [--confirmed].
func (c *cli) resolveIssue(args []string) error {
	fs, g := newFlags("resolve issue")
	resolution := fs.String("resolution", "", "how it was resolved, a `TEXT`")
	confirmed := fs.Bool("confirmed", false, "the customer confirmed the resolution in writing")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := issueArgs("resolve issue", pos)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*resolution) == "" {
		return errors.New("resolve issue needs --resolution TEXT: how it was resolved")
	}
	if _, err := g.date(); err != nil {
		return err
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	got, err := d.ResolveIssue(g.ctx(), code, id, *resolution, *confirmed)
	if err != nil {
		return err
	}
	s := got.Issue
	sla := ""
	if met, known := s.SLAMet(s.ResolvedOn); known {
		sla = ", within the SLA"
		if !met {
			sla = fmt.Sprintf(", %s after the SLA deadline", days(s.ResolvedOn.DaysSince(s.SLADeadline)))
		}
	}
	writing := "not confirmed in writing (the recap asks the customer to)"
	if s.ConfirmedInWriting {
		writing = "confirmed in writing"
	}
	fmt.Fprintln(c.stdout, shown(fmt.Sprintf("service issue %d on %s (%s) resolved on %s after %s%s, %s", s.ID, s.Account, s.Kind,
		s.ResolvedOn, days(s.ResolvedOn.DaysSince(s.Opened)), sla, writing)))
	return nil
}
