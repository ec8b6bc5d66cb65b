package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Ledger is an account's invoices, payments and credit notes reduced to what
// applying them needs (SPEC §2): dates, amounts and explicit applications,
// already in the order the rule applies them, with amounts as integers in
// units of 10^Exp. What the account owes as of any date is worked out from
// it without the documents themselves (Apply), which is how book-wide
// figures travel in time cheaply.
//
// It is the one implementation of the application rule: PositionOf, for a
// whole account file, applies the file's ledger too.
//
// It is held in memory for every account of a book, so its entries are
// small (16 bytes): what few invoices are disputed or excluded, and what
// kind each credit is, are kept beside them.
type Ledger struct {
	Exp      int32           // amounts are in units of 10^Exp (Exp ≤ 0)
	Invoices []LedgerInvoice // application order: due date, issue date, number
	Credits  []LedgerCredit  // payments and credit notes, oldest first: date, then reference or number
	Kinds    []CreditKind    // each credit's kind, as Credits
	Disputed []int32         // indices of the disputed invoices, ascending
	Excluded []int32         // indices of the invoices excluded from follow-up, ascending
	Volume   []Volume        // invoiced per month and product, oldest month first, then by product
	// Lines are each invoice's product and quantity, as Invoices: what a
	// day-exact window over products or quantities needs (a rebate period
	// clipped to a contract, the products of the 12 months ending a date).
	Lines    []InvoiceLine
	Products []string // the distinct products of the invoices, sorted ("" for none)
	QtyExp   int32    // line quantities are in units of 10^QtyExp (QtyExp ≤ 0)
	// Numbers are the invoices' numbers, as Invoices (a report that lists
	// invoices: due).
	Numbers Numbers
}

// Numbers is a list of invoice numbers kept as one string and where each
// ends: two allocations per account however many invoices it has.
type Numbers struct {
	Text string
	Ends []uint32 // Ends[i] is where the i-th number ends in Text
}

// NumbersOf packs numbers.
func NumbersOf(numbers []string) Numbers {
	var b strings.Builder
	n := Numbers{Ends: make([]uint32, len(numbers))}
	for i, s := range numbers {
		b.WriteString(s)
		n.Ends[i] = uint32(b.Len())
	}
	n.Text = b.String()
	return n
}

// Len is how many numbers there are.
func (n Numbers) Len() int { return len(n.Ends) }

// At is the i-th number.
func (n Numbers) At(i int) string {
	from := uint32(0)
	if i > 0 {
		from = n.Ends[i-1]
	}
	return n.Text[from:n.Ends[i]]
}

// InvoiceLine is an invoice's product and quantity.
type InvoiceLine struct {
	Quantity int64  // in units of 10^Ledger.QtyExp
	Product  uint16 // index into Ledger.Products
}

// InvoiceProduct is the product of the ledger's i-th invoice.
func (l *Ledger) InvoiceProduct(i int) string { return l.Products[l.Lines[i].Product] }

// InvoiceQuantity is the quantity of the ledger's i-th invoice.
func (l *Ledger) InvoiceQuantity(i int) decimal.Decimal {
	if q := l.Lines[i].Quantity; q != 0 {
		return decimal.New(q, l.QtyExp)
	}
	return decimal.Zero
}

// Volume is what an account was invoiced in one month for one product:
// the amount in the ledger's units, the quantity in units of 10^QuantityExp.
type Volume struct {
	Month       Date // the first day of the month
	Product     string
	Amount      int64
	Quantity    int64
	QuantityExp int32
}

// VolumeAmount is a volume's amount as a decimal.
func (l *Ledger) VolumeAmount(v Volume) decimal.Decimal { return l.Dec(v.Amount) }

// Quantity is the volume's quantity as a decimal.
func (v Volume) QuantityDec() decimal.Decimal {
	if v.Quantity == 0 {
		return decimal.Zero
	}
	return decimal.New(v.Quantity, v.QuantityExp)
}

// LedgerInvoice is an invoice as the application rule sees it.
type LedgerInvoice struct {
	Issued, Due Date
	Amount      int64
}

// LedgerCredit is a payment or a credit note as the application rule sees
// it (its kind is in Ledger.Kinds).
type LedgerCredit struct {
	On      Date
	Invoice int32 // index into Invoices of the invoice it names; -1 for none (balance forward)
	Amount  int64
}

// IsDisputed reports whether the ledger's i-th invoice is disputed.
func (l *Ledger) IsDisputed(i int) bool {
	_, ok := slices.BinarySearch(l.Disputed, int32(i))
	return ok
}

