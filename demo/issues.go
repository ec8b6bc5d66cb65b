package demo

import (
	"fmt"
	"strings"

	"acctdesk/domain"
)

// issueText is what goes wrong of a kind, in the customer's words, and how
// it was put right.
type issueText struct{ summary, resolution string }

var issueTexts = map[string][]issueText{
	"late-delivery": {
		{"Delivery to the main yard arrived a day late; the generators ran on reserve.", "Delivered by the second truck; dispatch now confirms the slot the day before."},
		{"Order placed before noon was delivered after 48 hours.", "Truck reassigned from the Apapa queue; the depot now flags orders for this site."},
		{"Night delivery missed its window; the gate was closed when the truck arrived.", "Delivery rebooked for the next morning; the site's gate hours added to the dispatch notes."},
		{"Truck held at the Lagos–Ibadan toll gate for a day during the fuel queue.", "Delivered from the Sagamu depot instead; the customer now has a second loading point."},
	},
	"short-volume": {
		{"Dip reading 600 litres under the waybill after offloading.", "Shortfall credited after a joint dip; the driver retrained on the offloading checklist."},
		{"Two compartments arrived part-empty; seals were broken.", "Volume credited; the depot now records seal numbers on every waybill."},
		{"Meter ticket shows 15,000 litres, the tank took 14,650.", "Truck meter recalibrated; the 350 litres credited on the next invoice."},
	},
	"fleet-incident": {
		{"Fleet van broke down on the Lagos–Ibadan expressway.", "Replacement vehicle on site within 6 hours; the faulty alternator replaced."},
		{"Monthly service missed on four vehicles.", "Vehicles serviced over the weekend; the service calendar shared with the fleet manager."},
		{"Replacement vehicle sent without a tracker fitted.", "Tracker fitted the next day; pool vehicles now checked before they leave the yard."},
	},
	"quality": {
		{"Customer reported water in the tank after a delivery.", "Tank drained and refilled; the depot tank tested and cleaned."},
		{"Generator filters clogged after the last two deliveries.", "Fuel sample tested within spec; filters replaced at our cost as goodwill."},
		{"PMS delivered with a strong smell; the customer suspected contamination.", "Laboratory test within spec; the certificate of quality sent to the customer."},
	},
	"billing-error": {
		{"Invoice priced at last month's rate.", "Credit note raised for the difference; the invoicing rate table corrected."},
		{"Delivery invoiced twice against one waybill.", "Duplicate invoice cancelled by credit note; the customer's statement re-sent."},
		{"Invoice sent to the old head office address; the payment run missed it.", "Billing address corrected; the invoice re-sent to accounts payable by e-mail."},
	},
	"other": {
		{"Driver refused to wait for the gate pass at the night delivery.", "Spoke to the haulier; drivers briefed on the site's security procedure."},
	},
}

// rescueText is a Rescue account's late call-out.
var rescueText = issueText{"Rescue team took 3 hours to reach a stranded truck at Ore (SLA 2 hours).", "A second Rescue unit now stands at Ore; response times reviewed with the customer."}

// slaDays is how long each kind of issue may take to put right.
var slaDays = map[string]int{"late-delivery": 2, "short-volume": 7, "fleet-incident": 1, "quality": 5, "billing-error": 10, "other": 7}

// serviceIssues opens the account's service issues (SPEC §10.3): the open
// ones it is set up for (past, near and well within their SLA; one a
// problem record in progress), the resolved ones it is set up for
// (confirmed in writing and not), and a history of issues resolved over
// the last year, within their SLA or not. Each is on the timeline.
func (a *acct) serviceIssues() {
	p, A := a.p, a.asOf
	if p.has(fIssuePastSLA) {
		if p.has(fProblem) {
			a.problemRecord()
		} else {
			a.issue("short-volume", A.AddDays(-6), A.AddDays(-2), issueText{"Last two deliveries came in short of the waybill; customer wants a joint dip.", ""}, 0, false)
		}
	}
	if p.has(fIssueNearSLA) {
		a.issue("late-delivery", A.AddDays(-2), A, issueText{"Order for the plant has not arrived; the customer's stock lasts until tomorrow.", ""}, 0, false)
	}
	if p.has(fIssueOpen) {
		kind, t := "quality", issueText{"Customer reports cloudy diesel in the day tank; samples taken.", ""}
		if p.sells(pFleet) {
			kind, t = "fleet-incident", issueText{"Refrigerated truck off the road after an accident at Ojota; a replacement is needed.", ""}
		}
		a.issue(kind, A.AddDays(-1), A.AddDays(6), t, 0, false)
	}
	if p.has(fIssueConfirmed) {
		a.issue("late-delivery", A.AddDays(-40), A.AddDays(-38), issueText{"Generator diesel for the theatres arrived a day late.",
			"Delivered on the second attempt; the truck broke down at Sagamu. Customer confirmed by e-mail."}, A.AddDays(-39), true)
	}
	if p.has(fIssueUnconfirmed) {
		a.issue("billing-error", A.AddDays(-70), A.AddDays(-63), issueText{"Three invoices charged at the pump price instead of the contract rate.",
			"Credit note raised for the price difference; waiting for the customer's written confirmation."}, A.AddDays(-58), false)
	}
	a.issueHistory()
}

