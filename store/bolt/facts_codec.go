package bolt

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"acctdesk/domain"
)

// The encodings of an account's facts (domain.Facts), kept in two values:
// the ledger (documents as the application rule sees them, and the volume)
// and the rest. A workstation decodes every account's facts at start, so
// both are laid out for decoding speed: ledger amounts are integers already
// in the ledger's units, dates are deltas, small repeated strings are words
// the interner shares.

const (
	vLedger = 3 // 1: without the lines and the rebate notes (schema 5); 2: without the invoices' numbers (schema 6)
	vFacts  = 4 // 1: without the disputes (schema 4); 2: without the decisions and objectives (schema 5); 3: without the administrator's records and the touches' authors (schema 6)
)

// Ledger value: version, exponent, then the invoices and the credits as
// fixed-width little-endian records, decoded without a branch per byte:
// invoice = issued (int32), due (int32), amount (int64); credit = date
// (int32), the index of the invoice it names (int32, −1: none), amount
// (int64); then one byte per credit for its kind. Then the disputed and the
// excluded invoices (indices as ascending deltas) and the volume: month
// (delta from the previous entry's), product, amount (the ledger's units),
// quantity and its exponent. Then the lines: the quantities' exponent, the
// products, the count of lines (as many as the invoices), the greatest
// common divisor of the quantities (deliveries come in round litres:
// 12,850 and 3,000 are 257 and 60 fifties, a byte shorter each), each
// line's quantity divided by it (a varint), and each line's product (an
// index into the products) only when there are several products: most
// accounts buy one, and their lines cost a byte or two each. Then the
// rebate credit notes: number, date, amount. Last the invoices' numbers,
// in ledger order: their count (as many as the invoices), then, when there
// are any, the length of all of them together and each front-coded: how
// many bytes it shares with the number before (cut at a rune's start) and
// the rest — INV-0001-0002 after INV-0001-0001 is 12 and "2", three bytes.
const ledgerRecord = 16

// ledgerMaxUnits bounds a ledger amount in its units as domain.LedgerOf
// bounds them (10^18, which fits an int64): it never makes a larger one.
const ledgerMaxUnits = 1_000_000_000_000_000_000

func appendLedger(dst []byte, l *domain.Ledger, notes []domain.RebateNote) []byte {
	e := enc{b: dst}
	e.byte(vLedger)
	e.i(int64(l.Exp))
	e.u(uint64(len(l.Invoices)))
	for _, x := range l.Invoices {
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(x.Issued))
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(x.Due))
		e.b = binary.LittleEndian.AppendUint64(e.b, uint64(x.Amount))
	}
	e.u(uint64(len(l.Credits)))
	for _, c := range l.Credits {
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(c.On))
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(c.Invoice))
		e.b = binary.LittleEndian.AppendUint64(e.b, uint64(c.Amount))
	}
	for _, k := range l.Kinds {
		e.byte(byte(k))
	}
	for _, list := range [][]int32{l.Disputed, l.Excluded} {
		e.u(uint64(len(list)))
		prev := int32(-1)
		for _, i := range list {
			e.u(uint64(i - prev))
			prev = i
		}
	}
	e.u(uint64(len(l.Volume)))
	prev := domain.Date(0)
	for _, v := range l.Volume {
		e.i(int64(v.Month) - int64(prev))
		e.str(v.Product)
		e.i(v.Amount)
		e.i(v.Quantity)
		e.i(int64(v.QuantityExp))
		prev = v.Month
	}
	e.i(int64(l.QtyExp)) // version 2
	e.u(uint64(len(l.Products)))
	for _, p := range l.Products {
		e.str(p)
	}
	e.u(uint64(len(l.Lines)))
	if len(l.Lines) > 0 {
		unit := lineUnit(l.Lines)
		e.u(uint64(unit))
		for _, line := range l.Lines {
			e.i(line.Quantity / unit)
		}
	}
	if len(l.Products) > 1 {
		for _, line := range l.Lines {
			e.u(uint64(line.Product))
		}
	}
	e.u(uint64(len(notes)))
	for _, n := range notes {
		e.str(n.Number)
		e.date(n.On)
		e.dec(n.Amount)
	}
	e.numbers(l.Numbers) // version 3
	return e.b
}

