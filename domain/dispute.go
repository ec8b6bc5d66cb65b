package domain

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Disputes (SPEC §9.1). A dispute is raised on one invoice; while it is
// open the invoice's Disputed flag is set, which is what the ledger, the
// queue's overdue rule, reminders and the forecast read ("excluded from
// follow-up"). The dispute records keep each invoice's history: an invoice
// may be disputed again after a resolution, each time with the next Seq.

// Dispute statuses.
const (
	DisputeOpen     = "open"
	DisputeResolved = "resolved"
)

// Activity kinds of a dispute's timeline entries.
const (
	KindDispute         = "dispute"
	KindDisputeResolved = "dispute-resolved"
)

// ResolvedByImport is the resolution of an imported dispute that a later
// import of the invoice no longer calls disputed.
const ResolvedByImport = "resolved by import"

// ImportedReason is the reason of an imported dispute whose file gave none.
const ImportedReason = "disputed in the imported file"

// Dispute is one dispute of an invoice.
type Dispute struct {
	Account    string
	Invoice    string
	Seq        uint64 // 1 for the invoice's first dispute, then 2, 3, …
	Reason     string
	Owner      string
	OpenedOn   Date
	Status     string // DisputeOpen, DisputeResolved
	ResolvedOn Date
	Resolution string
	Credit     string // the number of the credit note given with the resolution, "" for none
	Imported   bool   // opened by an import's disputed column
	Stamp      Stamp
}

// IsOpen reports whether the dispute is open.
func (d Dispute) IsOpen() bool { return d.Status == DisputeOpen }

// Validate checks the dispute.
func (d Dispute) Validate() error {
	var errs fieldErrors
	errs.check("account", CheckCode(d.Account))
	errs.check("invoice", CheckCode(d.Invoice))
	if d.Seq == 0 {
		errs.add("seq", "a dispute's sequence starts at 1")
	}
	errs.check("reason", CheckMultiline(d.Reason, 500))
	if strings.TrimSpace(d.Reason) == "" {
		errs.add("reason", "say in a few words what the customer disputes")
	}
	errs.check("owner", CheckText(d.Owner, true, 100))
	if d.OpenedOn.IsZero() {
		errs.add("opened_on", "date is missing")
	}
	switch d.Status {
	case DisputeOpen:
		if !d.ResolvedOn.IsZero() || d.Resolution != "" || d.Credit != "" {
			errs.add("status", "an open dispute has no resolution")
		}
	case DisputeResolved:
		if d.ResolvedOn.IsZero() {
			errs.add("resolved_on", "date is missing")
		} else if d.ResolvedOn < d.OpenedOn {
			errs.add("resolved_on", "resolved before it was opened")
		}
		if strings.TrimSpace(d.Resolution) == "" {
			errs.add("resolution", "say in a few words how it was resolved")
		}
	default:
		errs.add("status", fmt.Sprintf("status %q is not open or resolved", d.Status))
	}
	errs.check("resolution", CheckMultiline(d.Resolution, 2000))
	if d.Credit != "" {
		errs.check("credit", CheckCode(d.Credit))
	}
	errs.dates("opened_on", d.OpenedOn, "resolved_on", d.ResolvedOn)
	return errs.err()
}

// DaysOpen is how long the dispute has been open: asOf − opened on while
// open, resolved on − opened on once resolved.
func (d Dispute) DaysOpen(asOf Date) int {
	if d.Status == DisputeResolved {
		return d.ResolvedOn.DaysSince(d.OpenedOn)
	}
	return asOf.DaysSince(d.OpenedOn)
}

// DisputeCredit is the number of the credit note a dispute's resolution gives.
func DisputeCredit(invoice string, seq uint64) string { return fmt.Sprintf("DC-%s-%d", invoice, seq) }

// DisputesOf is the disputes of one invoice, in sequence order, from an
// account's disputes (kept in invoice, then sequence order).
func DisputesOf(ds []Dispute, invoice string) []Dispute {
	var out []Dispute
	for _, d := range ds {
		if d.Invoice == invoice {
			out = append(out, d)
		}
	}
	return out
}

// LatestDispute is the invoice's latest dispute, nil for none.
func LatestDispute(ds []Dispute, invoice string) *Dispute {
	var last *Dispute
	for i := range ds {
		if ds[i].Invoice == invoice && (last == nil || ds[i].Seq > last.Seq) {
			last = &ds[i]
		}
	}
	return last
}

