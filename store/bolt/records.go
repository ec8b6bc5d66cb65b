package bolt

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// Record encodings. A value holds a version byte, the stamp, then
// the fields in a fixed order. The account code and the record's own key
// (number, reference, name, id) live in the bucket key only, so they are not
// repeated in the value; decoders take them from the key.
//
// Changing a layout means a new version byte, a decoder for both, and a
// migration if old values must be rewritten.

const (
	vAccount    = 3 // 1: without StatusSince; 2: without Competitors
	vContact    = 1
	vContract   = 2 // 1: without the rebate's basis and period
	vInvoice    = 1
	vPayment    = 1
	vCredit     = 1
	vActivity   = 1
	vPromise    = 1
	vPlan       = 2 // 1: without Closed
	vEscalation = 2 // 1: without ResolvedOn
	vIssue      = 2 // 1: without Summary, KPI, KPITarget, Steps, ResolvedOn, Recap
	vFollowUp   = 1
	vSurvey     = 1
	vMark       = 2 // 1: schema 2's, see decodeMarkV1
	vTarget     = 1
	vBalance    = 1
	vDispute    = 1
	vSettings   = 4 // 1: without Reminders (read as the defaults); 2: without MarginRates; 3: without RequiredDocs and Targets (read as the defaults)
	vDecision   = 1
	vObjective  = 1
	vDocument   = 1
	vBlockage   = 1
	vReconciled = 1
	vMigration  = 1
)

// body is a value without its version byte and stamp: two records are the
// same when their bodies are, whoever wrote them and when.
func body(v []byte) ([]byte, bool) {
	d := dec{b: v}
	d.byte()
	d.raw()
	d.time()
	if d.err != nil {
		return nil, false
	}
	return d.b, true
}

// sameRecord compares two encoded values of the same type, ignoring stamps.
// A value in an older version never compares equal, so it gets rewritten.
func sameRecord(a, b []byte) bool {
	if len(a) == 0 || len(b) == 0 || a[0] != b[0] {
		return false
	}
	ba, ok1 := body(a)
	bb, ok2 := body(b)
	return ok1 && ok2 && string(ba) == string(bb)
}

func head(dst []byte, version byte, s domain.Stamp) enc {
	e := enc{b: dst}
	e.byte(version)
	e.stamp(s)
	return e
}

// --- Account (key: code)

func appendAccount(dst []byte, a *domain.Account) []byte {
	e := head(dst, vAccount, a.Stamp)
	e.str(a.Name)
	e.int(a.Tier)
	e.str(a.Segment)
	e.str(a.Owner)
	e.str(a.Salesperson)
	e.str(a.Status)
	e.date(a.OpenedOn)
	e.date(a.LiveOn)
	e.str(a.Terms)
	e.int(a.TermsDays)
	e.cur(a.Currency)
	e.dec(a.CreditLimit)
	e.dec(a.Overdraft.Amount)
	e.date(a.Overdraft.Expires)
	e.str(a.Overdraft.ApprovedBy)
	e.strs(a.Products)
	e.str(a.Notes)
	e.str(a.ExpansionNotes)
	e.date(a.StatusSince) // version 2
	e.str(a.Competitors)  // version 3
	return e.b
}

func decodeAccount(code string, v []byte, in *interner) (domain.Account, error) {
	d := dec{b: v, in: in}
	ver := d.versions(1, vAccount)
	a := domain.Account{Code: code, Stamp: d.stamp()}
	a.Name = d.line()
	a.Tier = d.int()
	a.Segment = d.word()
	a.Owner = d.word()
	a.Salesperson = d.word()
	a.Status = d.word()
	a.OpenedOn = d.date()
	a.LiveOn = d.date()
	a.Terms = d.word()
	a.TermsDays = d.int()
	a.Currency = d.cur()
	a.CreditLimit = d.dec()
	a.Overdraft.Amount = d.dec()
	a.Overdraft.Expires = d.date()
	a.Overdraft.ApprovedBy = d.word()
	a.Products = d.strs()
	a.Notes = d.str()
	a.ExpansionNotes = d.str()
	if ver >= 2 {
		a.StatusSince = d.date()
	}
	if ver >= 3 {
		a.Competitors = d.str()
	}
	d.amount(a.CreditLimit, nonNegative)
	d.amount(a.Overdraft.Amount, nonNegative)
	return a, d.done()
}

// --- Contact (key: code 0x00 name)

