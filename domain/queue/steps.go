package queue

import (
	"fmt"
	"strings"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// steps raises a follow-up for each step due (not done, due on or before the
// date) of a timetable still being worked: an issue open on the date (SPEC
// §10.3), an open objective of the account plan (§10.9). The key names the
// step and its due date, so "done" lasts until the step is given another
// date.
func steps(c *ctx) {
	for _, s := range c.f.Issues {
		if !s.OpenOn(c.asOf) {
			continue
		}
		c.stepsDue("issue", s.ID, s.Steps, fmt.Sprintf("%s issue", strings.ReplaceAll(s.Kind, "-", " ")))
	}
	for _, o := range c.f.Objectives {
		if !o.IsOpen() {
			continue
		}
		c.stepsDue("objective", o.ID, o.Steps, fmt.Sprintf("%s objective: %s", o.Kind, o.Measure))
	}
}

func (c *ctx) stepsDue(what string, id uint64, steps []domain.Step, of string) {
	for i, st := range steps {
		if st.Done || st.Due.IsZero() || st.Due > c.asOf {
			continue
		}
		when := "today"
		if st.Due < c.asOf {
			when = "since " + dayOf(c.asOf, st.Due)
		}
		c.add(FollowUp, fmt.Sprintf("%s:%d:%d:%s", what, id, i+1, st.Due), decimal.Zero, st.Due,
			fmt.Sprintf("step %d of the %s: %s, due %s", i+1, of, st.Text, when), "")
	}
}