// IsExcluded reports whether the ledger's i-th invoice is excluded from follow-up.
func (l *Ledger) IsExcluded(i int) bool {
	_, ok := slices.BinarySearch(l.Excluded, int32(i))
	return ok
}

// CreditKind tells a payment from a credit note, and a credit note's reason.
type CreditKind uint8

// Credit kinds: KindPayment, then one per credit-note reason in
// CreditReasons order.
const KindPayment CreditKind = 0

// CreditKindOf is a credit note's kind from its reason ("other" when unknown).
func CreditKindOf(reason string) CreditKind {
	if i := slices.Index(CreditReasons, reason); i >= 0 {
		return CreditKind(i + 1)
	}
	return CreditKind(len(CreditReasons))
}

// IsPayment reports whether the credit is a payment.
func (k CreditKind) IsPayment() bool { return k == KindPayment }

// Reason is a credit note's reason; "" for a payment.
func (k CreditKind) Reason() string {
	if k == KindPayment || int(k) > len(CreditReasons) {
		return ""
	}
	return CreditReasons[k-1]
}

// MaxAmount is the largest amount a document may carry, in the currency's
// unit (SPEC §6): so that every amount, and the ledger's integer form of
// it, stays exact.
var MaxAmount = decimal.New(1, 15)

// maxUnits bounds a ledger amount in its own units: 10^18 fits an int64.
const maxUnits = 1_000_000_000_000_000_000

// LedgerOf builds an account's ledger from its documents. order[i] is the
// index in invoices of the ledger's i-th invoice. An amount that has no
// exact integer form at the account's scale is an error naming the document
// (validation keeps such amounts out of a book).
func LedgerOf(invoices []Invoice, payments []Payment, credits []CreditNote) (l Ledger, order []int, err error) {
	// The scale: the finest exponent any amount needs once its trailing
	// zeros are dropped (so "100.000000" does not force six places).
	exp := int32(0)
	scan := func(d decimal.Decimal) {
		if !d.IsZero() {
			exp = min(exp, normExp(d))
		}
	}
	for i := range invoices {
		scan(invoices[i].Amount)
	}
	for i := range payments {
		scan(payments[i].Amount)
	}
	for i := range credits {
		scan(credits[i].Amount)
	}
	l.Exp = exp

	order = make([]int, len(invoices))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		a, b := &invoices[x], &invoices[y]
		return cmp.Or(cmp.Compare(a.Due, b.Due), cmp.Compare(a.Issued, b.Issued), strings.Compare(a.Number, b.Number))
	})
	if err := l.linesOf(invoices, order); err != nil {
		return Ledger{}, nil, err
	}
	if len(invoices) > 0 {
		numbers := make([]string, len(order))
		for k, i := range order {
			numbers[k] = invoices[i].Number
		}
		l.Numbers = NumbersOf(numbers)
	}
	byNumber := make(map[string]int32, len(invoices))
	l.Invoices = make([]LedgerInvoice, len(invoices))
	for k, i := range order {
		x := &invoices[i]
		v, ok := units(x.Amount, exp)
		if !ok {
			return Ledger{}, nil, fmt.Errorf("invoice %s: amount %s is out of range", x.Number, x.Amount)
		}
		l.Invoices[k] = LedgerInvoice{Issued: x.Issued, Due: x.Due, Amount: v}
		if x.Disputed {
			l.Disputed = append(l.Disputed, int32(k))
		}
		if x.Excluded {
			l.Excluded = append(l.Excluded, int32(k))
		}
		byNumber[x.Number] = int32(k)
	}

	type keyed struct {
		ref  string
		c    LedgerCredit
		kind CreditKind
	}
	cs := make([]keyed, 0, len(payments)+len(credits))
	named := func(number string) int32 {
		if number == "" {
			return -1
		}
		if k, ok := byNumber[number]; ok {
			return k
		}
		return -1
	}
	for i := range payments {
		p := &payments[i]
		v, ok := units(p.Amount, exp)
		if !ok {
			return Ledger{}, nil, fmt.Errorf("payment %s: amount %s is out of range", p.Reference, p.Amount)
		}
		cs = append(cs, keyed{p.Reference, LedgerCredit{On: p.Received, Amount: v, Invoice: named(p.Invoice)}, KindPayment})
	}
	for i := range credits {
		c := &credits[i]
		v, ok := units(c.Amount, exp)
		if !ok {
			return Ledger{}, nil, fmt.Errorf("credit note %s: amount %s is out of range", c.Number, c.Amount)
		}
		cs = append(cs, keyed{c.Number, LedgerCredit{On: c.Date, Amount: v, Invoice: named(c.Invoice)}, CreditKindOf(c.Reason)})
	}
	slices.SortFunc(cs, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.c.On, b.c.On), strings.Compare(a.ref, b.ref))
	})
	l.Credits = make([]LedgerCredit, len(cs))
	l.Kinds = make([]CreditKind, len(cs))
	for i := range cs {
		l.Credits[i], l.Kinds[i] = cs[i].c, cs[i].kind
	}
	if l.Volume, err = volumeOf(invoices, exp); err != nil {
		return Ledger{}, nil, err
	}
	return l, order, nil
}