func appendContact(dst []byte, c *domain.Contact) []byte {
	e := head(dst, vContact, c.Stamp)
	e.str(c.Role)
	e.str(c.Phone)
	e.str(c.Email)
	e.bool(c.Primary)
	return e.b
}

func decodeContact(code string, own, v []byte, in *interner) (domain.Contact, error) {
	d := dec{b: v, in: in}
	d.version(vContact)
	c := domain.Contact{Account: code, Name: d.key(own), Stamp: d.stamp()}
	c.Role = d.word()
	c.Phone = d.line()
	c.Email = d.line()
	c.Primary = d.bool()
	return c, d.done()
}

// --- Contract (key: code 0x00 id)

func appendContract(dst []byte, c *domain.Contract) []byte {
	e := head(dst, vContract, c.Stamp)
	e.date(c.Start)
	e.date(c.End)
	e.int(c.NoticeDays)
	e.str(c.SLA)
	e.u(uint64(len(c.Rebate.Tiers)))
	for _, r := range c.Rebate.Tiers {
		e.dec(r.From)
		e.dec(r.Percent)
		e.dec(r.PerUnit)
	}
	e.str(c.Status)
	e.str(c.Rebate.Basis) // version 2
	e.str(c.Rebate.Period)
	return e.b
}

// A version 1 contract's tiers counted litres over calendar quarters: the
// demo, the only writer of tiers before the basis and period were kept,
// credited them so (demo/credits.go), and the importer refused the
// BASIS/PERIOD form until then.
const (
	v1RebateBasis  = domain.RebateQuantity
	v1RebatePeriod = domain.RebateQuarter
)

func decodeContract(code string, own, v []byte, in *interner) (domain.Contract, error) {
	d := dec{b: v, in: in}
	ver := d.versions(1, vContract)
	c := domain.Contract{Account: code, ID: d.key(own), Stamp: d.stamp()}
	c.Start = d.date()
	c.End = d.date()
	c.NoticeDays = d.int()
	c.SLA = d.str()
	if n := d.count(); n > 0 {
		c.Rebate.Tiers = make([]domain.VolumeTier, n)
		for i := range c.Rebate.Tiers {
			c.Rebate.Tiers[i] = domain.VolumeTier{From: d.dec(), Percent: d.dec(), PerUnit: d.dec()}
		}
	}
	c.Status = d.word()
	switch {
	case ver >= 2:
		c.Rebate.Basis = d.word()
		c.Rebate.Period = d.word()
	case len(c.Rebate.Tiers) > 0:
		c.Rebate.Basis, c.Rebate.Period = v1RebateBasis, v1RebatePeriod
	}
	return c, d.done()
}

// versions reads the leading version byte of a record type whose decoder
// reads every version from oldest to newest, and refuses any other.
func (d *dec) versions(oldest, newest byte) byte {
	v := d.byte()
	if d.err == nil && (v < oldest || v > newest) {
		d.fail(fmt.Errorf("record version %d, this acctdesk reads %d to %d", v, oldest, newest))
	}
	return v
}

// --- Invoice (key: code 0x00 number)

const (
	invDisputed = 1 << iota
	invExcluded
)

func appendInvoice(dst []byte, x *domain.Invoice) []byte {
	e := head(dst, vInvoice, x.Stamp)
	e.date(x.Issued)
	e.date(x.Due)
	e.dec(x.Amount)
	e.cur(x.Currency)
	e.str(x.Product)
	e.dec(x.Quantity)
	e.str(x.Unit)
	var flags uint64
	if x.Disputed {
		flags |= invDisputed
	}
	if x.Excluded {
		flags |= invExcluded
	}
	e.u(flags)
	e.str(x.DisputeReason)
	return e.b
}

func decodeInvoice(code string, own, v []byte, in *interner) (domain.Invoice, error) {
	d := dec{b: v, in: in}
	d.version(vInvoice)
	x := domain.Invoice{Account: code, Number: d.key(own), Stamp: d.stamp()}
	x.Issued = d.date()
	x.Due = d.date()
	x.Amount = d.dec()
	x.Currency = d.cur()
	x.Product = d.word()
	x.Quantity = d.dec()
	x.Unit = d.word()
	flags := d.u()
	if flags&^(invDisputed|invExcluded) != 0 {
		d.fail(fmt.Errorf("unknown invoice flags %#x", flags))
	}
	x.Disputed = flags&invDisputed != 0
	x.Excluded = flags&invExcluded != 0
	x.DisputeReason = d.str()
	d.amount(x.Amount, positive)
	d.places(x.Amount, x.Currency)
	d.amount(x.Quantity, anySign)
	return x, d.done()
}