// numbers appends invoice numbers front-coded (see appendLedger).
func (e *enc) numbers(n domain.Numbers) {
	e.u(uint64(n.Len()))
	if n.Len() == 0 {
		return
	}
	e.u(uint64(n.Ends[n.Len()-1])) // where the last ends: the length of them all
	prev := ""
	for i := range n.Len() {
		s := n.At(i)
		k := sharedPrefix(prev, s)
		e.u(uint64(k))
		e.str(s[k:])
		prev = s
	}
}

// sharedPrefix is how many leading bytes s shares with prev, cut back to
// the start of a rune of s so that what is left of s is text of its own.
func sharedPrefix(prev, s string) int {
	k := 0
	for k < len(prev) && k < len(s) && prev[k] == s[k] {
		k++
	}
	for k > 0 && k < len(s) && !utf8.RuneStart(s[k]) {
		k--
	}
	return k
}

// sharesAll reports whether k is sharedPrefix(before, before[:k]+rest),
// without making the string: the bytes after the k shared differ, or
// differ inside the rune that starts rest.
func sharesAll(before string, k int, rest []byte) bool {
	j := k
	for j < len(before) && j-k < len(rest) && before[j] == rest[j-k] {
		j++
	}
	for j > k && j-k < len(rest) && !utf8.RuneStart(rest[j-k]) {
		j--
	}
	return j == k
}

