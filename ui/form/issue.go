package form

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
)

// The service issue forms (i on an account, SPEC §10.3): open an issue —
// its kind (one key), SLA deadline, owner (prefilled with the user), what
// is wrong, and for a problem record a KPI, its target and a timetable of
// steps — or, on an issue of the escalations & issues tab, update it:
// its status, steps added, steps ticked done, the KPI; or resolve it with
// its resolution and whether the customer confirmed it in writing. The
// desk checks the rest; its refusals go next to their fields.

// serviceKinds are the kinds of issue as one-key choices (domain.ServiceKinds).
var serviceKinds = []keymap.Choice{
	{Key: "l", Value: "late-delivery", Label: "late delivery"}, {Key: "s", Value: "short-volume", Label: "short volume"},
	{Key: "f", Value: "fleet-incident", Label: "fleet incident"}, {Key: "q", Value: "quality", Label: "quality"},
	{Key: "b", Value: "billing-error", Label: "billing error"}, {Key: "x", Value: "other", Label: "other"},
}

// issueStatuses are what an update makes of an issue.
var issueStatuses = []keymap.Choice{
	{Key: "o", Value: domain.IssueOpen, Label: "open"}, {Key: "p", Value: domain.IssueInProgress, Label: "in progress"},
	{Key: "r", Value: domain.IssueResolved, Label: "resolved"},
}

var yesNo = []keymap.Choice{{Key: "y", Value: "yes", Label: "yes"}, {Key: "n", Value: "no", Label: "no"}}

// choose is a one-key choice on the focused field, then the next field
// that applies once the choice is made (changed says which).
func choose(c *core, k string, changed func()) bool {
	i := c.focus
	f := c.fields[i]
	ch, ok := keymap.Find(f.choices, k)
	if !ok {
		return false
	}
	f.choice = ch.Value
	changed()
	c.to(min(i+1, len(c.fields)-1))
	return true
}