// issue opens one issue on opened with its SLA; resolved (non-zero) closes it.
func (a *acct) issue(kind string, opened, sla domain.Date, t issueText, resolved domain.Date, confirmed bool) *domain.ServiceIssue {
	p := a.p
	s := domain.ServiceIssue{
		Account: p.code, Kind: kind, Opened: opened, SLADeadline: sla, Owner: p.owner, Status: domain.IssueOpen,
		Summary: t.summary, Stamp: stamp(p.owner, opened, 14*60),
	}
	a.acts = append(a.acts, act{on: opened, minute: 14 * 60, kind: domain.KindIssue, fixedNext: true,
		text: fmt.Sprintf("Service issue opened (%s): %s SLA %s.", strings.ReplaceAll(kind, "-", " "), t.summary, sla.Format("2 Jan 2006"))})
	if !resolved.IsZero() {
		s.Status, s.Resolution, s.ResolvedOn, s.ConfirmedInWriting = domain.IssueResolved, t.resolution, resolved, confirmed
		s.Stamp = stamp(p.owner, resolved, 16*60)
		contact := ""
		if len(a.contacts) > 0 {
			contact = a.contacts[0].Name
		}
		s.Recap = "Recap e-mailed to " + contact + ": " + t.summary + " " + t.resolution
		confirm := " Not yet confirmed in writing."
		if confirmed {
			confirm = " Confirmed by the customer in writing."
		}
		a.acts = append(a.acts, act{on: resolved, minute: 16 * 60, kind: domain.KindIssueResolved, fixedNext: true,
			text: fmt.Sprintf("Service issue resolved (%s): %s%s", strings.ReplaceAll(kind, "-", " "), t.resolution, confirm)})
	}
	a.issues = append(a.issues, s)
	return &a.issues[len(a.issues)-1]
}

// problemRecord: short deliveries at the customer's main site, worked as a
// problem record: a KPI with its target and a timetable of steps, two done,
// one overdue, one ahead; its SLA passed while it is in progress.
func (a *acct) problemRecord() {
	A := a.asOf
	opened := weekdayBack(A.AddDays(-35))
	s := a.issue("short-volume", opened, A.AddDays(-5), issueText{"Deliveries to the Bukuru site keep arriving 2–4 % short of the waybill; the site manager signs the dip readings under protest.", ""}, 0, false)
	s.Status = domain.IssueInProgress
	s.KPI = "Delivered volume against the waybill at Bukuru (joint dip)"
	s.KPITarget = "within 0.5 % on 8 deliveries in a row"
	s.Steps = []domain.Step{
		{Text: "Calibrate the meters of the three trucks on the Jos route", Due: A.AddDays(-28), Done: true, DoneOn: A.AddDays(-27)},
		{Text: "Seal the compartments at the depot; seal numbers on every waybill", Due: A.AddDays(-21), Done: true, DoneOn: A.AddDays(-19)},
		{Text: "Joint dip with the site manager on every delivery for four weeks", Due: A.AddDays(-7)},
		{Text: "Share the dip results and close the record with the customer", Due: A.AddDays(10)},
	}
	on := weekdayBack(A.AddDays(-19))
	s.Stamp = stamp(a.p.owner, on, 14*60+30)
	a.acts = append(a.acts, act{on: on, minute: 14*60 + 30, kind: domain.KindIssue, fixedNext: true,
		text: "Problem record in progress: meters calibrated, compartments sealed; joint dips next. KPI: " + s.KPI + ", " + s.KPITarget + "."})
}

// issueHistory: issues resolved over the last year (before the churn, for
// a churned account), three in four within their SLA, most confirmed in
// writing; more for the accounts that matter more.
func (a *acct) issueHistory() {
	p, r, A := a.p, a.m, a.asOf
	if len(a.inv) == 0 || p.status == "onboarding" {
		return
	}
	n := [...]int{1: r.between(1, 3), 2: r.between(0, 2), 3: r.weighted(60, 40)}[p.tier]
	if !a.scripted() {
		n = [...]int{1: r.between(0, 2), 2: r.weighted(70, 30), 3: r.weighted(90, 10)}[p.tier] // a big book's are fewer
	}
	until := A.AddDays(-12)
	if p.status == "churned" {
		until, n = A.AddDays(-160), 2 // what it complained of before it left
	}
	for k := 0; k < n; k++ {
		opened := weekdayBack(until.AddDays(-r.between(0, 320)))
		if opened < p.live {
			continue
		}
		kind := a.issueKind()
		t := pick(r, issueTexts[kind])
		if kind == "late-delivery" && p.sells(pRescue) && r.chance(0.5) {
			t = rescueText
		}
		sla := opened.AddDays(slaDays[kind])
		resolved := sla.AddDays(-r.between(0, slaDays[kind]))
		if r.chance(0.25) {
			resolved = sla.AddDays(r.between(1, 6)) // missed its SLA
		}
		resolved = max(opened, weekdayBack(min(resolved, A.AddDays(-1))))
		a.issue(kind, opened, sla, t, resolved, r.chance(0.7))
	}
}

// issueKind draws a kind of issue that fits what the account buys.
func (a *acct) issueKind() string {
	kinds := []string{"late-delivery", "short-volume", "quality", "billing-error", "other"}
	w := []int{35, 25, 12, 20, 3}
	if a.p.sells(pFleet) {
		kinds, w = append(kinds, "fleet-incident"), append(w, 25)
	}
	return kinds[a.m.weighted(w...)]
}