// printable reports whether b is printable ASCII, the usual rest of a
// number, in a loop the compiler keeps in line (textOK says the rest).
func printable(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// maxNumberRoom is the room numbers makes at most for a number
// before it has read them (domain.CheckCode's longest); longer ones grow it.
const maxNumberRoom = 64

// numbers reads a ledger's invoice numbers: one per invoice, each one line
// and not empty, front-coded as numbers writes them and no other way.
func (d *dec) numbers(l *domain.Ledger) {
	n := d.u()
	if d.err != nil || n != uint64(len(l.Invoices)) {
		d.fail(fmt.Errorf("%d invoice numbers for %d invoices", n, len(l.Invoices)))
		return
	}
	if n == 0 {
		return
	}
	total := d.u()
	if d.err != nil || total > math.MaxUint32 {
		d.fail(errRange)
		return
	}
	// The text is built once, in place: a Builder grown to its length
	// makes it without clearing it first, and gives it as a string
	// without a copy. What a number shares comes from the one before it.
	var sb strings.Builder
	sb.Grow(int(min(total, n*maxNumberRoom)))
	ends := make([]uint32, n)
	prev := 0 // where the number before starts
	b := d.b  // read on a local, the two counts of the usual number without a call
	for i := range ends {
		var k, m uint64
		if len(b) >= 2 && b[0] < 0x80 && b[1] < 0x80 {
			k, m, b = uint64(b[0]), uint64(b[1]), b[2:]
		} else {
			var nk, nm int
			k, nk = binary.Uvarint(b)
			if nk > 0 {
				m, nm = binary.Uvarint(b[nk:])
			}
			if nk <= 0 || nm <= 0 {
				d.fail(errVarint)
				return
			}
			b = b[nk+nm:]
		}
		if m > uint64(len(b)) {
			d.fail(errShort)
			return
		}
		rest := b[:m:m]
		b = b[m:]
		before := sb.String()[prev:]
		switch {
		case k > uint64(len(before)) || k < uint64(len(before)) && !utf8.RuneStart(before[k]):
			d.fail(fmt.Errorf("invoice number %d shares %d bytes of one of %d", i, k, len(before)))
			return
		case k == 0 && m == 0 || !printable(rest) && !textOK(rest, false):
			d.fail(errKey)
			return
		case !sharesAll(before, int(k), rest):
			// No encoder writes these: one list of numbers, one value.
			d.fail(fmt.Errorf("invoice number %d shares fewer bytes than it could", i))
			return
		}
		if uint64(sb.Len())+k+m > total {
			d.fail(errRange)
			return
		}
		prev = sb.Len()
		sb.WriteString(before[:k])
		sb.Write(rest)
		ends[i] = uint32(sb.Len())
	}
	d.b = b
	if uint64(sb.Len()) != total {
		d.fail(fmt.Errorf("invoice numbers of %d bytes, not %d", sb.Len(), total))
		return
	}
	l.Numbers = domain.Numbers{Text: sb.String(), Ends: ends}
}

// emptyLedger is the ledger of an account without documents, which has no
// ledger value: what domain.LedgerOf gives for no documents.
func emptyLedger() domain.Ledger {
	return domain.Ledger{Invoices: []domain.LedgerInvoice{}, Credits: []domain.LedgerCredit{}, Kinds: []domain.CreditKind{}}
}

// decodeLedger reads a ledger value into x's Ledger and RebateNotes.
func decodeLedger(v []byte, x *domain.Facts, in *interner) error {
	d := dec{b: v, in: in}
	d.version(vLedger)
	exp := d.i()
	if exp > 0 || exp < math.MinInt32 {
		d.fail(errRange)
	}
	l := domain.Ledger{Exp: int32(exp)}
	b := d.records(ledgerRecord)
	l.Invoices = make([]domain.LedgerInvoice, len(b)/ledgerRecord)
	for i := range l.Invoices {
		r := b[i*ledgerRecord : (i+1)*ledgerRecord]
		inv := domain.LedgerInvoice{Issued: domain.Date(int32(binary.LittleEndian.Uint32(r))),
			Due: domain.Date(int32(binary.LittleEndian.Uint32(r[4:]))), Amount: int64(binary.LittleEndian.Uint64(r[8:]))}
		if inv.Amount > ledgerMaxUnits || inv.Amount < -ledgerMaxUnits {
			d.fail(errRange)
		}
		l.Invoices[i] = inv
	}
	b = d.records(ledgerRecord)
	l.Credits = make([]domain.LedgerCredit, len(b)/ledgerRecord)
	for i := range l.Credits {
		r := b[i*ledgerRecord : (i+1)*ledgerRecord]
		c := domain.LedgerCredit{On: domain.Date(int32(binary.LittleEndian.Uint32(r))),
			Invoice: int32(binary.LittleEndian.Uint32(r[4:])), Amount: int64(binary.LittleEndian.Uint64(r[8:]))}
		// The application rule indexes the invoices with it: it must name one.
		if c.Invoice < -1 || int(c.Invoice) >= len(l.Invoices) || c.Amount > ledgerMaxUnits || c.Amount < -ledgerMaxUnits {
			d.fail(errRange)
		}
		l.Credits[i] = c
	}
	kinds := d.take(len(l.Credits))
	l.Kinds = make([]domain.CreditKind, len(kinds))
	for i, k := range kinds {
		if int(k) > len(domain.CreditReasons) {
			d.fail(fmt.Errorf("unknown credit kind %d", k))
		}
		l.Kinds[i] = domain.CreditKind(k)
	}
	l.Disputed, l.Excluded = d.indices(len(l.Invoices)), d.indices(len(l.Invoices))
	if n := d.count(); n > 0 {
		l.Volume = make([]domain.Volume, n)
		day := int64(0)
		for i := range l.Volume {
			day += d.i()
			v := domain.Volume{Month: d.dateOf(day), Product: d.word(), Amount: d.i(), Quantity: d.i()}
			qexp := d.i()
			if qexp < math.MinInt32 || qexp > 0 {
				d.fail(errRange)
			}
			v.QuantityExp = int32(qexp)
			l.Volume[i] = v
		}
	}
	d.lines(&l)
	notes := d.rebateNotes()
	d.numbers(&l)
	if err := d.done(); err != nil {
		return err
	}
	x.Ledger, x.RebateNotes = l, notes
	return nil
}

// lineUnit is the greatest common divisor of the line quantities; 1 when
// they are all zero.
func lineUnit(lines []domain.InvoiceLine) int64 {
	var g int64
	for _, line := range lines {
		if g = gcd(g, line.Quantity); g == 1 {
			break
		}
	}
	return max(g, 1)
}

// gcd is the greatest common divisor of |a| and |b| (quantities are within
// ±10^18: no absolute value overflows).
func gcd(a, b int64) int64 {
	a, b = max(a, -a), max(b, -b)
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// lines reads the ledger's lines, as many as its invoices, each naming one
// of its products.
func (d *dec) lines(l *domain.Ledger) {
	qexp := d.i()
	if qexp < math.MinInt32 || qexp > 0 {
		d.fail(errRange)
	}
	l.QtyExp = int32(qexp)
	if n := d.count(); n > 0 {
		l.Products = make([]string, n)
		for i := range l.Products {
			l.Products[i] = d.word()
		}
	}
	n := d.u()
	if d.err != nil || n != uint64(len(l.Invoices)) || (n > 0 && len(l.Products) == 0) || len(l.Products) > 1<<16 {
		d.fail(fmt.Errorf("%d lines for %d invoices of %d products", n, len(l.Invoices), len(l.Products)))
		return
	}
	if n == 0 {
		return
	}
	stored := d.u()
	if d.err != nil || stored == 0 || stored > ledgerMaxUnits {
		d.fail(errRange)
		return
	}
	unit := int64(stored)
	bound := ledgerMaxUnits / unit
	l.Lines = make([]domain.InvoiceLine, n)
	b := d.b
	var g int64 // of the quantities read: 1 once they have no common divisor, as they must
	for i := range l.Lines {
		// One- and two-byte varints without a call (zig-zag, as binary.Varint).
		var u uint64
		switch {
		case len(b) > 0 && b[0] < 0x80:
			u, b = uint64(b[0]), b[1:]
		case len(b) > 1 && b[1] < 0x80:
			u, b = uint64(b[0]&0x7f)|uint64(b[1])<<7, b[2:]
		default:
			v, k := binary.Uvarint(b)
			if k <= 0 {
				d.fail(errVarint)
				return
			}
			u, b = v, b[k:]
		}
		q := int64(u>>1) ^ -int64(u&1)
		if q > bound || q < -bound {
			d.fail(errRange)
			return
		}
		if g != 1 {
			g = gcd(g, q)
		}
		l.Lines[i].Quantity = q * unit
	}
	d.b = b
	if g > 1 || g == 0 && unit != 1 {
		// No encoder writes these: one ledger, one value.
		d.fail(fmt.Errorf("line quantities in units of %d that have a common divisor %d", unit, g))
		return
	}
	if len(l.Products) > 1 {
		for i := range l.Lines {
			p := d.u()
			if p >= uint64(len(l.Products)) {
				d.fail(fmt.Errorf("line %d names product %d of %d", i, p, len(l.Products)))
				return
			}
			l.Lines[i].Product = uint16(p)
		}
	}
}

// rebateNotes reads the rebate credit notes of a ledger value.
func (d *dec) rebateNotes() []domain.RebateNote {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]domain.RebateNote, n)
	for i := range out {
		out[i] = domain.RebateNote{Number: d.line(), On: d.date(), Amount: d.dec()}
		d.amount(out[i].Amount, positive)
	}
	return out
}