// --- Payment (key: code 0x00 reference)

func appendPayment(dst []byte, p *domain.Payment) []byte {
	e := head(dst, vPayment, p.Stamp)
	e.date(p.Received)
	e.dec(p.Amount)
	e.cur(p.Currency)
	e.str(p.Invoice)
	return e.b
}

func decodePayment(code string, own, v []byte, in *interner) (domain.Payment, error) {
	d := dec{b: v, in: in}
	d.version(vPayment)
	p := domain.Payment{Account: code, Reference: d.key(own), Stamp: d.stamp()}
	p.Received = d.date()
	p.Amount = d.dec()
	p.Currency = d.cur()
	p.Invoice = d.line()
	d.amount(p.Amount, positive)
	return p, d.done()
}

// --- CreditNote (key: code 0x00 number)

func appendCredit(dst []byte, c *domain.CreditNote) []byte {
	e := head(dst, vCredit, c.Stamp)
	e.date(c.Date)
	e.dec(c.Amount)
	e.cur(c.Currency)
	e.str(c.Reason)
	e.str(c.Invoice)
	return e.b
}

func decodeCredit(code string, own, v []byte, in *interner) (domain.CreditNote, error) {
	d := dec{b: v, in: in}
	d.version(vCredit)
	c := domain.CreditNote{Account: code, Number: d.key(own), Stamp: d.stamp()}
	c.Date = d.date()
	c.Amount = d.dec()
	c.Currency = d.cur()
	c.Reason = d.word()
	c.Invoice = d.line()
	d.amount(c.Amount, positive)
	return c, d.done()
}

// --- Activity (key: code 0x00 id)

func appendActivity(dst []byte, a *domain.Activity) []byte {
	e := head(dst, vActivity, a.Stamp)
	e.date(a.On)
	e.str(a.Kind)
	e.str(a.Contact)
	e.str(a.Outcome)
	e.str(a.Text)
	e.str(a.Recap)
	e.date(a.NextFollow)
	e.u(a.Corrects)
	return e.b
}

func decodeActivity(code string, own, v []byte, in *interner) (domain.Activity, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.Activity{}, err
	}
	d := dec{b: v, in: in}
	d.version(vActivity)
	a := domain.Activity{ID: id, Account: code, Stamp: d.stamp()}
	a.On = d.date()
	a.Kind = d.word()
	a.Contact = d.word()
	a.Outcome = d.word()
	a.Text = d.str()
	a.Recap = d.str()
	a.NextFollow = d.date()
	a.Corrects = d.id()
	return a, d.done()
}

// decodeActivityTouch reads what an activity's touch needs: id, author,
// date, kind and outcome.
func decodeActivityTouch(code string, own, v []byte, in *interner) (domain.Activity, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.Activity{}, err
	}
	d := dec{b: v, in: in}
	d.version(vActivity)
	by := d.word() // stamp: author (the touch's)
	d.time()       // stamp: instant
	a := domain.Activity{ID: id, Account: code, Stamp: domain.Stamp{By: by}, On: d.date(), Kind: d.word()}
	d.word() // contact
	a.Outcome = d.word()
	return a, d.err
}

// --- Promise (key: code 0x00 id)

func appendPromise(dst []byte, p *domain.Promise) []byte {
	e := head(dst, vPromise, p.Stamp)
	e.dec(p.Amount)
	e.cur(p.Currency)
	e.date(p.GivenOn)
	e.date(p.DueOn)
	e.u(p.Activity)
	e.str(p.Contact)
	return e.b
}

func decodePromise(code string, own, v []byte, in *interner) (domain.Promise, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.Promise{}, err
	}
	d := dec{b: v, in: in}
	d.version(vPromise)
	p := domain.Promise{ID: id, Account: code, Stamp: d.stamp()}
	p.Amount = d.dec()
	p.Currency = d.cur()
	p.GivenOn = d.date()
	p.DueOn = d.date()
	p.Activity = d.id()
	p.Contact = d.word()
	d.amount(p.Amount, positive)
	d.places(p.Amount, p.Currency)
	return p, d.done()
}

// --- PaymentPlan (key: code 0x00 id)

