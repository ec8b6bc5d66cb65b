package bolt

import (
	"encoding/binary"
	"fmt"
	"math"

	"acctdesk/domain"
)

// The encodings of an account's facts (domain.Facts), kept in two values:
// the ledger (documents as the application rule sees them, and the volume)
// and the rest. A workstation decodes every account's facts at start, so
// both are laid out for decoding speed: ledger amounts are integers already
// in the ledger's units, dates are deltas, small repeated strings are words
// the interner shares.

const (
	vLedger = 1
	vFacts  = 1
)

// Ledger value: version, exponent, invoices, credits, volume. Invoice: four
// varints: issued (delta from the previous invoice's), due − issued, amount,
// flags. Credit: four varints: date (delta from the previous credit's),
// amount, the index of the invoice it names (−1: none), kind. Volume: month
// (delta from the previous entry's), product, amount, quantity.
const (
	ledgerDisputed = 1 << iota
	ledgerExcluded
)

func appendLedger(dst []byte, l *domain.Ledger, volume []domain.Volume) []byte {
	e := enc{b: dst}
	e.byte(vLedger)
	e.i(int64(l.Exp))
	e.u(uint64(len(l.Invoices)))
	prev := domain.Date(0)
	for _, x := range l.Invoices {
		var flags int64
		if x.Disputed {
			flags |= ledgerDisputed
		}
		if x.Excluded {
			flags |= ledgerExcluded
		}
		e.i(int64(x.Issued) - int64(prev))
		e.i(int64(x.Due) - int64(x.Issued))
		e.i(x.Amount)
		e.i(flags)
		prev = x.Issued
	}
	e.u(uint64(len(l.Credits)))
	prev = 0
	for _, c := range l.Credits {
		e.i(int64(c.On) - int64(prev))
		e.i(c.Amount)
		e.i(int64(c.Invoice))
		e.i(int64(c.Kind))
		prev = c.On
	}
	e.u(uint64(len(volume)))
	prev = 0
	for _, v := range volume {
		e.i(int64(v.Month) - int64(prev))
		e.str(v.Product)
		e.dec(v.Amount)
		e.dec(v.Quantity)
		prev = v.Month
	}
	return e.b
}

// emptyLedger is the ledger of an account without documents, which has no
// ledger value: what domain.LedgerOf gives for no documents.
func emptyLedger() domain.Ledger {
	return domain.Ledger{Invoices: []domain.LedgerInvoice{}, Credits: []domain.LedgerCredit{}}
}

// decodeLedger reads a ledger value into x's Ledger and Volume.
func decodeLedger(v []byte, x *domain.Facts, in *interner) error {
	d := dec{b: v, in: in}
	d.version(vLedger)
	exp := d.i()
	if exp > 0 || exp < math.MinInt32 {
		d.fail(errRange)
	}
	l := domain.Ledger{Exp: int32(exp)}
	var n [4]int64
	l.Invoices = make([]domain.LedgerInvoice, d.count())
	day := int64(0)
	for i := range l.Invoices {
		d.varints(n[:])
		day += n[0]
		flags := n[3]
		if flags&^(ledgerDisputed|ledgerExcluded) != 0 {
			d.fail(fmt.Errorf("unknown ledger flags %#x", flags))
		}
		l.Invoices[i] = domain.LedgerInvoice{Issued: d.dateOf(day), Due: d.dateOf(day + n[1]), Amount: n[2],
			Disputed: flags&ledgerDisputed != 0, Excluded: flags&ledgerExcluded != 0}
	}
	l.Credits = make([]domain.LedgerCredit, d.count())
	day = 0
	for i := range l.Credits {
		d.varints(n[:])
		day += n[0]
		// The application rule indexes the invoices with it: it must name one.
		if n[2] < -1 || n[2] >= int64(len(l.Invoices)) {
			d.fail(errRange)
		}
		if n[3] < 0 || n[3] > int64(len(domain.CreditReasons)) {
			d.fail(fmt.Errorf("unknown credit kind %d", n[3]))
		}
		l.Credits[i] = domain.LedgerCredit{On: d.dateOf(day), Amount: n[1], Invoice: int32(n[2]), Kind: domain.CreditKind(n[3])}
	}
	var volume []domain.Volume
	if n := d.count(); n > 0 {
		volume = make([]domain.Volume, n)
		day = 0
		for i := range volume {
			day += d.i()
			volume[i] = domain.Volume{Month: d.dateOf(day), Product: d.word(), Amount: d.dec(), Quantity: d.dec()}
		}
	}
	if err := d.done(); err != nil {
		return err
	}
	x.Ledger, x.Volume = l, volume
	return nil
}

// dateOf checks a date worked out from deltas.
func (d *dec) dateOf(v int64) domain.Date {
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.fail(errRange)
		return 0
	}
	return domain.Date(v)
}