// linesOf fills Lines, Products and QtyExp for the invoices in ledger order.
func (l *Ledger) linesOf(invoices []Invoice, order []int) error {
	if len(invoices) == 0 {
		return nil
	}
	exp := int32(0)
	seen := map[string]bool{}
	for i := range invoices {
		if q := invoices[i].Quantity; !q.IsZero() {
			exp = min(exp, normExp(q))
		}
		if p := invoices[i].Product; !seen[p] {
			seen[p] = true
			l.Products = append(l.Products, p)
		}
	}
	if len(l.Products) > 1<<16 {
		return fmt.Errorf("the account's invoices name %d products, more than %d", len(l.Products), 1<<16)
	}
	slices.Sort(l.Products)
	l.QtyExp = exp
	l.Lines = make([]InvoiceLine, len(invoices))
	for k, i := range order {
		x := &invoices[i]
		q, ok := units(x.Quantity, exp)
		if !ok {
			return fmt.Errorf("invoice %s: quantity %s is out of range", x.Number, x.Quantity)
		}
		p, _ := slices.BinarySearch(l.Products, x.Product)
		l.Lines[k] = InvoiceLine{Quantity: q, Product: uint16(p)}
	}
	return nil
}

// volumeOf adds invoices up per month and product, amounts in units of
// 10^exp.
func volumeOf(invoices []Invoice, exp int32) ([]Volume, error) {
	type key struct {
		month   Date
		product string
	}
	type sums struct{ amount, quantity Sum }
	idx := map[key]int{}
	var keys []key
	var all []sums
	for i := range invoices {
		x := &invoices[i]
		k := key{x.Issued.MonthStart(), x.Product}
		j, ok := idx[k]
		if !ok {
			j = len(keys)
			idx[k] = j
			keys = append(keys, k)
			all = append(all, sums{})
		}
		all[j].amount.Add(x.Amount)
		all[j].quantity.Add(x.Quantity)
	}
	out := make([]Volume, len(keys))
	for j, k := range keys {
		a := all[j].amount.Decimal()
		amount, ok := units(a, exp)
		q := all[j].quantity.Decimal()
		qexp := normExp(q)
		quantity, qok := units(q, qexp)
		if !ok || !qok {
			return nil, fmt.Errorf("invoices of %s for %q: the month's total %s (quantity %s) is out of range", k.month.Format("Jan 2006"), k.product, a, q)
		}
		out[j] = Volume{Month: k.month, Product: k.product, Amount: amount, Quantity: quantity, QuantityExp: qexp}
	}
	slices.SortFunc(out, func(a, b Volume) int {
		return cmp.Or(cmp.Compare(a.Month, b.Month), strings.Compare(a.Product, b.Product))
	})
	return out, nil
}

// normExp is the exponent of d once trailing zeros of its coefficient are
// dropped.
func normExp(d decimal.Decimal) int32 {
	if d.IsZero() {
		return 0 // decimal.Zero carries exponent 1
	}
	e := d.Exponent()
	if d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		for c != 0 && c%10 == 0 && e < 0 {
			c /= 10
			e++
		}
		return e
	}
	return min(e, 0)
}

// units is d as an integer in units of 10^exp, when it is one and fits.
func units(d decimal.Decimal, exp int32) (int64, bool) {
	shifted := d.Shift(-exp)
	if !shifted.IsInteger() || shifted.Abs().Cmp(decimal.NewFromInt(maxUnits)) > 0 {
		return 0, false
	}
	return shifted.IntPart(), true
}

// Dec is an amount of the ledger as a decimal.
func (l *Ledger) Dec(v int64) decimal.Decimal {
	if v == 0 {
		return decimal.Zero
	}
	return decimal.New(v, l.Exp)
}

// add adds an amount of the ledger to s, exactly: totals of many large
// amounts can outgrow an int64, and Sum then carries on in decimal.
func (l *Ledger) add(s *Sum, v int64) { s.AddInt(v, l.Exp) }