func appendPlan(dst []byte, p *domain.PaymentPlan) []byte {
	e := head(dst, vPlan, p.Stamp)
	e.date(p.Agreed)
	e.u(uint64(len(p.Instalments)))
	for _, in := range p.Instalments {
		e.date(in.Due)
		e.dec(in.Amount)
	}
	e.date(p.Closed) // version 2
	return e.b
}

func decodePlan(code string, own, v []byte, in *interner) (domain.PaymentPlan, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.PaymentPlan{}, err
	}
	d := dec{b: v, in: in}
	ver := d.versions(1, vPlan)
	p := domain.PaymentPlan{ID: id, Account: code, Stamp: d.stamp()}
	p.Agreed = d.date()
	if n := d.count(); n > 0 {
		p.Instalments = make([]domain.Instalment, n)
		for i := range p.Instalments {
			p.Instalments[i] = domain.Instalment{Due: d.date(), Amount: d.dec()}
			d.amount(p.Instalments[i].Amount, positive)
		}
	}
	if ver >= 2 {
		p.Closed = d.date()
	}
	return p, d.done()
}

// --- Escalation (key: code 0x00 id)

func appendEscalation(dst []byte, x *domain.Escalation) []byte {
	e := head(dst, vEscalation, x.Stamp)
	e.date(x.Opened)
	e.str(x.Category)
	e.str(x.Severity)
	e.str(x.To)
	e.str(x.Summary)
	e.date(x.Due)
	e.str(x.Status)
	e.str(x.Resolution)
	e.str(x.ResolvedBy)
	e.date(x.ResolvedOn) // version 2
	return e.b
}

func decodeEscalation(code string, own, v []byte, in *interner) (domain.Escalation, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.Escalation{}, err
	}
	d := dec{b: v, in: in}
	ver := d.versions(1, vEscalation)
	x := domain.Escalation{ID: id, Account: code, Stamp: d.stamp()}
	x.Opened = d.date()
	x.Category = d.word()
	x.Severity = d.word()
	x.To = d.word()
	x.Summary = d.str()
	x.Due = d.date()
	x.Status = d.word()
	x.Resolution = d.str()
	x.ResolvedBy = d.word()
	if ver >= 2 {
		x.ResolvedOn = d.date() // a version 1 escalation, resolved or not, has none
	}
	return x, d.done()
}

// --- ServiceIssue (key: code 0x00 id)

func appendIssue(dst []byte, x *domain.ServiceIssue) []byte {
	e := head(dst, vIssue, x.Stamp)
	e.str(x.Kind)
	e.date(x.Opened)
	e.date(x.SLADeadline)
	e.str(x.Owner)
	e.str(x.Status)
	e.str(x.Resolution)
	e.bool(x.ConfirmedInWriting)
	e.str(x.Summary) // version 2
	e.str(x.KPI)
	e.str(x.KPITarget)
	e.steps(x.Steps)
	e.date(x.ResolvedOn)
	e.str(x.Recap)
	return e.b
}

func decodeIssue(code string, own, v []byte, in *interner) (domain.ServiceIssue, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.ServiceIssue{}, err
	}
	d := dec{b: v, in: in}
	ver := d.versions(1, vIssue)
	x := domain.ServiceIssue{ID: id, Account: code, Stamp: d.stamp()}
	x.Kind = d.word()
	x.Opened = d.date()
	x.SLADeadline = d.date()
	x.Owner = d.word()
	x.Status = d.word()
	x.Resolution = d.str()
	x.ConfirmedInWriting = d.bool()
	if ver >= 2 { // a version 1 issue has no problem record, and no day it was resolved
		x.Summary = d.str()
		x.KPI = d.line()
		x.KPITarget = d.line()
		x.Steps = d.steps()
		x.ResolvedOn = d.date()
		x.Recap = d.str()
	}
	return x, d.done()
}

// A timetable (a problem record's, an objective's): the count, then each
// step's text, due date, done and done date.
func (e *enc) steps(steps []domain.Step) {
	e.u(uint64(len(steps)))
	for _, s := range steps {
		e.str(s.Text)
		e.date(s.Due)
		e.bool(s.Done)
		e.date(s.DoneOn)
	}
}

func (d *dec) steps() []domain.Step {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]domain.Step, n)
	for i := range out {
		out[i] = domain.Step{Text: d.line(), Due: d.date(), Done: d.bool(), DoneOn: d.date()}
	}
	if d.err != nil {
		return nil
	}
	return out
}

