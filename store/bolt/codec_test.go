package bolt

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"math/big"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// codecCase is one record type: make a valid value from a random source,
// encode it, decode it (with the key parts the bucket key would carry).
type codecCase struct {
	name   string
	make   func(r *rand.Rand) any
	encode func(v any) []byte
	decode func(v any, val []byte) (any, error) // v supplies the key parts
	garble func(val []byte) (any, error)        // decode arbitrary bytes with fixed key parts
}

// testIn exercises the interner's paths (shared words, string blocks,
// decimal cache) in the decoders that take one.
var testIn = newInterner()

var (
	fuzzCode = "ACME"
	fuzzOwn  = []byte("INV-1")
	fuzzID   = binary.BigEndian.AppendUint64(nil, 7)
)

func idOwn(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

var codecCases = []codecCase{
	{"account",
		func(r *rand.Rand) any {
			return domain.Account{Code: rkey(r), Name: rs(r), Tier: ri(r), Segment: rs(r), Owner: rs(r), Salesperson: rs(r),
				Status: rs(r), StatusSince: rdate(r), OpenedOn: rdate(r), LiveOn: rdate(r), Terms: rs(r), TermsDays: ri(r), Currency: rcur(r),
				CreditLimit: rlimit(r), Overdraft: domain.Overdraft{Amount: rlimit(r), Expires: rdate(r), ApprovedBy: rs(r)},
				Products: rstrs(r), Notes: rnote(r), ExpansionNotes: rnote(r), Competitors: rnote(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Account); return appendAccount(nil, &x) },
		func(v any, b []byte) (any, error) { return decodeAccount(v.(domain.Account).Code, b, testIn) },
		func(b []byte) (any, error) { return decodeAccount(fuzzCode, b, nil) }},
	{"contact",
		func(r *rand.Rand) any {
			return domain.Contact{Account: rkey(r), Name: rkey(r), Role: rs(r), Phone: rs(r), Email: rs(r), Primary: r.IntN(2) == 1, Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Contact); return appendContact(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Contact)
			return decodeContact(x.Account, []byte(x.Name), b, nil)
		},
		func(b []byte) (any, error) { return decodeContact(fuzzCode, fuzzOwn, b, nil) }},
	{"contract",
		func(r *rand.Rand) any {
			c := domain.Contract{Account: rkey(r), ID: rkey(r), Start: rdate(r), End: rdate(r), NoticeDays: ri(r), SLA: rnote(r), Status: rs(r), Stamp: rstamp(r)}
			c.Rebate.Basis, c.Rebate.Period = rs(r), rs(r)
			for range r.IntN(3) {
				c.Rebate.Tiers = append(c.Rebate.Tiers, domain.VolumeTier{From: rdec(r), Percent: rdec(r), PerUnit: rdec(r)})
			}
			return c
		},
		func(v any) []byte { x := v.(domain.Contract); return appendContract(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Contract)
			return decodeContract(x.Account, []byte(x.ID), b, nil)
		},
		func(b []byte) (any, error) { return decodeContract(fuzzCode, fuzzOwn, b, nil) }},
	{"invoice",
		func(r *rand.Rand) any {
			cur := rcur(r)
			return domain.Invoice{Account: rkey(r), Number: rkey(r), Issued: rdate(r), Due: rdate(r), Amount: ramount(r, cur),
				Currency: cur, Product: rs(r), Quantity: rqty(r), Unit: rs(r), Disputed: r.IntN(2) == 1,
				DisputeReason: rnote(r), Excluded: r.IntN(2) == 1, Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Invoice); return appendInvoice(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Invoice)
			return decodeInvoice(x.Account, []byte(x.Number), b, testIn)
		},
		func(b []byte) (any, error) { return decodeInvoice(fuzzCode, fuzzOwn, b, testIn) }},
	{"payment",
		func(r *rand.Rand) any {
			cur := rcur(r)
			return domain.Payment{Account: rkey(r), Reference: rkey(r), Received: rdate(r), Amount: ramount(r, cur), Currency: cur, Invoice: rs(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Payment); return appendPayment(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Payment)
			return decodePayment(x.Account, []byte(x.Reference), b, nil)
		},
		func(b []byte) (any, error) { return decodePayment(fuzzCode, fuzzOwn, b, nil) }},
	{"credit",
		func(r *rand.Rand) any {
			cur := rcur(r)
			return domain.CreditNote{Account: rkey(r), Number: rkey(r), Date: rdate(r), Amount: ramount(r, cur), Currency: cur, Reason: rs(r), Invoice: rs(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.CreditNote); return appendCredit(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.CreditNote)
			return decodeCredit(x.Account, []byte(x.Number), b, nil)
		},
		func(b []byte) (any, error) { return decodeCredit(fuzzCode, fuzzOwn, b, nil) }},
	{"activity",
		func(r *rand.Rand) any {
			return domain.Activity{ID: r.Uint64(), Account: rkey(r), On: rdate(r), Kind: rs(r), Contact: rs(r), Outcome: rs(r), Text: rnote(r),
				Recap: rnote(r), NextFollow: rdate(r), Corrects: r.Uint64(), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Activity); return appendActivity(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Activity)
			return decodeActivity(x.Account, idOwn(x.ID), b, nil)
		},
		func(b []byte) (any, error) { return decodeActivity(fuzzCode, fuzzID, b, nil) }},
	{"promise",
		func(r *rand.Rand) any {
			cur := rcur(r)
			return domain.Promise{ID: r.Uint64(), Account: rkey(r), Amount: ramount(r, cur), Currency: cur, GivenOn: rdate(r), DueOn: rdate(r),
				Activity: r.Uint64(), Contact: rs(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Promise); return appendPromise(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Promise)
			return decodePromise(x.Account, idOwn(x.ID), b, nil)
		},
		func(b []byte) (any, error) { return decodePromise(fuzzCode, fuzzID, b, nil) }},
	{"plan",
		func(r *rand.Rand) any {
			p := domain.PaymentPlan{ID: r.Uint64(), Account: rkey(r), Agreed: rdate(r), Closed: rdate(r), Stamp: rstamp(r)}
			for range r.IntN(4) {
				p.Instalments = append(p.Instalments, domain.Instalment{Due: rdate(r), Amount: ramount(r, "NGN")})
			}
			return p
		},
		func(v any) []byte { x := v.(domain.PaymentPlan); return appendPlan(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.PaymentPlan)
			return decodePlan(x.Account, idOwn(x.ID), b, nil)
		},
		func(b []byte) (any, error) { return decodePlan(fuzzCode, fuzzID, b, nil) }},
	{"escalation",
		func(r *rand.Rand) any {
			return domain.Escalation{ID: r.Uint64(), Account: rkey(r), Opened: rdate(r), Category: rs(r), Severity: rs(r), To: rs(r),
				Summary: rnote(r), Due: rdate(r), Status: rs(r), Resolution: rnote(r), ResolvedBy: rs(r), ResolvedOn: rdate(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Escalation); return appendEscalation(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Escalation)
			return decodeEscalation(x.Account, idOwn(x.ID), b, nil)
		},
		func(b []byte) (any, error) { return decodeEscalation(fuzzCode, fuzzID, b, nil) }},
	{"issue",
		func(r *rand.Rand) any {
			return domain.ServiceIssue{ID: r.Uint64(), Account: rkey(r), Kind: rs(r), Opened: rdate(r), SLADeadline: rdate(r), Owner: rs(r),
				Status: rs(r), Summary: rnote(r), KPI: rs(r), KPITarget: rs(r), Steps: rsteps(r), Resolution: rnote(r), ResolvedOn: rdate(r),
				ConfirmedInWriting: r.IntN(2) == 1, Recap: rnote(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.ServiceIssue); return appendIssue(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.ServiceIssue)
			return decodeIssue(x.Account, idOwn(x.ID), b, nil)
		},
		func(b []byte) (any, error) { return decodeIssue(fuzzCode, fuzzID, b, nil) }},
	{"decision",
		func(r *rand.Rand) any {
			cur := rcur(r)
			return domain.CreditDecision{ID: r.Uint64(), Account: rkey(r), On: rdate(r),
				Field: []string{domain.FieldCreditLimit, domain.FieldOverdraft}[r.IntN(2)], Old: rlimitIn(r, cur), New: rlimitIn(r, cur),
				OldExpires: rdate(r), NewExpires: rdate(r), Currency: cur, Reason: rnote(r), ApprovedBy: rs(r),
				UtilisationAfter: rdec(r), HasUtilisation: r.IntN(2) == 1, ConfirmedOver: r.IntN(2) == 1, Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.CreditDecision); return appendDecision(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.CreditDecision)
			return decodeDecision(x.Account, idOwn(x.ID), b, testIn)
		},
		func(b []byte) (any, error) { return decodeDecision(fuzzCode, fuzzID, b, nil) }},
	{"objective",
		func(r *rand.Rand) any {
			return domain.Objective{ID: r.Uint64(), Account: rkey(r), Kind: rs(r), Measure: rs(r), Target: rs(r), Due: rdate(r),
				Owner: rs(r), Status: rs(r), Steps: rsteps(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Objective); return appendObjective(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Objective)
			return decodeObjective(x.Account, idOwn(x.ID), b, testIn)
		},
		func(b []byte) (any, error) { return decodeObjective(fuzzCode, fuzzID, b, nil) }},
	{"document",
		func(r *rand.Rand) any {
			return domain.Document{Account: rkey(r), Kind: rkey(r), Received: rdate(r), ValidatedOn: rdate(r), ValidatedBy: rs(r),
				File: rs(r), SHA256: rsha(r), Note: rnote(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Document); return appendDocument(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Document)
			return decodeDocument(x.Account, []byte(x.Kind), b, testIn)
		},
		func(b []byte) (any, error) { return decodeDocument(fuzzCode, fuzzOwn, b, nil) }},
	{"blockage",
		func(r *rand.Rand) any {
			return domain.Blockage{ID: r.Uint64(), Account: rkey(r), Reason: rnote(r), Since: rdate(r), Owner: rs(r), ResolvedOn: rdate(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Blockage); return appendBlockage(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Blockage)
			return decodeBlockage(x.Account, idOwn(x.ID), b, testIn)
		},
		func(b []byte) (any, error) { return decodeBlockage(fuzzCode, fuzzID, b, nil) }},
	{"reconciled",
		func(r *rand.Rand) any {
			return domain.Reconciliation{Account: rkey(r), AsOf: rday(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Reconciliation); return appendReconciled(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Reconciliation)
			return decodeReconciled(x.Account, []byte(x.AsOf.Format("2006-01-02")), b, testIn)
		},
		func(b []byte) (any, error) { return decodeReconciled(fuzzCode, []byte("2026-11-30"), b, nil) }},
	{"followup",
		func(r *rand.Rand) any {
			return domain.FollowUp{ID: r.Uint64(), Account: rkey(r), Due: rdate(r), Reason: rs(r), Source: rs(r), Status: rs(r), Until: rdate(r),
				Activity: r.Uint64(), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.FollowUp); return appendFollowUp(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.FollowUp)
			return decodeFollowUp(x.Account, idOwn(x.ID), b, nil)
		},
		func(b []byte) (any, error) { return decodeFollowUp(fuzzCode, fuzzID, b, nil) }},
	{"survey",
		func(r *rand.Rand) any {
			return domain.Survey{ID: r.Uint64(), Account: rkey(r), On: rdate(r), Kind: rs(r), Score: ri(r), Comment: rnote(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.Survey); return appendSurvey(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Survey)
			return decodeSurvey(x.Account, idOwn(x.ID), b, nil)
		},
		func(b []byte) (any, error) { return decodeSurvey(fuzzCode, fuzzID, b, nil) }},
	{"mark",
		func(r *rand.Rand) any {
			return domain.QueueMark{Key: rkey(r), Account: rkey(r), Done: r.IntN(2) == 1, Until: rdate(r), On: rdate(r), Stamp: rstamp(r)}
		},
		func(v any) []byte { x := v.(domain.QueueMark); return appendMark(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.QueueMark)
			return decodeMark(x.Account, []byte(x.Key), b, nil)
		},
		func(b []byte) (any, error) { return decodeMark(fuzzCode, fuzzOwn, b, nil) }},
	{"target",
		func(r *rand.Rand) any {
			cur := rcur(r)
			x := domain.Target{Account: rkey(r), Month: rday(r).MonthStart(), Quantity: rqty(r).Abs(), Currency: cur, Stamp: rstamp(r)}
			if r.IntN(3) > 0 {
				x.Product = rkey(r)
			}
			if r.IntN(3) > 0 {
				x.Amount = ramount(r, cur)
			}
			return x
		},
		func(v any) []byte { x := v.(domain.Target); return appendTarget(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Target)
			k := targetKey(x.Account, x.Month, x.Product)
			return decodeTarget(x.Account, k[len(x.Account)+1:], b, testIn)
		},
		func(b []byte) (any, error) { return decodeTarget(fuzzCode, []byte("2026-11\x00AGO"), b, nil) }},
	{"balance",
		func(r *rand.Rand) any {
			cur := rcur(r)
			x := domain.Balance{Account: rkey(r), On: rday(r), Currency: cur, Stamp: rstamp(r)}
			switch r.IntN(3) {
			case 0:
				x.Balance = ramount(r, cur)
			case 1:
				x.Balance = ramount(r, cur).Neg()
			}
			return x
		},
		func(v any) []byte { x := v.(domain.Balance); return appendBalance(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Balance)
			return decodeBalance(x.Account, []byte(x.On.Format("2006-01-02")), b, testIn)
		},
		func(b []byte) (any, error) { return decodeBalance(fuzzCode, []byte("2026-11-30"), b, nil) }},
	{"dispute",
		func(r *rand.Rand) any {
			x := domain.Dispute{Account: rkey(r), Invoice: rkey(r), Seq: r.Uint64(), Reason: rnote(r), Owner: rs(r),
				OpenedOn: rdate(r), Status: domain.DisputeOpen, Imported: r.IntN(2) == 1, Stamp: rstamp(r)}
			if r.IntN(2) == 1 {
				x.Status, x.ResolvedOn, x.Resolution, x.Credit = domain.DisputeResolved, rdate(r), rnote(r), rs(r)
			}
			return x
		},
		func(v any) []byte { x := v.(domain.Dispute); return appendDispute(nil, &x) },
		func(v any, b []byte) (any, error) {
			x := v.(domain.Dispute)
			k := disputeKey(x.Account, x.Invoice, x.Seq)
			return decodeDispute(x.Account, k[len(x.Account)+1:], b, testIn)
		},
		func(b []byte) (any, error) {
			return decodeDispute(fuzzCode, []byte("INV-1\x00\x00\x00\x00\x00\x00\x00\x00\x01"), b, nil)
		}},
	{"settings",
		func(r *rand.Rand) any {
			return domain.Settings{Name: rnote(r), BaseCurrency: rcur(r), AgingEdges: rints(r), DSOPeriodDays: ri(r),
				Thresholds: domain.Thresholds{UtilWarnPct: ri(r), UtilBreachPct: ri(r), StaleContactDays: ri(r), RenewalDays: ri(r), PromiseGraceDays: ri(r)},
				Users:      rstrs(r), Reminders: domain.Reminders{Levels: rints(r), CadenceDays: ri(r)}, MarginRates: rrates(r),
				RequiredDocs: rrequired(r), Targets: domain.Targets{NRRPct: ri(r), LogoChurnPct: ri(r), BadDebtPct: ri(r), DSODays: ri(r)}}
		},
		func(v any) []byte { x := v.(domain.Settings); return appendSettings(nil, &x) },
		func(_ any, b []byte) (any, error) { return decodeSettings(b) },
		func(b []byte) (any, error) { return decodeSettings(b) }},
	{"ledger",
		func(r *rand.Rand) any { return randomLedger(r) },
		func(v any) []byte { x := v.(domain.Facts); return appendLedger(nil, &x.Ledger, x.RebateNotes) },
		func(_ any, b []byte) (any, error) {
			var x domain.Facts
			return x, decodeLedger(b, &x, testIn)
		},
		func(b []byte) (any, error) { var x domain.Facts; err := decodeLedger(b, &x, testIn); return x, err }},
	{"change",
		func(r *rand.Rand) any { return changeView{rkeys(r), r.IntN(2) == 1, r.IntN(2) == 1} },
		func(v any) []byte {
			x := v.(changeView)
			return appendChange(nil, change{x.Accounts, x.Settings, x.All})
		},
		func(_ any, b []byte) (any, error) {
			c, err := decodeChange(b)
			return changeView{c.accounts, c.settings, c.all}, err
		},
		func(b []byte) (any, error) {
			c, err := decodeChange(b)
			return changeView{c.accounts, c.settings, c.all}, err
		}},
	{"migration",
		func(r *rand.Rand) any { return migrationRecord{Name: rs(r), At: rtime(r)} },
		func(v any) []byte { return appendMigration(nil, v.(migrationRecord)) },
		func(_ any, b []byte) (any, error) { return decodeMigration(b) },
		func(b []byte) (any, error) { return decodeMigration(b) }},
}

// changeView is a change log entry with exported fields, for equalRecord.
type changeView struct {
	Accounts      []string
	Settings, All bool
}

// --- random valid values

// randomLedger is a ledger and volume as encoded: any order, any amounts,
// credits naming one of the invoices or none.
func randomLedger(r *rand.Rand) domain.Facts {
	l := domain.Ledger{Exp: -int32(r.IntN(20))}
	l.Invoices, l.Credits, l.Kinds = []domain.LedgerInvoice{}, []domain.LedgerCredit{}, []domain.CreditKind{}
	for i := range r.IntN(6) {
		l.Invoices = append(l.Invoices, domain.LedgerInvoice{Issued: rdate(r), Due: rdate(r), Amount: runits(r)})
		if r.IntN(2) == 1 {
			l.Disputed = append(l.Disputed, int32(i))
		}
		if r.IntN(2) == 1 {
			l.Excluded = append(l.Excluded, int32(i))
		}
	}
	for range r.IntN(6) {
		l.Credits = append(l.Credits, domain.LedgerCredit{On: rdate(r), Amount: runits(r),
			Invoice: int32(r.IntN(len(l.Invoices)+1)) - 1})
		l.Kinds = append(l.Kinds, domain.CreditKind(r.IntN(len(domain.CreditReasons)+1)))
	}
	for range r.IntN(4) {
		l.Volume = append(l.Volume, domain.Volume{Month: rdate(r), Product: rs(r), Amount: r.Int64() - r.Int64(),
			Quantity: r.Int64() - r.Int64(), QuantityExp: -int32(r.IntN(7))})
	}
	// Lines: one per invoice, each naming one of one to three products
	// (every line of a single product names it implicitly); quantities of
	// any size a ledger makes.
	l.QtyExp = -int32(r.IntN(7))
	if len(l.Invoices) > 0 {
		for range 1 + r.IntN(3) {
			l.Products = append(l.Products, rs(r))
		}
	}
	for range l.Invoices {
		l.Lines = append(l.Lines, domain.InvoiceLine{Quantity: runits(r), Product: uint16(r.IntN(len(l.Products)))})
	}
	// Numbers: one per invoice, often sharing a start (multi-byte runes
	// included, so that what two share may end inside one).
	if len(l.Invoices) > 0 {
		numbers := make([]string, len(l.Invoices))
		for i := range numbers {
			switch {
			case i > 0 && r.IntN(2) == 0:
				prev := numbers[i-1]
				numbers[i] = prev[:r.IntN(len(prev)+1)] + rs(r)
				if numbers[i] == "" || !utf8.ValidString(numbers[i]) {
					numbers[i] = prev + rkey(r)
				}
			default:
				numbers[i] = rkey(r)
			}
		}
		l.Numbers = domain.NumbersOf(numbers)
	}
	var notes []domain.RebateNote
	for range r.IntN(3) {
		notes = append(notes, domain.RebateNote{Number: rkey(r), On: rdate(r), Amount: ramount(r, rcur(r))})
	}
	return domain.Facts{Ledger: l, RebateNotes: notes}
}

// rsha is no SHA-256, or one in lower-case hex (what every write keeps),
// or now and then any other text (which an encoder takes too).
func rsha(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return ""
	case 1:
		return rkey(r)
	}
	var b [32]byte
	for i := range b {
		b[i] = byte(r.IntN(256))
	}
	return hex.EncodeToString(b[:])
}

// rrequired are required documents of up to three segments ("" among
// them now and then), a segment's list perhaps empty, or none.
func rrequired(r *rand.Rand) map[string][]string {
	if r.IntN(3) == 0 {
		return nil
	}
	out := map[string][]string{}
	for range 1 + r.IntN(3) {
		out[rs(r)] = rstrs(r)
	}
	return out
}

// rsteps is a timetable of up to three steps.
func rsteps(r *rand.Rand) []domain.Step {
	var out []domain.Step
	for range r.IntN(4) {
		out = append(out, domain.Step{Text: rs(r), Due: rdate(r), Done: r.IntN(2) == 1, DoneOn: rdate(r)})
	}
	return out
}

// rrates are margin rates of up to three products, or none.
func rrates(r *rand.Rand) map[string]decimal.Decimal {
	if r.IntN(3) == 0 {
		return nil
	}
	out := map[string]decimal.Decimal{}
	for range 1 + r.IntN(3) {
		out[rs(r)] = decimal.New(r.Int64N(1_000_001), -int32(r.IntN(5)))
	}
	return out
}

// runits is a ledger amount: at most 10^18 units either way.
func runits(r *rand.Rand) int64 {
	if r.IntN(8) == 0 {
		return []int64{1e18, -1e18, 0}[r.IntN(3)]
	}
	return r.Int64N(2e18+1) - 1e18
}

// The facts case makes its records with the other cases' generators, so it
// joins them once they exist.
func init() {
	codecCases = append(codecCases, codecCase{"facts",
		func(r *rand.Rand) any { return randomFacts(r) },
		func(v any) []byte { x := v.(factsView); return appendFacts(nil, &x.Facts, x.Ledger) },
		func(v any, b []byte) (any, error) {
			var x factsView
			var err error
			x.Ledger, err = decodeFacts(v.(factsView).Facts.Account.Code, b, &x.Facts, testIn)
			return x, err
		},
		func(b []byte) (any, error) {
			var x factsView
			var err error
			x.Ledger, err = decodeFacts(fuzzCode, b, &x.Facts, nil)
			return x, err
		}})
}

// randomFacts is the rest of an account's facts, every record of the
// account (its code is in the key, not the value).
func randomFacts(r *rand.Rand) factsView {
	gen := func(name string) any {
		for _, c := range codecCases {
			if c.name == name {
				return c.make(r)
			}
		}
		panic(name)
	}
	code := rkey(r)
	x := domain.Facts{Account: gen("account").(domain.Account)}
	x.Account.Code = code
	for range r.IntN(3) {
		c := gen("contact").(domain.Contact)
		c.Account = code
		x.Contacts = append(x.Contacts, c)
	}
	for range r.IntN(5) {
		x.Touches = append(x.Touches, domain.Touch{ID: r.Uint64(), On: rdate(r),
			Kind: uint8(r.IntN(len(domain.ActivityKinds))), Outcome: uint8(r.IntN(len(domain.Outcomes) + 1))})
	}
	for range r.IntN(3) {
		p := gen("promise").(domain.Promise)
		p.Account = code
		x.Promises = append(x.Promises, p)
		pl := gen("plan").(domain.PaymentPlan)
		pl.Account = code
		x.Plans = append(x.Plans, pl)
		e := gen("escalation").(domain.Escalation)
		e.Account = code
		x.Escalations = append(x.Escalations, e)
		is := gen("issue").(domain.ServiceIssue)
		is.Account = code
		x.Issues = append(x.Issues, is)
		ct := gen("contract").(domain.Contract)
		ct.Account = code
		x.Contracts = append(x.Contracts, ct)
		x.FollowUps = append(x.FollowUps, domain.Pending{ID: r.Uint64(), Activity: r.Uint64(), SetAt: r.Int64() - r.Int64(),
			Due: rdate(r), Until: rdate(r), Snoozed: r.IntN(2) == 1, Reason: rs(r)})
		sv := gen("survey").(domain.Survey)
		sv.Account = code
		x.Surveys = append(x.Surveys, sv)
		m := gen("mark").(domain.QueueMark)
		m.Account = code
		x.Marks = append(x.Marks, m)
		d := gen("dispute").(domain.Dispute)
		d.Account = code
		x.Disputes = append(x.Disputes, d)
		x.DisputeInvoices = append(x.DisputeInvoices, int32(r.IntN(100))-1)
		cd := gen("decision").(domain.CreditDecision)
		cd.Account = code
		x.Decisions = append(x.Decisions, cd)
		o := gen("objective").(domain.Objective)
		o.Account = code
		x.Objectives = append(x.Objectives, o)
		doc := gen("document").(domain.Document)
		doc.Account = code
		x.Documents = append(x.Documents, doc)
		bl := gen("blockage").(domain.Blockage)
		bl.Account = code
		x.Blockages = append(x.Blockages, bl)
		rc := gen("reconciled").(domain.Reconciliation)
		rc.Account = code
		x.Reconciled = append(x.Reconciled, rc)
		tg := gen("target").(domain.Target)
		tg.Account = code
		x.Targets = append(x.Targets, tg)
		ba := gen("balance").(domain.Balance)
		ba.Account = code
		x.Balances = append(x.Balances, ba)
	}
	// Authors: none, one (whose touches name none) or several, each touch
	// naming one of them.
	if len(x.Touches) > 0 || r.IntN(2) == 0 {
		for range r.IntN(4) {
			x.Authors = append(x.Authors, rs(r))
		}
	}
	if len(x.Authors) > 1 {
		for i := range x.Touches {
			x.Touches[i].By = uint16(r.IntN(len(x.Authors)))
		}
	}
	return factsView{x, r.IntN(2) == 1}
}

// factsView is a facts value: the facts and whether the account has a ledger.
type factsView struct {
	Facts  domain.Facts
	Ledger bool
}

// textRunes are what random text is made of: any printable rune a book may
// hold, ASCII or not, and (in notes) line breaks and tabs.
var textRunes = []rune("aZ09 -_.:/@'\"&éßøŋ₦€ЖжΩ中文字😀")

// rs is random one-line text: up to 11 runes, perhaps none.
func rs(r *rand.Rand) string { return rtext(r, r.IntN(12), false) }

// rkey is a random key part: one-line text, never empty.
func rkey(r *rand.Rand) string { return rtext(r, 1+r.IntN(11), false) }

// rnote is random free text, which may hold line breaks and tabs.
func rnote(r *rand.Rand) string { return rtext(r, r.IntN(20), true) }

func rtext(r *rand.Rand, n int, multiline bool) string {
	var b strings.Builder
	for range n {
		if multiline && r.IntN(8) == 0 {
			b.WriteByte("\n\t"[r.IntN(2)])
			continue
		}
		b.WriteRune(textRunes[r.IntN(len(textRunes))])
	}
	return b.String()
}

func rstrs(r *rand.Rand) []string {
	var out []string
	for range r.IntN(4) {
		out = append(out, rs(r))
	}
	return out
}

func rkeys(r *rand.Rand) []string {
	var out []string
	for range r.IntN(4) {
		out = append(out, rkey(r))
	}
	return out
}

var currencies = []domain.Currency{"NGN", "XOF", "GHS", "USD", "JPY", "EUR"}

func rcur(r *rand.Rand) domain.Currency { return currencies[r.IntN(len(currencies))] }

// ramount is a random amount a document may carry in cur: more than zero,
// at most 10^15, with no more places than cur has (trailing zeros aside).
func ramount(r *rand.Rand, cur domain.Currency) decimal.Decimal {
	places := cur.Places()
	switch r.IntN(4) {
	case 0:
		return decimal.New(1+r.Int64N(1e15), 0)
	case 1: // trailing zeros past the currency's places
		return decimal.New((1+r.Int64N(1e9))*1000, -int32(places)-3)
	case 2:
		return domain.MaxAmount
	}
	return decimal.New(1+r.Int64N(1e12), -int32(r.IntN(int(places)+1)))
}

// rlimit is a random credit limit or overdraft: zero or an amount.
func rlimit(r *rand.Rand) decimal.Decimal { return rlimitIn(r, "NGN") }

// rlimitIn is rlimit in cur's places.
func rlimitIn(r *rand.Rand, cur domain.Currency) decimal.Decimal {
	if r.IntN(3) == 0 {
		return decimal.Decimal{}
	}
	return ramount(r, cur)
}

// rqty is a random quantity: any sign, at most 10^15 either way.
func rqty(r *rand.Rand) decimal.Decimal {
	if r.IntN(4) == 0 {
		return decimal.Decimal{}
	}
	return decimal.New(r.Int64N(2e12)-1e12, -int32(r.IntN(7)))
}

func ri(r *rand.Rand) int { return int(r.Int32()) - int(r.Int32()) }

func rints(r *rand.Rand) []int {
	var out []int
	for range r.IntN(5) {
		out = append(out, ri(r))
	}
	return out
}

// rdate is no date, or one in 1900–9999.
func rdate(r *rand.Rand) domain.Date {
	switch r.IntN(6) {
	case 0:
		return 0
	case 1:
		return domain.FirstDate
	case 2:
		return domain.LastDate
	}
	return domain.FirstDate + domain.Date(r.IntN(int(domain.LastDate-domain.FirstDate)+1))
}

// rday is a date in 1900–9999, never none.
func rday(r *rand.Rand) domain.Date {
	if d := rdate(r); d != 0 {
		return d
	}
	return domain.FirstDate
}

func rtime(r *rand.Rand) time.Time {
	if r.IntN(4) == 0 {
		return time.Time{}
	}
	return time.Unix(0, r.Int64()-r.Int64()/2).UTC()
}

func rstamp(r *rand.Rand) domain.Stamp { return domain.Stamp{By: rs(r), At: rtime(r)} }

func rdec(r *rand.Rand) decimal.Decimal {
	exp := int32(r.IntN(41) - 20)
	switch r.IntN(5) {
	case 0:
		return decimal.Decimal{}
	case 1: // beyond int64
		c := new(big.Int).Lsh(big.NewInt(r.Int64()+1), uint(64+r.IntN(100)))
		if r.IntN(2) == 0 {
			c.Neg(c)
		}
		return decimal.NewFromBigInt(c, exp)
	case 2:
		return decimal.New(r.Int64()-r.Int64(), exp)
	default:
		return decimal.New(r.Int64N(1e12), -int32(r.IntN(4)))
	}
}

// equalRecord compares decoded and original values: decimals by value and
// exponent, instants with Equal, nil and empty slices alike.
func equalRecord(a, b any) bool { return equalValue(reflect.ValueOf(a), reflect.ValueOf(b)) }

var (
	decType  = reflect.TypeOf(decimal.Decimal{})
	timeType = reflect.TypeOf(time.Time{})
)

func equalValue(a, b reflect.Value) bool {
	if a.Type() != b.Type() {
		return false
	}
	switch a.Type() {
	case decType:
		x, y := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal)
		return x.Equal(y) && x.Exponent() == y.Exponent()
	case timeType:
		return a.Interface().(time.Time).Equal(b.Interface().(time.Time))
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if !equalValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equalValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map: // nil and empty alike, values as equalValue compares them
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if w := b.MapIndex(k); !w.IsValid() || !equalValue(a.MapIndex(k), w) {
				return false
			}
		}
		return true
	default:
		return reflect.DeepEqual(a.Interface(), b.Interface())
	}
}

func TestCodecRoundTrip(t *testing.T) {
	for _, c := range codecCases {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			n := 2000
			if c.name == "facts" {
				n = 300 // values of kilobytes, and every prefix is decoded
			}
			for range n {
				roundTrip(t, c, c.make(r))
			}
		})
	}
}

func roundTrip(t *testing.T, c codecCase, v any) {
	t.Helper()
	enc := c.encode(v)
	got, err := c.decode(v, enc)
	if err != nil {
		t.Fatalf("%s: decode(encode(%+v)): %v", c.name, v, err)
	}
	if !equalRecord(got, v) {
		t.Fatalf("%s: round trip\n got %+v\nwant %+v", c.name, got, v)
	}
	// Every proper prefix of a value is damage, never a panic or a success.
	for n := range len(enc) {
		if _, err := c.decode(v, enc[:n]); err == nil {
			t.Fatalf("%s: decoding %d of %d bytes succeeded", c.name, n, len(enc))
		}
	}
}

func TestSameRecordIgnoresStamp(t *testing.T) {
	x := domain.Invoice{Number: "1", Amount: decimal.New(5, 0), Currency: "NGN", Stamp: domain.Stamp{By: "a", At: time.Unix(1, 0)}}
	y := x
	y.Stamp = domain.Stamp{By: "someone else", At: time.Unix(99, 0)}
	if !sameRecord(appendInvoice(nil, &x), appendInvoice(nil, &y)) {
		t.Error("stamps made two equal invoices differ")
	}
	y.Amount = decimal.New(6, 0)
	if sameRecord(appendInvoice(nil, &x), appendInvoice(nil, &y)) {
		t.Error("different amounts compared equal")
	}
}

// The bucket and key the fuzz targets seal their values under.
var (
	fuzzBucket = []byte("invoices")
	fuzzKey    = []byte("ACME\x00INV-1")
)

// FuzzDecodeRecords feeds arbitrary bytes to every decoder, bare and as a
// stored (sealed) value: an error is fine, a panic is not, and a stored
// value that is accepted must be exactly the sealed encoding of what it
// decodes to: nothing but a sealed value decodes, and it decodes to what
// was sealed.
func FuzzDecodeRecords(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for i, c := range codecCases {
		for range 3 {
			sealed := seal(fuzzBucket, fuzzKey, c.encode(c.make(r)))
			f.Add(uint8(i), sealed)
			bad := append([]byte(nil), sealed...)
			bad[r.IntN(len(bad))] ^= byte(1 + r.IntN(255))
			f.Add(uint8(i), bad)
		}
	}
	f.Add(uint8(0), []byte{})
	f.Add(uint8(3), []byte{1, 0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		c := codecCases[int(kind)%len(codecCases)]
		_, _ = c.garble(data)
		body, err := unseal(fuzzBucket, fuzzKey, data)
		if err != nil {
			return
		}
		v, err := c.garble(body)
		if err != nil {
			return
		}
		if len(body) > 0 && body[0] < c.encode(v)[0] {
			return // a record of an older version decodes and is written as the current one (TestCodecReadsVersion1)
		}
		if again := seal(fuzzBucket, fuzzKey, c.encode(v)); !bytes.Equal(again, data) {
			t.Fatalf("%s: a stored value %x decodes to %+v, which is stored as %x", c.name, data, v, again)
		}
	})
}

// FuzzDecodeRoundTrip builds valid values from the fuzzer's seed and checks
// that seal → unseal → decode gives them back, and that the sealed value
// with one byte changed (mask), cut short or run long (mask 0), or read
// under another key or bucket is refused — or, were it not, decodes to
// exactly what was sealed.
func FuzzDecodeRoundTrip(f *testing.F) {
	f.Add(uint8(0), uint64(1), uint64(2), uint16(0), uint8(1))
	f.Add(uint8(3), uint64(42), uint64(7), uint16(9), uint8(0x80))
	f.Add(uint8(16), uint64(5), uint64(5), uint16(300), uint8(0))
	f.Add(uint8(9), uint64(11), uint64(13), uint16(40), uint8(0x01)) // escalation (v2: ResolvedOn)
	f.Add(uint8(9), uint64(17), uint64(19), uint16(0), uint8(0))
	f.Fuzz(func(t *testing.T, kind uint8, s1, s2 uint64, pos uint16, mask uint8) {
		c := codecCases[int(kind)%len(codecCases)]
		v := c.make(rand.New(rand.NewPCG(s1, s2)))
		roundTrip(t, c, v)
		sealed := seal(fuzzBucket, fuzzKey, c.encode(v))
		open := func(bucket, key, stored []byte) {
			t.Helper()
			body, err := unseal(bucket, key, stored)
			if err != nil {
				return
			}
			got, err := c.decode(v, body)
			if err == nil && !equalRecord(got, v) {
				t.Fatalf("%s: a damaged value %x decoded to %+v, sealed was %+v", c.name, stored, got, v)
			}
			if !bytes.Equal(stored, sealed) || !bytes.Equal(bucket, fuzzBucket) || !bytes.Equal(key, fuzzKey) {
				t.Fatalf("%s: a damaged value passed its checksum: %x under %s %q", c.name, stored, bucket, key)
			}
		}
		open(fuzzBucket, fuzzKey, sealed)
		i := int(pos) % len(sealed)
		damaged := append([]byte(nil), sealed...)
		if mask != 0 {
			damaged[i] ^= mask
		} else {
			damaged = damaged[:i]
		}
		open(fuzzBucket, fuzzKey, damaged)
		open(fuzzBucket, fuzzKey, append(append([]byte(nil), sealed...), byte(pos)))
		open([]byte("payments"), fuzzKey, sealed)
		other := append([]byte(nil), fuzzKey...)
		other[i%len(other)] ^= max(mask, 1)
		open(fuzzBucket, other, sealed)
	})
}

// TestSealCatchesEveryByte: a change of any one byte of a sealed value, or
// of its key, is refused; so is the value under another bucket.
func TestSealCatchesEveryByte(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	for _, c := range codecCases {
		sealed := seal(fuzzBucket, fuzzKey, c.encode(c.make(r)))
		for i := range sealed {
			for _, mask := range []byte{1, 0x80, 0xff, byte(1 + r.IntN(255))} {
				bad := append([]byte(nil), sealed...)
				bad[i] ^= mask
				if _, err := unseal(fuzzBucket, fuzzKey, bad); err == nil {
					t.Fatalf("%s: byte %d ^ %#x passed the checksum", c.name, i, mask)
				}
			}
		}
		for i := range fuzzKey {
			key := append([]byte(nil), fuzzKey...)
			key[i] ^= 1
			if _, err := unseal(fuzzBucket, key, sealed); err == nil {
				t.Fatalf("%s: key byte %d changed, the value passed its checksum", c.name, i)
			}
		}
		if _, err := unseal([]byte("credits"), fuzzKey, sealed); err == nil {
			t.Fatalf("%s: the value passed its checksum in another bucket", c.name)
		}
	}
}

// TestDecodersRefuseBadContent: a value whose checksum is right but whose
// content is not what a book holds is refused: an unknown currency, text
// that is not UTF-8 or holds a control character, an amount beyond 10^15
// or with more places than its currency, a date outside 1900–9999.
func TestDecodersRefuseBadContent(t *testing.T) {
	good := domain.Invoice{Account: "ACME", Number: "INV-1", Issued: domain.MustDate("2025-01-01"), Due: domain.MustDate("2025-01-31"),
		Amount: decimal.RequireFromString("12710000.00"), Currency: "NGN", Product: "AGO", Quantity: decimal.NewFromInt(10), Unit: "litre",
		DisputeReason: "short\ndelivery", Stamp: domain.Stamp{By: "ada"}}
	if _, err := decodeInvoice("ACME", []byte("INV-1"), appendInvoice(nil, &good), nil); err != nil {
		t.Fatalf("a good invoice: %v", err)
	}
	for name, change := range map[string]func(x *domain.Invoice){
		"unknown currency":         func(x *domain.Invoice) { x.Currency = "N\xffN" },
		"currency not known":       func(x *domain.Invoice) { x.Currency = "ZZZ" },
		"not UTF-8":                func(x *domain.Invoice) { x.Product = "A\xc3" },
		"escape in a word":         func(x *domain.Invoice) { x.Unit = "\x1b[31m" },
		"C1 control":               func(x *domain.Invoice) { x.Product = "A\u009bB" },
		"line break in a word":     func(x *domain.Invoice) { x.Product = "A\nB" },
		"bell in free text":        func(x *domain.Invoice) { x.DisputeReason = "ring\a" },
		"author with a tab":        func(x *domain.Invoice) { x.Stamp.By = "a\tb" },
		"amount beyond 10^15":      func(x *domain.Invoice) { x.Amount = decimal.New(1, 15).Add(decimal.New(1, -2)) },
		"amount of zero":           func(x *domain.Invoice) { x.Amount = decimal.Decimal{} },
		"negative amount":          func(x *domain.Invoice) { x.Amount = decimal.NewFromInt(-5) },
		"more places than NGN has": func(x *domain.Invoice) { x.Amount = decimal.RequireFromString("1.001") },
		"date before 1900":         func(x *domain.Invoice) { x.Issued = domain.FirstDate - 1 },
		"date after 9999":          func(x *domain.Invoice) { x.Due = domain.LastDate + 1 },
	} {
		x := good
		change(&x)
		if got, err := decodeInvoice("ACME", []byte("INV-1"), appendInvoice(nil, &x), nil); err == nil {
			t.Errorf("%s: decoded as %+v", name, got)
		}
	}
	for _, own := range []string{"", "A\x00B", "\xff", "A\x1bB"} {
		if _, err := decodeInvoice("ACME", []byte(own), appendInvoice(nil, &good), nil); err == nil {
			t.Errorf("invoice number %q: decoded", own)
		}
	}
	// Targets and balances: amounts in their currency's places, a target's
	// not below zero; keys that name a month (and product) or a date.
	tg := domain.Target{Account: "ACME", Month: domain.MustDate("2026-11-01"), Product: "AGO", Quantity: decimal.NewFromInt(5), Amount: decimal.RequireFromString("10.50"), Currency: "USD"}
	if _, err := decodeTarget("ACME", []byte("2026-11\x00AGO"), appendTarget(nil, &tg), nil); err != nil {
		t.Errorf("a good target: %v", err)
	}
	for name, change := range map[string]func(x *domain.Target){
		"more places than USD has": func(x *domain.Target) { x.Amount = decimal.RequireFromString("10.505") },
		"negative quantity":        func(x *domain.Target) { x.Quantity = decimal.NewFromInt(-1) },
		"negative amount":          func(x *domain.Target) { x.Amount = decimal.NewFromInt(-1) },
	} {
		x := tg
		change(&x)
		if got, err := decodeTarget("ACME", []byte("2026-11\x00AGO"), appendTarget(nil, &x), nil); err == nil {
			t.Errorf("target, %s: decoded as %+v", name, got)
		}
	}
	for _, own := range []string{"", "2026-11", "2026-13\x00", "2026-11-01\x00AGO", "1899-12\x00", "2026-11\x00A\x1bB"} {
		if _, err := decodeTarget("ACME", []byte(own), appendTarget(nil, &tg), nil); err == nil {
			t.Errorf("target key %q: decoded", own)
		}
	}
	bal := domain.Balance{Account: "ACME", On: domain.MustDate("2026-11-30"), Balance: decimal.RequireFromString("-5"), Currency: "XOF"}
	if _, err := decodeBalance("ACME", []byte("2026-11-30"), appendBalance(nil, &bal), nil); err != nil {
		t.Errorf("a good balance: %v", err)
	}
	bal.Balance = decimal.RequireFromString("-5.5") // XOF has no places
	if _, err := decodeBalance("ACME", []byte("2026-11-30"), appendBalance(nil, &bal), nil); err == nil {
		t.Error("a balance of XOF -5.5 decoded")
	}
	bal.Balance = decimal.RequireFromString("-5")
	for _, own := range []string{"", "2026-11", "2026-11-31", "x"} {
		if _, err := decodeBalance("ACME", []byte(own), appendBalance(nil, &bal), nil); err == nil {
			t.Errorf("balance key %q: decoded", own)
		}
	}
	// Trailing zeros past the currency's places are no more places.
	x := good
	x.Amount = decimal.RequireFromString("100.000")
	if _, err := decodeInvoice("ACME", []byte("INV-1"), appendInvoice(nil, &x), nil); err != nil {
		t.Errorf("100.000 NGN: %v", err)
	}
}

// TestCodecCoversEveryField fails when a domain record gains a field the
// codec does not store, so a new field is never silently dropped on save.
// Adding one means: encode it, bump the record's version byte, and keep a
// decoder for the old version.
func TestCodecCoversEveryField(t *testing.T) {
	known := []struct {
		v    any
		want string
	}{
		{domain.Account{}, "Code Name Tier Segment Owner Salesperson Status StatusSince OpenedOn LiveOn Terms TermsDays Currency CreditLimit Overdraft Products Notes ExpansionNotes Competitors Stamp"},
		{domain.Overdraft{}, "Amount Expires ApprovedBy"},
		{domain.Contact{}, "Account Name Role Phone Email Primary Stamp"},
		{domain.Contract{}, "Account ID Start End NoticeDays SLA Rebate Status Stamp"},
		{domain.RebateScheme{}, "Basis Period Tiers"},
		{domain.VolumeTier{}, "From Percent PerUnit"},
		{domain.Invoice{}, "Account Number Issued Due Amount Currency Product Quantity Unit Disputed DisputeReason Excluded Stamp"},
		{domain.Payment{}, "Account Reference Received Amount Currency Invoice Stamp"},
		{domain.CreditNote{}, "Account Number Date Amount Currency Reason Invoice Stamp"},
		{domain.Activity{}, "ID Account On Kind Contact Outcome Text Recap NextFollow Corrects Stamp"},
		{domain.Promise{}, "ID Account Amount Currency GivenOn DueOn Activity Contact Stamp"},
		{domain.PaymentPlan{}, "ID Account Agreed Instalments Closed Stamp"},
		{domain.Instalment{}, "Due Amount"},
		{domain.Escalation{}, "ID Account Opened Category Severity To Summary Due Status Resolution ResolvedBy ResolvedOn Stamp"},
		{domain.ServiceIssue{}, "ID Account Kind Opened SLADeadline Owner Status Summary KPI KPITarget Steps Resolution ResolvedOn ConfirmedInWriting Recap Stamp"},
		{domain.Step{}, "Text Due Done DoneOn"},
		{domain.CreditDecision{}, "ID Account On Field Old New OldExpires NewExpires Currency Reason ApprovedBy UtilisationAfter HasUtilisation ConfirmedOver Stamp"},
		{domain.Objective{}, "ID Account Kind Measure Target Due Owner Status Steps Stamp"},
		{domain.FollowUp{}, "ID Account Due Reason Source Status Until Activity Stamp"},
		{domain.Survey{}, "ID Account On Kind Score Comment Stamp"},
		{domain.QueueMark{}, "Key Account Done Until On Stamp"},
		{domain.Target{}, "Account Month Product Quantity Amount Currency Stamp"},
		{domain.Balance{}, "Account On Balance Currency Stamp"},
		{domain.Dispute{}, "Account Invoice Seq Reason Owner OpenedOn Status ResolvedOn Resolution Credit Imported Stamp"},
		{domain.Settings{}, "Name BaseCurrency AgingEdges DSOPeriodDays Thresholds Users Reminders MarginRates RequiredDocs Targets"},
		{domain.Targets{}, "NRRPct LogoChurnPct BadDebtPct DSODays"},
		{domain.Document{}, "Account Kind Received ValidatedOn ValidatedBy File SHA256 Note Stamp"},
		{domain.Blockage{}, "ID Account Reason Since Owner ResolvedOn Stamp"},
		{domain.Reconciliation{}, "Account AsOf Stamp"},
		{domain.Reminders{}, "Levels CadenceDays"},
		{domain.Thresholds{}, "UtilWarnPct UtilBreachPct StaleContactDays RenewalDays PromiseGraceDays"},
		{domain.Stamp{}, "By At"},
		{domain.Facts{}, "Account Contacts Ledger Touches Promises Plans Escalations Issues Contracts FollowUps Surveys Marks Disputes DisputeInvoices Decisions Objectives RebateNotes Documents Blockages Reconciled Targets Balances Authors"},
		{domain.RebateNote{}, "Number On Amount"},
		{domain.Pending{}, "ID Activity SetAt Due Until Snoozed Reason"},
		{domain.Ledger{}, "Exp Invoices Credits Kinds Disputed Excluded Volume Lines Products QtyExp Numbers"},
		{domain.Numbers{}, "Text Ends"},
		{domain.InvoiceLine{}, "Quantity Product"},
		{domain.LedgerInvoice{}, "Issued Due Amount"},
		{domain.LedgerCredit{}, "On Invoice Amount"},
		{domain.Volume{}, "Month Product Amount Quantity QuantityExp"},
		{domain.Touch{}, "ID On Kind Outcome By"},
	}
	for _, k := range known {
		typ, want := reflect.TypeOf(k.v), k.want
		var names []string
		for i := range typ.NumField() {
			names = append(names, typ.Field(i).Name)
		}
		if got := strings.Join(names, " "); got != want {
			t.Errorf("domain.%s has fields\n  %s\nthe codec stores\n  %s", typ.Name(), got, want)
		}
	}
}

// A settings value of version 1 (before reminders) reads with the default
// reminder levels (1, 15, 30 days) and cadence (7 days).
func TestSettingsV1(t *testing.T) {
	set := domain.DefaultSettings()
	set.Name = "west"
	e := enc{}
	e.byte(1)
	e.str(set.Name)
	e.cur(set.BaseCurrency)
	e.ints(set.AgingEdges)
	e.int(set.DSOPeriodDays)
	th := set.Thresholds
	for _, v := range []int{th.UtilWarnPct, th.UtilBreachPct, th.StaleContactDays, th.RenewalDays, th.PromiseGraceDays} {
		e.int(v)
	}
	e.strs(set.Users)
	got, err := decodeSettings(e.b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, set) {
		t.Errorf("v1 settings read as %+v; want %+v", got, set)
	}
	set.Reminders = domain.Reminders{Levels: []int{2, 9, 40}, CadenceDays: 5}
	if got, err := decodeSettings(appendSettings(nil, &set)); err != nil || !reflect.DeepEqual(got, set) {
		t.Errorf("v2 settings read as %+v, %v; want %+v", got, err, set)
	}
}
