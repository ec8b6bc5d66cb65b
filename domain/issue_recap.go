package domain

import (
	"fmt"
	"strings"
)

// IssueRecap is the written recap of a resolved service issue, to the
// customer (SPEC §10.3: closed end to end and confirmed in writing): what
// was raised and when, how it was resolved and whether within the agreed
// deadline, the steps taken with their dates, the KPI it is measured by, and
// either thanks for the written confirmation or the request for it. Safe,
// like PromiseRecap: it quotes the book and is kept, shown and copied.
func IssueRecap(f *AccountFile, s ServiceIssue, author string) string {
	var b strings.Builder
	long := func(d Date) string { return d.Format("Monday 2 January 2006") }
	short := func(d Date) string { return d.Format("2 Jan 2006") }
	greeting := "Hello"
	if c := f.PrimaryContact(); c != "" {
		greeting = "Dear " + c
	}
	fmt.Fprintf(&b, "%s,\n\nThank you for raising the %s with us on %s (service issue %d for %s).\n",
		greeting, kindWords(s.Kind), long(s.Opened), s.ID, f.Account.Name)
	if sum := strings.TrimSpace(s.Summary); sum != "" {
		fmt.Fprintf(&b, "You told us: %s\n", sum)
	}
	fmt.Fprintf(&b, "\nIt was resolved on %s: %s\n", long(s.ResolvedOn), strings.TrimSpace(s.Resolution))
	if met, known := s.SLAMet(s.ResolvedOn); known {
		if met {
			fmt.Fprintf(&b, "That is within the deadline we agreed, %s.\n", short(s.SLADeadline))
		} else {
			fmt.Fprintf(&b, "That is %s after the deadline we agreed, %s; we apologise for the delay.\n",
				dayCount(s.ResolvedOn.DaysSince(s.SLADeadline)), short(s.SLADeadline))
		}
	}
	if len(s.Steps) > 0 {
		b.WriteString("\nWhat we did:\n")
		for i, st := range s.Steps {
			state := "not done"
			if st.Done {
				state = "done"
				if !st.DoneOn.IsZero() {
					state += " " + short(st.DoneOn)
				}
			}
			fmt.Fprintf(&b, "  %d. %s (due %s, %s)\n", i+1, st.Text, short(st.Due), state)
		}
	}
	if s.KPI != "" {
		fmt.Fprintf(&b, "\nWe measure the fix by %s", s.KPI)
		if s.KPITarget != "" {
			fmt.Fprintf(&b, ", with a target of %s", s.KPITarget)
		}
		b.WriteString(".\n")
	}
	if s.ConfirmedInWriting {
		b.WriteString("\nThank you for confirming in writing that this is resolved.\n")
	} else {
		b.WriteString("\nPlease confirm in writing that this is resolved for you, or tell us what is still wrong.\n")
	}
	fmt.Fprintf(&b, "\nKind regards,\n%s\n", author)
	return Safe(b.String())
}