// --- FollowUp (key: code 0x00 id)

func appendFollowUp(dst []byte, f *domain.FollowUp) []byte {
	e := head(dst, vFollowUp, f.Stamp)
	e.date(f.Due)
	e.str(f.Reason)
	e.str(f.Source)
	e.str(f.Status)
	e.date(f.Until)
	e.u(f.Activity)
	return e.b
}

func decodeFollowUp(code string, own, v []byte, in *interner) (domain.FollowUp, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.FollowUp{}, err
	}
	d := dec{b: v, in: in}
	d.version(vFollowUp)
	f := domain.FollowUp{ID: id, Account: code, Stamp: d.stamp()}
	f.Due = d.date()
	f.Reason = d.word()
	f.Source = d.word()
	f.Status = d.word()
	f.Until = d.date()
	f.Activity = d.id()
	return f, d.done()
}

// --- Survey (key: code 0x00 id)

func appendSurvey(dst []byte, s *domain.Survey) []byte {
	e := head(dst, vSurvey, s.Stamp)
	e.date(s.On)
	e.str(s.Kind)
	e.int(s.Score)
	e.str(s.Comment)
	return e.b
}

func decodeSurvey(code string, own, v []byte, in *interner) (domain.Survey, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.Survey{}, err
	}
	d := dec{b: v, in: in}
	d.version(vSurvey)
	s := domain.Survey{ID: id, Account: code, Stamp: d.stamp()}
	s.On = d.date()
	s.Kind = d.word()
	s.Score = d.int()
	s.Comment = d.str()
	return s, d.done()
}

// --- QueueMark (key: code 0x00 mark key)

func appendMark(dst []byte, m *domain.QueueMark) []byte {
	e := head(dst, vMark, m.Stamp)
	e.bool(m.Done)
	e.date(m.Until)
	e.date(m.On)
	return e.b
}

func decodeMark(code string, own, v []byte, in *interner) (domain.QueueMark, error) {
	d := dec{b: v, in: in}
	d.version(vMark)
	m := domain.QueueMark{Account: code, Key: d.key(own), Stamp: d.stamp()}
	m.Done = d.bool()
	m.Until = d.date()
	m.On = d.date()
	return m, d.done()
}

// vMarkV1 is schema 2's mark, keyed by the mark key alone and naming its
// account (or not) in the value; migration 3 reads it to rekey the marks.
const vMarkV1 = 1

func decodeMarkV1(k, v []byte) (domain.QueueMark, error) {
	d := dec{b: v}
	d.version(vMarkV1)
	m := domain.QueueMark{Key: string(k), Stamp: d.stamp()}
	m.Account = d.str()
	m.Done = d.bool()
	m.Until = d.date()
	m.On = d.date()
	return m, d.done()
}

// --- Target (key: code 0x00 month "YYYY-MM" 0x00 product)

func appendTarget(dst []byte, t *domain.Target) []byte {
	e := head(dst, vTarget, t.Stamp)
	e.dec(t.Quantity)
	e.dec(t.Amount)
	e.cur(t.Currency)
	return e.b
}

func decodeTarget(code string, own, v []byte, in *interner) (domain.Target, error) {
	d := dec{b: v, in: in}
	d.version(vTarget)
	t := domain.Target{Account: code, Stamp: d.stamp()}
	month, product, ok := bytes.Cut(own, []byte{keySep})
	if m, err := domain.ParseDate(string(month) + "-01"); err != nil || !ok || len(month) != 7 || !m.InRange() {
		d.fail(fmt.Errorf("key %q: not a month and a product", own))
	} else {
		t.Month = m
	}
	if len(product) > 0 {
		t.Product = d.key(product)
	}
	t.Quantity = d.dec()
	t.Amount = d.dec()
	t.Currency = d.cur()
	d.amount(t.Quantity, nonNegative)
	d.amount(t.Amount, nonNegative)
	d.places(t.Amount, t.Currency)
	return t, d.done()
}

// --- Balance (key: code 0x00 date "YYYY-MM-DD")

func appendBalance(dst []byte, b *domain.Balance) []byte {
	e := head(dst, vBalance, b.Stamp)
	e.dec(b.Balance)
	e.cur(b.Currency)
	return e.b
}