// parseSteps reads steps typed TEXT@DATE, separated by semicolons.
func parseSteps(s string, today domain.Date) ([]domain.Step, error) {
	var out []domain.Step
	for _, p := range strings.Split(s, ";") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		st, err := domain.ParseStep(p, today)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

const (
	iKind = iota
	iSLA
	iOwner
	iSummary
	iKPI
	iTarget
	iSteps
)

type issueBody struct {
	c core
	t Target
}

// NewIssue opens the form that opens a service issue on an account.
func NewIssue(c common.Common, t Target) *Model {
	b := &issueBody{t: t}
	b.c.fields = []*field{
		{label: "Kind", kind: choiceField, choices: serviceKinds},
		{label: "SLA deadline", kind: textField, example: "when it must be fixed: +2, fri, 2026-12-01"},
		{label: "Owner", kind: textField, text: common.NewField(c.User), initial: c.User, example: "who looks after it"},
		{label: "What is wrong", kind: textField, text: common.Field{Limit: 2000}, example: "in the customer's words"},
		{label: "KPI", kind: textField, text: common.Field{Limit: 200}, example: "optional: what will show it is fixed"},
		{label: "Target", kind: textField, text: common.Field{Limit: 200}, example: "the value the KPI must reach"},
		{label: "Steps", kind: textField, text: common.Field{Limit: 2000}, example: "TEXT@DATE; …: call the depot@fri; report@+7"},
	}
	return newModel(c, t, b)
}

func (b *issueBody) noun() string         { return "service issue" }
func (b *issueBody) core() *core          { return &b.c }
func (b *issueBody) choose(k string) bool { return choose(&b.c, k, b.changed) }
func (b *issueBody) title() string {
	return fmt.Sprintf("Service issue · %s %s", b.t.Code, b.t.Name)
}

func (b *issueBody) changed() {
	dateHint(b.c.fields[iSLA], b.t.Today)
	b.c.fields[iTarget].disabled = strings.TrimSpace(b.c.fields[iKPI].text.String()) == ""
}

func (b *issueBody) validate() (*Submission, bool) {
	f := b.c.fields
	b.c.clearErrors()
	t := b.t
	text := b.c.text
	r := desk.IssueRequest{Kind: f[iKind].choice, Owner: text(iOwner), Summary: text(iSummary), KPI: text(iKPI)}
	if r.KPI != "" {
		r.KPITarget = text(iTarget)
	}
	ok := true
	if r.Kind == "" {
		f[iKind].err = "what kind of issue? one key"
		ok = false
	}
	var err error
	switch s := text(iSLA); {
	case s == "":
		f[iSLA].err = "when must it be fixed?"
		ok = false
	default:
		if r.SLA, err = resolveDate(s, t.Today); err != nil {
			f[iSLA].err = err.Error()
			ok = false
		}
	}
	if r.Summary == "" {
		f[iSummary].err = "say what is wrong, in a few words"
		ok = false
	}
	if r.Steps, err = parseSteps(text(iSteps), t.Today); err != nil {
		f[iSteps].err = err.Error()
		ok = false
	}
	if !ok {
		return nil, false
	}
	code := t.Code
	what := fmt.Sprintf("%s, SLA %s", keymap.Label(serviceKinds, r.Kind), common.WeekDay(r.SLA, t.Today))
	if n := len(r.Steps); n > 0 {
		what += ", " + common.Count(n, "step")
	}
	return &Submission{Kind: Custom, Noun: b.noun(), What: what,
		Do: func(ctx context.Context, d *desk.Desk, confirmed bool) (Saved, error) {
			got, err := d.OpenIssue(ctx, code, r, desk.Confirm(confirmed))
			return Saved{At: got.Issue.Stamp.At}, err
		}}, true
}

func (b *issueBody) fieldOf(name string) int {
	switch name {
	case "kind":
		return iKind
	case "sla_deadline", "sla":
		return iSLA
	case "owner":
		return iOwner
	case "summary":
		return iSummary
	case "kpi":
		return iKPI
	case "kpi_target", "target":
		return iTarget
	case "steps":
		return iSteps
	}
	return -1
}

// preview lists the steps typed, with their dates.
func (b *issueBody) preview(cm common.Common, w, room int) []string {
	steps, err := parseSteps(b.c.fields[iSteps].text.String(), b.t.Today)
	if err != nil || len(steps) == 0 {
		return nil
	}
	out := []string{cm.Styles.Label.Render("Timetable")}
	for i, st := range steps {
		if len(out) >= room {
			break
		}
		out = append(out, common.Cut(fmt.Sprintf("  %d. %s · by %s", i+1, common.Clean(st.Text), common.WeekDay(st.Due, b.t.Today)), w))
	}
	return out
}

const (
	uStatus = iota
	uAdd
	uDone
	uKPI
	uTarget
	uOwner
	uSLA
	uResolution
	uWriting
)

type issueUpdateBody struct {
	c core
	t Target
	s domain.ServiceIssue
}

// NewIssueUpdate opens the form that updates or resolves an issue of the
// account, captured by value.
func NewIssueUpdate(c common.Common, t Target, s domain.ServiceIssue) *Model {
	s.Steps = append([]domain.Step(nil), s.Steps...)
	b := &issueUpdateBody{t: t, s: s}
	b.c.fields = []*field{
		{label: "Status", kind: choiceField, choices: issueStatuses},
		{label: "Add steps", kind: textField, text: common.Field{Limit: 2000}, example: "TEXT@DATE; …: call the depot@fri"},
		{label: "Steps done", kind: textField, example: "their numbers: 1, 3"},
		{label: "KPI", kind: textField, text: fieldWith(s.KPI, 200), initial: s.KPI, example: "what will show it is fixed"},
		{label: "Target", kind: textField, text: fieldWith(s.KPITarget, 200), initial: s.KPITarget, example: "the value the KPI must reach"},
		{label: "Owner", kind: textField, text: fieldWith(s.Owner, 64), initial: s.Owner, example: "who drives it"},
		{label: "SLA by", kind: textField, text: fieldWith(slaText(s.SLADeadline), 40), initial: slaText(s.SLADeadline), example: "2026-12-01, +3, fri"},
		{label: "Resolution", kind: textField, text: common.Field{Limit: 2000}, example: "how it was resolved"},
		{label: "In writing", kind: choiceField, choices: yesNo},
	}
	return newModel(c, t, b)
}

// slaText is an SLA deadline as the form shows it; "" for none.
func slaText(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func fieldWith(s string, limit int) common.Field {
	f := common.NewField(s)
	f.Limit = limit
	return f
}

func (b *issueUpdateBody) noun() string         { return "service issue" }
func (b *issueUpdateBody) core() *core          { return &b.c }
func (b *issueUpdateBody) choose(k string) bool { return choose(&b.c, k, b.changed) }

func (b *issueUpdateBody) title() string {
	s := b.s
	return fmt.Sprintf("Service issue #%d · %s · %s, SLA %s · %s %s", s.ID, keymap.Label(serviceKinds, s.Kind),
		keymap.Label(issueStatuses, s.Status), common.WeekDay(s.SLADeadline, b.t.Today), b.t.Code, b.t.Name)
}

func (b *issueUpdateBody) resolving() bool { return b.c.fields[uStatus].choice == domain.IssueResolved }

func (b *issueUpdateBody) changed() {
	f := b.c.fields
	r := b.resolving()
	for _, i := range []int{uAdd, uDone, uKPI, uTarget, uOwner, uSLA} {
		f[i].disabled = r
	}
	f[uResolution].disabled, f[uWriting].disabled = !r, !r
	f[uResolution].hidden, f[uWriting].hidden = true, true
}

// done reads the step numbers typed: 1, 3 or 1 3.
func (b *issueUpdateBody) done() ([]int, error) {
	var out []int
	for _, p := range strings.FieldsFunc(b.c.fields[uDone].text.String(), func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a step's number (1 is the first)", p)
		}
		out = append(out, n)
	}
	return out, nil
}

func (b *issueUpdateBody) validate() (*Submission, bool) {
	f := b.c.fields
	b.c.clearErrors()
	t, s := b.t, b.s
	code, id := t.Code, s.ID
	if b.resolving() {
		res := b.c.text(uResolution)
		if res == "" {
			f[uResolution].err = "say how it was resolved"
			return nil, false
		}
		inWriting := f[uWriting].choice == "yes"
		what := "resolved, not confirmed in writing yet"
		if inWriting {
			what = "resolved, confirmed in writing"
		}
		return &Submission{Kind: Custom, Noun: b.noun(), What: fmt.Sprintf("#%d %s", id, what),
			Do: func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
				got, err := d.ResolveIssue(ctx, code, id, res, inWriting)
				return Saved{At: got.Issue.Stamp.At, Recap: got.Recap}, err
			}}, true
	}
	u := domain.IssueUpdate{Status: f[uStatus].choice}
	text := b.c.text
	if k := text(uKPI); k != s.KPI {
		u.KPI = k
	}
	if k := text(uTarget); k != s.KPITarget {
		u.KPITarget = k
	}
	if o := text(uOwner); o != s.Owner {
		u.Owner = o
	}
	ok := true
	var err error
	if v := text(uSLA); v != slaText(s.SLADeadline) && v != "" {
		if u.SLA, err = resolveDate(v, t.Today); err != nil {
			f[uSLA].err = err.Error()
			ok = false
		}
	}
	if u.AddSteps, err = parseSteps(text(uAdd), t.Today); err != nil {
		f[uAdd].err = err.Error()
		ok = false
	}
	if u.Done, err = b.done(); err != nil {
		f[uDone].err = err.Error()
		ok = false
	}
	if !ok {
		return nil, false
	}
	// The domain's own rule, on the spot: what it refuses goes next to its field.
	_, said, err := s.Update(u, t.Today, true)
	var ve domain.ValidationError
	switch {
	case errors.As(err, &ve):
		for _, fe := range ve {
			if i := b.fieldOf(fe.Field); i >= 0 && f[i].err == "" {
				f[i].err = fe.Reason
			} else if i < 0 {
				f[uStatus].err = fe.Error()
			}
		}
		return nil, false
	case err != nil: // nothing to change
		f[uStatus].err = err.Error()
		return nil, false
	}
	return &Submission{Kind: Custom, Noun: b.noun(), What: fmt.Sprintf("#%d %s", id, strings.Join(said, "; ")),
		Do: func(ctx context.Context, d *desk.Desk, confirmed bool) (Saved, error) {
			got, err := d.UpdateIssue(ctx, code, id, u, desk.Confirm(confirmed))
			return Saved{At: got.Issue.Stamp.At}, err
		}}, true
}