// records reads a count and that many fixed-width records of size bytes.
func (d *dec) records(size int) []byte {
	n := d.u()
	if d.err != nil || n > uint64(len(d.b)/size) {
		d.fail(errShort)
		return nil
	}
	return d.take(int(n) * size)
}

// take reads n bytes.
func (d *dec) take(n int) []byte {
	if d.err != nil || n > len(d.b) {
		d.fail(errShort)
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

// indices reads an ascending list of indices below n, as written by
// appendLedger; nil when empty.
func (d *dec) indices(n int) []int32 {
	c := d.count()
	if c == 0 {
		return nil
	}
	out := make([]int32, c)
	prev := int64(-1)
	for i := range out {
		prev += int64(d.u())
		if prev < 0 || prev >= int64(n) || (i > 0 && int32(prev) <= out[i-1]) {
			d.fail(errRange)
			return nil
		}
		out[i] = int32(prev)
	}
	return out
}

// dateOf checks a date worked out from deltas.
func (d *dec) dateOf(v int64) domain.Date {
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.fail(errRange)
		return 0
	}
	return domain.Date(v)
}

// Facts value: version, flags (factsLedger: the account has documents, so
// a ledger value, which readers must find), the account, then the lists of records the facts
// keep whole, in domain.Facts order (contacts, touches, promises, plans,
// escalations, issues, contracts, follow-ups, surveys, marks, disputes and
// their invoices' places, decisions, objectives, the opening file's
// documents, blockages, reconciliation marks, targets, balances), then the
// touches' authors. A record is its own key and its value as its bucket
// holds them, read back with the bucket's decoder; a touch is two varints
// read at once — id (delta from the previous, modulo 2^64) and date
// (delta) — then kind and outcome, a byte each (domain.Touch's codes); a
// pending follow-up (domain.Pending) is its id (delta), the activity that
// set it, when it was written, due, until, snoozed and the reason. The
// authors are their names, each once, then each touch's (an index, a
// varint) only when there are two or more: most accounts' timelines are
// one person's, and theirs cost nothing per touch.
func appendFacts(dst []byte, x *domain.Facts, ledger bool) []byte {
	e := enc{b: dst}
	e.byte(vFacts)
	var flags byte
	if ledger {
		flags |= factsLedger
	}
	e.byte(flags)
	e.b = appendRaw(e.b, func(b []byte) []byte { return appendAccount(b, &x.Account) })
	e.b = appendRecords(e.b, x.Contacts, byName(func(c *domain.Contact) string { return c.Name }), appendContact)
	e.u(uint64(len(x.Touches)))
	prevID, prevOn := uint64(0), domain.Date(0)
	for _, t := range x.Touches {
		e.i(int64(t.ID - prevID))
		e.i(int64(t.On) - int64(prevOn))
		e.byte(t.Kind)
		e.byte(t.Outcome)
		prevID, prevOn = t.ID, t.On
	}
	e.b = appendRecords(e.b, x.Promises, byID(func(p *domain.Promise) uint64 { return p.ID }), appendPromise)
	e.b = appendRecords(e.b, x.Plans, byID(func(p *domain.PaymentPlan) uint64 { return p.ID }), appendPlan)
	e.b = appendRecords(e.b, x.Escalations, byID(func(p *domain.Escalation) uint64 { return p.ID }), appendEscalation)
	e.b = appendRecords(e.b, x.Issues, byID(func(p *domain.ServiceIssue) uint64 { return p.ID }), appendIssue)
	e.b = appendRecords(e.b, x.Contracts, byName(func(c *domain.Contract) string { return c.ID }), appendContract)
	e.u(uint64(len(x.FollowUps)))
	prevID = 0
	for _, p := range x.FollowUps {
		e.i(int64(p.ID - prevID))
		e.u(p.Activity)
		e.i(p.SetAt)
		e.date(p.Due)
		e.date(p.Until)
		e.bool(p.Snoozed)
		e.str(p.Reason)
		prevID = p.ID
	}
	e.b = appendRecords(e.b, x.Surveys, byID(func(p *domain.Survey) uint64 { return p.ID }), appendSurvey)
	e.b = appendRecords(e.b, x.Marks, byName(func(m *domain.QueueMark) string { return m.Key }), appendMark)
	e.b = appendRecords(e.b, x.Disputes, func(b []byte, d *domain.Dispute) []byte {
		return append(b, disputeKey("", d.Invoice, d.Seq)[1:]...)
	}, appendDispute)
	for _, k := range x.DisputeInvoices {
		e.i(int64(k))
	}
	e.b = appendRecords(e.b, x.Decisions, byID(func(c *domain.CreditDecision) uint64 { return c.ID }), appendDecision) // version 3
	e.b = appendRecords(e.b, x.Objectives, byID(func(o *domain.Objective) uint64 { return o.ID }), appendObjective)
	e.b = appendRecords(e.b, x.Documents, byName(func(d *domain.Document) string { return d.Kind }), appendDocument) // version 4
	e.b = appendRecords(e.b, x.Blockages, byID(func(b *domain.Blockage) uint64 { return b.ID }), appendBlockage)
	e.b = appendRecords(e.b, x.Reconciled, byDay(func(r *domain.Reconciliation) domain.Date { return r.AsOf }), appendReconciled)
	e.b = appendRecords(e.b, x.Targets, func(b []byte, t *domain.Target) []byte {
		return append(b, targetKey("", t.Month, t.Product)[1:]...)
	}, appendTarget)
	e.b = appendRecords(e.b, x.Balances, byDay(func(b *domain.Balance) domain.Date { return b.On }), appendBalance)
	e.strs(x.Authors)
	if len(x.Authors) > 1 {
		for _, t := range x.Touches {
			e.u(uint64(t.By))
		}
	}
	return e.b
}

// byDay appends the own key of a record keyed by a date: YYYY-MM-DD.
func byDay[T any](on func(*T) domain.Date) func([]byte, *T) []byte {
	return func(b []byte, x *T) []byte { return append(b, on(x).Format("2006-01-02")...) }
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

// Flags of a facts value.
const factsLedger = 1 << iota

// decodeFacts reads a facts value into x and says whether the account has a
// ledger; the ledger is read apart (decodeLedger).
func decodeFacts(code string, v []byte, x *domain.Facts, in *interner) (ledger bool, err error) {
	d := dec{b: v, in: in}
	d.version(vFacts)
	flags := d.byte()
	if flags&^factsLedger != 0 {
		d.fail(fmt.Errorf("unknown facts flags %#x", flags))
	}
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
			t := domain.Touch{ID: uint64(id), On: d.dateOf(day), Kind: d.byte(), Outcome: d.byte()}
			if int(t.Kind) >= len(domain.ActivityKinds) || int(t.Outcome) > len(domain.Outcomes) {
				d.fail(fmt.Errorf("unknown activity kind %d or outcome %d", t.Kind, t.Outcome))
			}
			x.Touches[i] = t
		}
	}
	x.Promises = decodeRecords(&d, code, decodePromise)
	x.Plans = decodeRecords(&d, code, decodePlan)
	x.Escalations = decodeRecords(&d, code, decodeEscalation)
	x.Issues = decodeRecords(&d, code, decodeIssue)
	x.Contracts = decodeRecords(&d, code, decodeContract)
	if n := d.count(); n > 0 {
		x.FollowUps = make([]domain.Pending, n)
		var id uint64
		for i := range x.FollowUps {
			id += uint64(d.i())
			x.FollowUps[i] = domain.Pending{ID: id, Activity: d.u(), SetAt: d.i(), Due: d.date(), Until: d.date(), Snoozed: d.bool(), Reason: d.word()}
		}
	}
	x.Surveys = decodeRecords(&d, code, decodeSurvey)
	x.Marks = decodeRecords(&d, code, decodeMark)
	x.Disputes = decodeRecords(&d, code, decodeDispute)
	if len(x.Disputes) > 0 {
		x.DisputeInvoices = make([]int32, len(x.Disputes))
		for i := range x.DisputeInvoices {
			k := d.i()
			if k < -1 || k > math.MaxInt32 {
				d.fail(errRange)
			}
			x.DisputeInvoices[i] = int32(k)
		}
	}
	x.Decisions = decodeRecords(&d, code, decodeDecision)
	x.Objectives = decodeRecords(&d, code, decodeObjective)
	x.Documents = decodeRecords(&d, code, decodeDocument)
	x.Blockages = decodeRecords(&d, code, decodeBlockage)
	x.Reconciled = decodeRecords(&d, code, decodeReconciled)
	x.Targets = decodeRecords(&d, code, decodeTarget)
	x.Balances = decodeRecords(&d, code, decodeBalance)
	d.authors(x)
	return flags&factsLedger != 0, d.done()
}

// authors reads the touches' authors and, when there are several, which
// one each touch's is.
func (d *dec) authors(x *domain.Facts) {
	x.Authors = d.strs()
	if len(x.Authors) > 1<<16 {
		d.fail(fmt.Errorf("%d authors, more than a touch can name", len(x.Authors)))
		return
	}
	if len(x.Authors) < 2 {
		return
	}
	for i := range x.Touches {
		by := d.u()
		if by >= uint64(len(x.Authors)) {
			d.fail(fmt.Errorf("touch %d by author %d of %d", i, by, len(x.Authors)))
			return
		}
		x.Touches[i].By = uint16(by)
	}
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