func decodeBalance(code string, own, v []byte, in *interner) (domain.Balance, error) {
	d := dec{b: v, in: in}
	d.version(vBalance)
	b := domain.Balance{Account: code, Stamp: d.stamp()}
	if on, err := domain.ParseDate(string(own)); err != nil || !on.InRange() {
		d.fail(fmt.Errorf("key %q: not a date", own))
	} else {
		b.On = on
	}
	b.Balance = d.dec()
	b.Currency = d.cur()
	d.amount(b.Balance, anySign)
	d.places(b.Balance, b.Currency)
	return b, d.done()
}

// --- Dispute (key: code 0x00 invoice 0x00 seq)

func appendDispute(dst []byte, x *domain.Dispute) []byte {
	e := head(dst, vDispute, x.Stamp)
	e.str(x.Reason)
	e.str(x.Owner)
	e.date(x.OpenedOn)
	e.str(x.Status)
	e.date(x.ResolvedOn)
	e.str(x.Resolution)
	e.str(x.Credit)
	e.bool(x.Imported)
	return e.b
}

func decodeDispute(code string, own, v []byte, in *interner) (domain.Dispute, error) {
	d := dec{b: v, in: in}
	d.version(vDispute)
	x := domain.Dispute{Account: code, Stamp: d.stamp()}
	i := bytes.IndexByte(own, keySep)
	if i <= 0 || len(own)-i-1 != 8 {
		d.fail(fmt.Errorf("key %q: not an invoice and a sequence", own))
	} else {
		x.Invoice = d.key(own[:i])
		x.Seq = binary.BigEndian.Uint64(own[i+1:])
	}
	x.Reason = d.str()
	x.Owner = d.word()
	x.OpenedOn = d.date()
	x.Status = d.word()
	x.ResolvedOn = d.date()
	x.Resolution = d.str()
	x.Credit = d.word()
	x.Imported = d.bool()
	if d.err == nil && x.Status != domain.DisputeOpen && x.Status != domain.DisputeResolved {
		d.fail(fmt.Errorf("dispute status %q", x.Status))
	}
	return x, d.done()
}

// --- Settings (meta "settings")

func appendSettings(dst []byte, s *domain.Settings) []byte {
	e := enc{b: dst}
	e.byte(vSettings)
	e.str(s.Name)
	e.cur(s.BaseCurrency)
	e.ints(s.AgingEdges)
	e.int(s.DSOPeriodDays)
	t := s.Thresholds
	for _, v := range []int{t.UtilWarnPct, t.UtilBreachPct, t.StaleContactDays, t.RenewalDays, t.PromiseGraceDays} {
		e.int(v)
	}
	e.strs(s.Users)
	e.ints(s.Reminders.Levels)
	e.int(s.Reminders.CadenceDays)
	// version 3: the margin rates, by product
	products := slices.Sorted(maps.Keys(s.MarginRates))
	e.u(uint64(len(products)))
	for _, p := range products {
		e.str(p)
		e.dec(s.MarginRates[p])
	}
	// version 4: the required documents, by segment, and the dashboard's targets
	segments := slices.Sorted(maps.Keys(s.RequiredDocs))
	e.u(uint64(len(segments)))
	for _, seg := range segments {
		e.str(seg)
		e.strs(s.RequiredDocs[seg])
	}
	tg := s.Targets
	for _, v := range []int{tg.NRRPct, tg.LogoChurnPct, tg.BadDebtPct, tg.DSODays} {
		e.int(v)
	}
	return e.b
}

func decodeSettings(v []byte) (domain.Settings, error) {
	d := dec{b: v}
	ver := d.versions(1, vSettings)
	var s domain.Settings
	s.Name = d.str()
	s.BaseCurrency = d.cur()
	s.AgingEdges = d.ints()
	s.DSOPeriodDays = d.int()
	t := &s.Thresholds
	for _, p := range []*int{&t.UtilWarnPct, &t.UtilBreachPct, &t.StaleContactDays, &t.RenewalDays, &t.PromiseGraceDays} {
		*p = d.int()
	}
	s.Users = d.strs()
	s.Reminders = domain.DefaultReminders()
	if ver >= 2 {
		s.Reminders.Levels = d.ints()
		s.Reminders.CadenceDays = d.int()
	}
	if ver >= 3 {
		s.MarginRates = d.marginRates()
	}
	s.Targets = domain.DefaultTargets()
	if ver >= 4 {
		s.RequiredDocs = d.requiredDocs()
		tg := &s.Targets
		for _, p := range []*int{&tg.NRRPct, &tg.LogoChurnPct, &tg.BadDebtPct, &tg.DSODays} {
			*p = d.int()
		}
	}
	return s, d.done()
}