func (b *issueUpdateBody) fieldOf(name string) int {
	switch name {
	case "status":
		return uStatus
	case "steps":
		return uAdd
	case "done":
		return uDone
	case "kpi":
		return uKPI
	case "kpi_target", "target":
		return uTarget
	case "owner":
		return uOwner
	case "sla_deadline":
		return uSLA
	case "resolution", "resolved_on":
		return uResolution
	}
	return -1
}

// preview is the issue as it stands: what is wrong, its KPI, and its steps
// numbered (what "Steps done" takes), each with its date and whether done.
func (b *issueUpdateBody) preview(cm common.Common, w, room int) []string {
	st := cm.Styles
	s, today := b.s, b.t.Today
	var out []string
	if s.Summary != "" {
		out = append(out, common.Cut("What is wrong: "+common.Clean(s.Summary), w))
	}
	if len(s.Steps) == 0 {
		return append(out, st.Muted.Render("No steps yet."))
	}
	out = append(out, st.Label.Render("Steps"))
	for i, x := range s.Steps {
		if len(out) >= room && room > 0 {
			out = append(out, st.Muted.Render(common.Cut(fmt.Sprintf("  … %d more", len(s.Steps)-i), w)))
			break
		}
		mark, state := "[ ]", "due "+common.WeekDay(x.Due, today)
		switch {
		case x.Done:
			mark, state = "[x]", "done"
			if !x.DoneOn.IsZero() {
				state += " " + common.WeekDay(x.DoneOn, today)
			}
		case x.Due < today:
			state += " (late)"
		}
		line := common.Cut(fmt.Sprintf("  %d %s %s · %s", i+1, mark, common.Clean(x.Text), state), w)
		if !x.Done && x.Due < today {
			line = st.Warn.Render(line)
		}
		out = append(out, line)
	}
	return out
}