// Applied is what the ledger comes to as of a date: what each invoice issued
// by then still owes, when each was paid in full, and the credit left over.
type Applied struct {
	AsOf      Date
	Owed      []int64 // per ledger invoice; 0 when settled or not issued by AsOf
	SettledOn []Date  // per ledger invoice: the date it was paid in full, zero otherwise
	Unapplied decimal.Decimal

	unapplied int64 // Unapplied in the ledger's units, when exact
	exact     bool
}

// Apply works the rule of SPEC §2 as of asOf, from the data, never from the
// order things were entered:
//  1. explicit applications (a payment or credit note naming an invoice)
//     come first, oldest first, up to what the invoice still owes;
//  2. everything not yet applied, oldest first (date, then reference), pays
//     the invoices issued ≤ asOf that are still outstanding, oldest due date
//     first (then issue date, then number) — "balance forward";
//  3. what is left is the account's unapplied credit.
//
// Documents dated after asOf do not exist as of asOf. With sc, the result's
// slices are sc's room, good until sc is used again; nil makes fresh room.
func (l *Ledger) Apply(asOf Date, sc *Scratch) Applied {
	if sc == nil {
		sc = &Scratch{}
	}
	n := len(l.Invoices)
	owed, settled := grow(&sc.owed, n), grow(&sc.settled, n)
	for i := range l.Invoices {
		owed[i], settled[i] = 0, 0
		if l.Invoices[i].Issued <= asOf {
			owed[i] = l.Invoices[i].Amount
		}
	}
	// Credits are in date order: those dated ≤ asOf are a prefix.
	last := len(l.Credits)
	for k, c := range l.Credits {
		if c.On > asOf {
			last = k
			break
		}
	}
	credits := l.Credits[:last]
	left := grow(&sc.left, len(credits))
	take := func(i, k int) {
		t := min(owed[i], left[k])
		if t <= 0 {
			return
		}
		owed[i] -= t
		left[k] -= t
		if owed[i] == 0 {
			settled[i] = credits[k].On
		}
	}
	for k, c := range credits {
		left[k] = c.Amount
		if c.Invoice >= 0 && l.Invoices[c.Invoice].Issued <= asOf {
			take(int(c.Invoice), k)
		}
	}
	next := 0
	var unapplied Sum
	var units int64
	exact := true
	for k := range credits {
		for left[k] > 0 && next < n {
			if owed[next] <= 0 {
				next++
				continue
			}
			take(next, k)
		}
		l.add(&unapplied, left[k])
		if exact = exact && !addOverflows(units, left[k]); exact {
			units += left[k]
		}
	}
	return Applied{AsOf: asOf, Owed: owed, SettledOn: settled, Unapplied: unapplied.Decimal(), unapplied: units, exact: exact}
}

// Scratch is working room for Apply, reused from one call to the next on
// one goroutine: a book's summaries apply thousands of ledgers.
type Scratch struct {
	owed, left []int64
	settled    []Date
}

// grow is *s with room for n, resliced to n (the contents are overwritten).
func grow[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
	}
	return (*s)[:n]
}

// Sales is what was invoiced from from to to, both included.
func (l *Ledger) Sales(from, to Date) decimal.Decimal {
	var s Sum
	for _, x := range l.Invoices {
		if x.Issued >= from && x.Issued <= to {
			l.add(&s, x.Amount)
		}
	}
	return s.Decimal()
}

// Paid is what payments (not credit notes) dated from from to to brought in.
func (l *Ledger) Paid(from, to Date) decimal.Decimal {
	var s Sum
	for k, c := range l.Credits {
		if c.On > to {
			break
		}
		if c.On >= from && l.Kinds[k].IsPayment() {
			l.add(&s, c.Amount)
		}
	}
	return s.Decimal()
}

// NetAR is net AR as of d: invoiced minus paid and credited, all dated ≤ d.
// It equals total outstanding less unapplied credit without working out the
// application.
func (l *Ledger) NetAR(d Date) decimal.Decimal {
	var s Sum
	for _, x := range l.Invoices {
		if x.Issued <= d {
			l.add(&s, x.Amount)
		}
	}
	for _, c := range l.Credits {
		if c.On > d {
			break
		}
		l.add(&s, -c.Amount)
	}
	return s.Decimal()
}

// Horizon is the latest date of any document; zero for an empty ledger.
func (l *Ledger) Horizon() Date {
	var h Date
	for _, x := range l.Invoices {
		h = max(h, x.Issued)
	}
	if n := len(l.Credits); n > 0 {
		h = max(h, l.Credits[n-1].On)
	}
	return h
}