// requiredDocs reads the settings' required documents: segments strictly
// increasing ("" first), each with its list as given (empty: it requires
// none, which is not the same as not being named).
func (d *dec) requiredDocs() map[string][]string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make(map[string][]string, n)
	prev := ""
	for i := range n {
		seg, docs := d.line(), d.strs()
		if d.err == nil && i > 0 && seg <= prev {
			d.fail(fmt.Errorf("required documents out of order: segment %q after %q", seg, prev))
		}
		out[seg], prev = docs, seg
	}
	if d.err != nil {
		return nil
	}
	return out
}

// marginRates reads the settings' margin rates: products strictly
// increasing (one value, one map), each rate not below zero.
func (d *dec) marginRates() map[string]decimal.Decimal {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make(map[string]decimal.Decimal, n)
	prev := ""
	for i := range n {
		p, r := d.line(), d.dec()
		if d.err == nil && i > 0 && p <= prev {
			d.fail(fmt.Errorf("margin rates out of order: %q after %q", p, prev))
		}
		d.amount(r, nonNegative)
		out[p], prev = r, p
	}
	if d.err != nil {
		return nil
	}
	return out
}

// --- CreditDecision (key: code 0x00 id)

// Flags of a credit decision.
const (
	decisionHasUtilisation = 1 << iota
	decisionConfirmedOver
)

func appendDecision(dst []byte, c *domain.CreditDecision) []byte {
	e := head(dst, vDecision, c.Stamp)
	e.date(c.On)
	e.str(c.Field)
	e.cur(c.Currency)
	e.dec(c.Old)
	e.dec(c.New)
	e.date(c.OldExpires)
	e.date(c.NewExpires)
	e.str(c.Reason)
	e.str(c.ApprovedBy)
	var flags uint64
	if c.HasUtilisation {
		flags |= decisionHasUtilisation
	}
	if c.ConfirmedOver {
		flags |= decisionConfirmedOver
	}
	e.u(flags)
	e.dec(c.UtilisationAfter)
	return e.b
}

func decodeDecision(code string, own, v []byte, in *interner) (domain.CreditDecision, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.CreditDecision{}, err
	}
	d := dec{b: v, in: in}
	d.version(vDecision)
	c := domain.CreditDecision{ID: id, Account: code, Stamp: d.stamp()}
	c.On = d.date()
	c.Field = d.word()
	c.Currency = d.cur()
	c.Old = d.dec()
	c.New = d.dec()
	c.OldExpires = d.date()
	c.NewExpires = d.date()
	c.Reason = d.str()
	c.ApprovedBy = d.word()
	flags := d.u()
	if flags&^(decisionHasUtilisation|decisionConfirmedOver) != 0 {
		d.fail(fmt.Errorf("unknown credit decision flags %#x", flags))
	}
	c.HasUtilisation = flags&decisionHasUtilisation != 0
	c.ConfirmedOver = flags&decisionConfirmedOver != 0
	c.UtilisationAfter = d.dec()
	if d.err == nil && c.Field != domain.FieldCreditLimit && c.Field != domain.FieldOverdraft {
		d.fail(fmt.Errorf("credit decision of %q, not a limit or an overdraft", c.Field))
	}
	d.amount(c.Old, nonNegative)
	d.amount(c.New, nonNegative)
	d.places(c.Old, c.Currency)
	d.places(c.New, c.Currency)
	return c, d.done()
}

// --- Objective (key: code 0x00 id)

func appendObjective(dst []byte, o *domain.Objective) []byte {
	e := head(dst, vObjective, o.Stamp)
	e.str(o.Kind)
	e.str(o.Measure)
	e.str(o.Target)
	e.date(o.Due)
	e.str(o.Owner)
	e.str(o.Status)
	e.steps(o.Steps)
	return e.b
}

func decodeObjective(code string, own, v []byte, in *interner) (domain.Objective, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.Objective{}, err
	}
	d := dec{b: v, in: in}
	d.version(vObjective)
	o := domain.Objective{ID: id, Account: code, Stamp: d.stamp()}
	o.Kind = d.word()
	o.Measure = d.line()
	o.Target = d.line()
	o.Due = d.date()
	o.Owner = d.word()
	o.Status = d.word()
	o.Steps = d.steps()
	return o, d.done()
}