// OpenDisputeOf is the invoice's open dispute, nil for none.
func OpenDisputeOf(ds []Dispute, invoice string) *Dispute {
	if d := LatestDispute(ds, invoice); d != nil && d.IsOpen() {
		return d
	}
	return nil
}

// DisputeWindow is how far back the average dispute days reach: disputes
// resolved in the 365 days ending the as-of date.
const DisputeWindow = 365

// AverageDisputeDays is the mean days open of the disputes resolved in the
// 365 days ending asOf (asOf−364 … asOf), rounded half away from zero to
// one decimal, and how many there were; ok is false when there were none.
func AverageDisputeDays(ds []Dispute, asOf Date) (mean decimal.Decimal, n int, ok bool) {
	from := asOf.AddDays(-(DisputeWindow - 1))
	total := 0
	for _, d := range ds {
		if d.Status != DisputeResolved || d.ResolvedOn < from || d.ResolvedOn > asOf {
			continue
		}
		total += d.DaysOpen(asOf)
		n++
	}
	if n == 0 {
		return decimal.Zero, 0, false
	}
	return decimal.NewFromInt(int64(total)).DivRound(decimal.NewFromInt(int64(n)), 1), n, true
}

// RaisedEntry is a dispute's timeline entry when raised.
func (d Dispute) RaisedEntry() Activity {
	return Activity{Account: d.Account, On: d.OpenedOn, Kind: KindDispute,
		Text: fmt.Sprintf("dispute on invoice %s (owner %s): %s", d.Invoice, d.Owner, d.Reason)}
}

// ResolvedEntry is a dispute's timeline entry when resolved.
func (d Dispute) ResolvedEntry() Activity {
	text := fmt.Sprintf("dispute on invoice %s resolved: %s", d.Invoice, d.Resolution)
	if d.Credit != "" {
		text += " (credit note " + d.Credit + ")"
	}
	return Activity{Account: d.Account, On: d.ResolvedOn, Kind: KindDisputeResolved, Text: text}
}

// DisputeRow is a dispute as the disputes report lists it (SPEC §9.1).
type DisputeRow struct {
	Dispute
	Amount      decimal.Decimal // the invoice's amount
	Outstanding decimal.Decimal // what the invoice still owes as of the date
	DaysOpen    int
}

// DisputeRows is an account's disputes as of asOf that the disputes report
// lists: every dispute open as of asOf (opened on or before it), and those
// resolved from since to asOf; in invoice, then sequence order.
func DisputeRows(x *Facts, asOf, since Date) []DisputeRow {
	if len(x.Disputes) == 0 {
		return nil
	}
	l := &x.Ledger
	ap := l.Apply(asOf, nil)
	var out []DisputeRow
	for i, d := range x.Disputes {
		switch {
		case d.OpenedOn > asOf:
			continue
		case d.IsOpen() || d.ResolvedOn > asOf:
			if d.ResolvedOn > asOf { // resolved after asOf: open as of asOf
				d.Status, d.ResolvedOn, d.Resolution, d.Credit = DisputeOpen, 0, "", ""
			}
		case d.ResolvedOn < since:
			continue
		}
		row := DisputeRow{Dispute: d, Amount: decimal.Zero, Outstanding: decimal.Zero, DaysOpen: d.DaysOpen(asOf)}
		if i < len(x.DisputeInvoices) {
			if k := x.DisputeInvoices[i]; k >= 0 && int(k) < len(l.Invoices) {
				row.Amount, row.Outstanding = l.Dec(l.Invoices[k].Amount), l.Dec(ap.Owed[k])
			}
		}
		out = append(out, row)
	}
	return out
}

// DisputedAsOf reports whether the ledger's i-th invoice had an open
// dispute as of asOf: one opened on or before asOf and not resolved by
// then (SPEC §2: nothing dated after D exists as of D), so that a past date
// is seen as it was. An invoice flagged disputed without any dispute record
// (a fact made from an invoice's flag alone) is disputed whatever the date.
func (x *Facts) DisputedAsOf(i int, asOf Date) bool {
	recorded := false
	for k, d := range x.Disputes {
		if k >= len(x.DisputeInvoices) || int(x.DisputeInvoices[k]) != i {
			continue
		}
		recorded = true
		if d.OpenedOn <= asOf && (d.IsOpen() || d.ResolvedOn > asOf) {
			return true
		}
	}
	return !recorded && x.Ledger.IsDisputed(i)
}