// Facts value: version, the account, then the lists of records the facts
// keep whole, in domain.Facts order (contacts, touches, promises, plans,
// escalations, issues, contracts, follow-ups, surveys, marks). A record is
// its own key and its value as its bucket holds them, read back with the
// bucket's decoder; a touch is two varints read at once — id (delta from
// the previous, modulo 2^64) and date (delta) — then kind and outcome.
func appendFacts(dst []byte, x *domain.Facts) []byte {
	e := enc{b: dst}
	e.byte(vFacts)
	e.b = appendRaw(e.b, func(b []byte) []byte { return appendAccount(b, &x.Account) })
	e.b = appendRecords(e.b, x.Contacts, byName(func(c *domain.Contact) string { return c.Name }), appendContact)
	e.u(uint64(len(x.Touches)))
	prevID, prevOn := uint64(0), domain.Date(0)
	for _, t := range x.Touches {
		e.i(int64(t.ID - prevID))
		e.i(int64(t.On) - int64(prevOn))
		e.str(t.Kind)
		e.str(t.Outcome)
		prevID, prevOn = t.ID, t.On
	}
	e.b = appendRecords(e.b, x.Promises, byID(func(p *domain.Promise) uint64 { return p.ID }), appendPromise)
	e.b = appendRecords(e.b, x.Plans, byID(func(p *domain.PaymentPlan) uint64 { return p.ID }), appendPlan)
	e.b = appendRecords(e.b, x.Escalations, byID(func(p *domain.Escalation) uint64 { return p.ID }), appendEscalation)
	e.b = appendRecords(e.b, x.Issues, byID(func(p *domain.ServiceIssue) uint64 { return p.ID }), appendIssue)
	e.b = appendRecords(e.b, x.Contracts, byName(func(c *domain.Contract) string { return c.ID }), appendContract)
	e.b = appendRecords(e.b, x.FollowUps, byID(func(p *domain.FollowUp) uint64 { return p.ID }), appendFollowUp)
	e.b = appendRecords(e.b, x.Surveys, byID(func(p *domain.Survey) uint64 { return p.ID }), appendSurvey)
	e.b = appendRecords(e.b, x.Marks, byName(func(m *domain.QueueMark) string { return m.Key }), appendMark)
	return e.b
}

// byID appends the own key of an id-keyed record: the id, 8 bytes big-endian.
func byID[T any](id func(*T) uint64) func([]byte, *T) []byte {
	return func(b []byte, x *T) []byte { return binary.BigEndian.AppendUint64(b, id(x)) }
}

// byName appends the own key of a record keyed by a name, number or id string.
func byName[T any](name func(*T) string) func([]byte, *T) []byte {
	return func(b []byte, x *T) []byte { return append(b, name(x)...) }
}

// appendRaw appends what fn encodes, length-prefixed.
func appendRaw(dst []byte, fn func([]byte) []byte) []byte {
	// Encode after a maximal length prefix, then move it up: one pass, no scratch buffer.
	start := len(dst)
	dst = append(dst, varintRoom[:]...)
	dst = fn(dst)
	n := len(dst) - start - maxVarint
	var p [maxVarint]byte
	e := enc{b: p[:0]}
	e.u(uint64(n))
	copy(dst[start:], e.b)
	copy(dst[start+len(e.b):], dst[start+maxVarint:])
	return dst[:start+len(e.b)+n]
}

const maxVarint = binary.MaxVarintLen64

var varintRoom [maxVarint]byte

// appendRecords appends a list of records as (own key, value) pairs, both
// length-prefixed.
func appendRecords[T any](dst []byte, xs []T, own, encode func([]byte, *T) []byte) []byte {
	e := enc{b: dst}
	e.u(uint64(len(xs)))
	for i := range xs {
		e.b = appendRaw(e.b, func(b []byte) []byte { return own(b, &xs[i]) })
		e.b = appendRaw(e.b, func(b []byte) []byte { return encode(b, &xs[i]) })
	}
	return e.b
}

// decodeFacts reads a facts value into x; the ledger is read apart (decodeLedger).
func decodeFacts(code string, v []byte, x *domain.Facts, in *interner) error {
	d := dec{b: v, in: in}
	d.version(vFacts)
	var err error
	if raw := d.raw(); d.err == nil {
		x.Account, err = decodeAccount(code, raw, in)
		d.nested(err)
	}
	x.Contacts = decodeRecords(&d, code, decodeContact)
	if n := d.count(); n > 0 {
		x.Touches = make([]domain.Touch, n)
		var id, day int64
		var delta [2]int64
		for i := range x.Touches {
			d.varints(delta[:])
			id, day = id+delta[0], day+delta[1]
			x.Touches[i] = domain.Touch{ID: uint64(id), On: d.dateOf(day), Kind: d.word(), Outcome: d.word()}
		}
	}
	x.Promises = decodeRecords(&d, code, decodePromise)
	x.Plans = decodeRecords(&d, code, decodePlan)
	x.Escalations = decodeRecords(&d, code, decodeEscalation)
	x.Issues = decodeRecords(&d, code, decodeIssue)
	x.Contracts = decodeRecords(&d, code, decodeContract)
	x.FollowUps = decodeRecords(&d, code, decodeFollowUp)
	x.Surveys = decodeRecords(&d, code, decodeSurvey)
	x.Marks = decodeRecords(&d, code, decodeMark)
	return d.done()
}

// decodeRecords reads a list appendRecords wrote with the bucket's decoder.
func decodeRecords[T any](d *dec, code string, decode func(code string, own, v []byte, in *interner) (T, error)) []T {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]T, n)
	for i := range out {
		own, raw := d.raw(), d.raw()
		if d.err != nil {
			return nil
		}
		var err error
		out[i], err = decode(code, own, raw, d.in)
		d.nested(err)
	}
	return out
}

// nested records the error of a value nested in the one being read.
func (d *dec) nested(err error) {
	if err != nil {
		d.fail(err)
	}
}