// --- Document of the opening file (key: code 0x00 kind)

func appendDocument(dst []byte, x *domain.Document) []byte {
	e := head(dst, vDocument, x.Stamp)
	e.date(x.Received)
	e.date(x.ValidatedOn)
	e.str(x.ValidatedBy)
	e.str(x.File)
	e.sha(x.SHA256)
	e.str(x.Note)
	return e.b
}

func decodeDocument(code string, own, v []byte, in *interner) (domain.Document, error) {
	d := dec{b: v, in: in}
	d.version(vDocument)
	x := domain.Document{Account: code, Kind: d.keyWord(own), Stamp: d.stamp()}
	x.Received = d.date()
	x.ValidatedOn = d.date()
	x.ValidatedBy = d.word()
	x.File = d.line()
	x.SHA256 = d.sha()
	x.Note = d.str()
	return x, d.done()
}

// A file's SHA-256: a byte saying how it is kept, then none (shaNone), its
// 32 bytes (shaBytes: the lower-case hex every write validates, half the
// room in the facts of every account) or, for any other text, the text
// (shaText; no write makes one, but an encoder takes any value).
const (
	shaNone = iota
	shaBytes
	shaText
)

func (e *enc) sha(s string) {
	switch b, err := hex.DecodeString(s); {
	case s == "":
		e.byte(shaNone)
	case err == nil && len(b) == sha256.Size && hex.EncodeToString(b) == s:
		e.byte(shaBytes)
		e.b = append(e.b, b...)
	default:
		e.byte(shaText)
		e.str(s)
	}
}

func (d *dec) sha() string {
	switch d.byte() {
	case shaNone:
		return ""
	case shaBytes:
		b := d.take(sha256.Size)
		if d.err != nil {
			return ""
		}
		return hex.EncodeToString(b)
	case shaText:
		s := d.line()
		if b, err := hex.DecodeString(s); d.err == nil && (s == "" || err == nil && len(b) == sha256.Size && hex.EncodeToString(b) == s) {
			d.fail(errors.New("a SHA-256 kept as text that has a shorter form"))
		}
		return s
	default:
		d.fail(errors.New("bad SHA-256 form"))
		return ""
	}
}

// --- Blockage (key: code 0x00 id)

func appendBlockage(dst []byte, x *domain.Blockage) []byte {
	e := head(dst, vBlockage, x.Stamp)
	e.str(x.Reason)
	e.date(x.Since)
	e.str(x.Owner)
	e.date(x.ResolvedOn)
	return e.b
}

func decodeBlockage(code string, own, v []byte, in *interner) (domain.Blockage, error) {
	id, err := keyID(own)
	if err != nil {
		return domain.Blockage{}, err
	}
	d := dec{b: v, in: in}
	d.version(vBlockage)
	x := domain.Blockage{ID: id, Account: code, Stamp: d.stamp()}
	x.Reason = d.str()
	x.Since = d.date()
	x.Owner = d.word()
	x.ResolvedOn = d.date()
	return x, d.done()
}

// --- Reconciliation (key: code 0x00 date "YYYY-MM-DD"): who marked the
// account reconciled as of that date, and when, is all it holds.

func appendReconciled(dst []byte, x *domain.Reconciliation) []byte {
	e := head(dst, vReconciled, x.Stamp)
	return e.b
}

func decodeReconciled(code string, own, v []byte, in *interner) (domain.Reconciliation, error) {
	d := dec{b: v, in: in}
	d.version(vReconciled)
	x := domain.Reconciliation{Account: code, Stamp: d.stamp()}
	if on, err := domain.ParseDate(string(own)); err != nil || !on.InRange() || on.Format("2006-01-02") != string(own) {
		d.fail(fmt.Errorf("key %q: not a date", own))
	} else {
		x.AsOf = on
	}
	return x, d.done()
}

// --- Migration record (key: version, big-endian)

type migrationRecord struct {
	Name string
	At   time.Time
}

func appendMigration(dst []byte, m migrationRecord) []byte {
	e := enc{b: dst}
	e.byte(vMigration)
	e.str(m.Name)
	e.time(m.At)
	return e.b
}

func decodeMigration(v []byte) (migrationRecord, error) {
	d := dec{b: v}
	d.version(vMigration)
	m := migrationRecord{Name: d.line(), At: d.time()}
	return m, d.done()
}
