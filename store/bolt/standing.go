package bolt

import (
	"bytes"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"
)

// Each account's standing (domain.Standing: open items, unapplied credit and
// recent sales once every document is applied) is kept in the summaries
// bucket and rewritten in the same transaction as the account's invoices,
// payments and credit notes. Aging and DSO for any date on or after an
// account's horizon then read one small value instead of its documents;
// Check recomputes every standing and compares.

const vStanding = 1

// Standing value: version, horizon, unapplied, open items, sales.
// Open item: number, issued as days before the horizon, due as days after
// issued (signed), amount, outstanding. Sales, newest first: days before the
// previous entry (the first before the horizon), amount; a reader that needs
// only the last P days stops early.
func appendStanding(dst []byte, s *domain.Standing) []byte {
	e := enc{b: dst}
	e.byte(vStanding)
	e.date(s.Horizon)
	e.dec(s.Unapplied)
	e.u(uint64(len(s.Open)))
	for _, it := range s.Open {
		e.str(it.Number)
		e.i(int64(s.Horizon - it.Issued))
		e.i(int64(it.Due - it.Issued))
		e.dec(it.Amount)
		e.dec(it.Outstanding)
	}
	e.u(uint64(len(s.Sales)))
	prev := s.Horizon
	for i := len(s.Sales) - 1; i >= 0; i-- {
		d := s.Sales[i]
		e.i(int64(prev - d.On))
		e.dec(d.Amount)
		prev = d.On
	}
	return e.b
}

func decodeStanding(v []byte, in *interner) (domain.Standing, error) {
	return decodeStandingPart(v, in, true)
}

// decodeStandingPart stops before the sales when they are not wanted (a
// loaded book computes its sales from its invoices), which spares decoding
// several hundred thousand amounts at a workstation's start.
func decodeStandingPart(v []byte, in *interner, withSales bool) (domain.Standing, error) {
	d := dec{b: v, in: in}
	d.version(vStanding)
	s := domain.Standing{Horizon: d.date(), Unapplied: d.dec()}
	if n := d.count(); n > 0 {
		s.Open = make([]domain.OpenItem, n)
		for i := range s.Open {
			it := &s.Open[i]
			it.Number = d.str()
			it.Issued = s.Horizon - domain.Date(d.int())
			it.Due = it.Issued + domain.Date(d.int())
			it.Amount = d.dec()
			it.Outstanding = d.dec()
		}
	}
	if !withSales {
		return s, d.err
	}
	if n := d.count(); n > 0 {
		s.Sales = make([]domain.DaySales, n)
		prev := s.Horizon
		for i := n - 1; i >= 0; i-- {
			prev -= domain.Date(d.int())
			s.Sales[i] = domain.DaySales{On: prev, Amount: d.dec()}
		}
	}
	return s, d.done()
}

// Documents as a standing needs them: the dates, amounts, numbers and
// applications, decoded without the stamp and the descriptive fields.

func decodeInvoiceTerms(own, v []byte, in *interner) (domain.Invoice, error) {
	d := dec{b: v, in: in}
	d.version(vInvoice)
	d.raw()
	d.time()
	x := domain.Invoice{Number: key(own, in), Issued: d.date(), Due: d.date(), Amount: d.dec()}
	return x, d.err
}

func decodePaymentTerms(own, v []byte, in *interner) (domain.Payment, error) {
	d := dec{b: v, in: in}
	d.version(vPayment)
	d.raw()
	d.time()
	x := domain.Payment{Reference: key(own, in), Received: d.date(), Amount: d.dec()}
	d.raw() // currency
	x.Invoice = d.str()
	return x, d.err
}

func decodeCreditTerms(own, v []byte, in *interner) (domain.CreditNote, error) {
	d := dec{b: v, in: in}
	d.version(vCredit)
	d.raw()
	d.time()
	x := domain.CreditNote{Number: key(own, in), Date: d.date(), Amount: d.dec()}
	d.raw() // currency
	d.raw() // reason
	x.Invoice = d.str()
	return x, d.err
}

// documents are one account's invoices, payments and credit notes.
type documents struct {
	invoices []domain.Invoice
	payments []domain.Payment
	credits  []domain.CreditNote
}

func (ds *documents) empty() bool { return len(ds.invoices)+len(ds.payments)+len(ds.credits) == 0 }

// readTerms appends to dst the decoded records of one account in a bucket.
func readTerms[T any](tx *bbolt.Tx, name, prefix []byte, in *interner, dst []T,
	decode func(own, v []byte, in *interner) (T, error)) ([]T, error) {
	c := tx.Bucket(name).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		x, err := decode(k[len(prefix):], v, in)
		if err != nil {
			return dst, damaged(name, k, err)
		}
		dst = append(dst, x)
	}
	return dst, nil
}

// readDocuments reads what the standing of an account needs, with prefix
// scans of the three document buckets. Each list starts with room for as
// many as the previous account had (hint), as accounts tend to be alike.
func readDocuments(tx *bbolt.Tx, code string, in *interner, hint *documents) (documents, error) {
	var ds documents
	prefix := accountPrefix(code)
	var err error
	if ds.invoices, err = readTerms(tx, bucketInvoices, prefix, in, make([]domain.Invoice, 0, len(hint.invoices)+4), decodeInvoiceTerms); err != nil {
		return ds, err
	}
	if ds.payments, err = readTerms(tx, bucketPayments, prefix, in, make([]domain.Payment, 0, len(hint.payments)+4), decodePaymentTerms); err != nil {
		return ds, err
	}
	ds.credits, err = readTerms(tx, bucketCredits, prefix, in, make([]domain.CreditNote, 0, len(hint.credits)+1), decodeCreditTerms)
	*hint = ds
	return ds, err
}

// standings computes the encoded standing of every account in codes, in
// order; nil for an account without documents. Documents are read here, one
// account after another (a transaction is not for sharing); the application
// runs on several goroutines when there are many accounts.
func standings(tx *bbolt.Tx, codes []string, report func(store.Progress)) ([][]byte, error) {
	progress := func(i int) {
		if report != nil && (i+1)%512 == 0 {
			report(store.Progress{Stage: "summarising", Done: i + 1, Total: len(codes)})
		}
	}
	out := make([][]byte, len(codes))
	in := newInterner()
	var hint documents
	compute := func(ds *documents) []byte {
		if ds.empty() {
			return nil
		}
		s := domain.StandingOf(ds.invoices, ds.payments, ds.credits)
		return appendStanding(nil, &s)
	}
	workers := min(runtime.GOMAXPROCS(0), 4)
	if len(codes) < 64 || workers < 2 {
		for i, code := range codes {
			ds, err := readDocuments(tx, code, in, &hint)
			if err != nil {
				return nil, err
			}
			out[i] = compute(&ds)
			progress(i)
		}
		return out, nil
	}
	type job struct {
		i  int
		ds documents
	}
	jobs := make(chan job, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				out[j.i] = compute(&j.ds)
			}
		})
	}
	var err error
	for i, code := range codes {
		var ds documents
		if ds, err = readDocuments(tx, code, in, &hint); err != nil {
			break
		}
		jobs <- job{i, ds}
		progress(i)
	}
	close(jobs)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return out, nil
}

// restate rewrites the standing of every account in codes (sorted).
func restate(tx *bbolt.Tx, codes []string, report func(store.Progress)) error {
	if len(codes) == 0 {
		return nil
	}
	vals, err := standings(tx, codes, report)
	if err != nil {
		return err
	}
	bk := tx.Bucket(bucketSummaries)
	if len(codes) >= bulkFrom {
		bk.FillPercent = bulkFill
	}
	for i, code := range codes {
		key, val := []byte(code), vals[i]
		old := bk.Get(key)
		switch {
		case val == nil && old != nil:
			err = bk.Delete(key)
		case val != nil && !bytes.Equal(old, val):
			err = bk.Put(key, val)
		}
		if err != nil {
			return fmt.Errorf("write %s %q: %w", bucketSummaries, key, err)
		}
	}
	return nil
}

// touchedAccounts lists, sorted, the accounts whose documents a flush writes.
func (a *applier) touchedAccounts() []string {
	seen := map[string]bool{}
	var out []string
	for _, name := range [][]byte{bucketInvoices, bucketPayments, bucketCredits} {
		last := ""
		for _, p := range a.puts[string(name)] {
			code, _, err := splitKey(p.k)
			if err != nil || string(code) == last {
				continue
			}
			last = string(code)
			if !seen[last] {
				seen[last] = true
				out = append(out, last)
			}
		}
	}
	slices.Sort(out)
	return out
}

// buildStandings is migration 2: the summaries bucket, filled for every account.
func buildStandings(tx *bbolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketSummaries); err != nil {
		return err
	}
	var codes []string
	_ = tx.Bucket(bucketAccounts).ForEach(func(k, _ []byte) error {
		codes = append(codes, string(k))
		return nil
	})
	return restate(tx, codes, nil)
}

// Positions reads every account's position as of asOf in one read
// transaction: from its standing when that covers asOf, else from its
// documents (a date before the account's latest document).
func (s *Store) Positions(asOf domain.Date) (*domain.BookPositions, error) {
	var out *domain.BookPositions
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx)
		if err != nil {
			return err
		}
		settings, err := readSettings(b)
		if err != nil {
			return err
		}
		period := settings.DSOPeriodDays
		in := newInterner()
		n := 0
		ac := b.accounts.Cursor()
		for k, _ := ac.First(); k != nil; k, _ = ac.Next() {
			n++
		}
		out = &domain.BookPositions{Settings: settings, AsOf: asOf, Accounts: make([]domain.AccountPosition, 0, n)}
		var hint documents
		sc := b.summaries.Cursor()
		sk, sv := sc.First()
		for k, v := ac.First(); k != nil; k, v = ac.Next() {
			if len(out.Accounts)%releaseEvery == releaseEvery-1 {
				releaseMapped(tx)
			}
			a, err := decodeAccount(in.str(k), v, in)
			if err != nil {
				return damaged(bucketAccounts, k, err)
			}
			for sk != nil && bytes.Compare(sk, k) < 0 {
				sk, sv = sc.Next()
			}
			if sk == nil || !bytes.Equal(sk, k) {
				// No documents: nothing owed, nothing sold.
				empty := domain.Standing{Unapplied: decimal.Zero}
				out.Accounts = append(out.Accounts, empty.AccountPosition(a, asOf, period))
				continue
			}
			ap, ok, err := positionAt(sv, a, asOf, period, in)
			if err != nil {
				return damaged(bucketSummaries, sk, err)
			}
			if ok {
				out.Accounts = append(out.Accounts, ap)
				continue
			}
			ds, err := readDocuments(tx, a.Code, in, &hint)
			if err != nil {
				return err
			}
			for i := range ds.invoices {
				ds.invoices[i].Account, ds.invoices[i].Currency = a.Code, a.Currency
			}
			f := &domain.AccountFile{Account: a, Invoices: ds.invoices, Payments: ds.payments, Credits: ds.credits}
			ap = domain.AccountPositionOf(f, asOf, period)
			out.Accounts = append(out.Accounts, ap)
		}
		return nil
	})
	return out, err
}

// checkStandings recomputes every account's standing and compares it with
// the stored one; it also reports standings of accounts that do not exist.
func checkStandings(b *buckets, codes map[string]bool, p *problems) {
	var list []string
	_ = b.accounts.ForEach(func(k, _ []byte) error {
		list = append(list, string(k))
		return nil
	})
	wants, err := standings(b.tx, list, nil)
	if err != nil {
		p.add("%v", err)
		return
	}
	for i, code := range list {
		k, want := []byte(code), wants[i]
		got := b.summaries.Get(k)
		switch {
		case want == nil && got != nil:
			p.add("%s %q: account has no documents but a standing", bucketSummaries, k)
		case want != nil && got == nil:
			p.add("%s %q: standing is missing", bucketSummaries, k)
		case !bytes.Equal(want, got):
			// The same figures may be written with other exponents (1.50
			// and 1.5) by another version of the arithmetic: compare values.
			g, err := decodeStanding(got, nil)
			if err != nil {
				p.add("%s %q: %v", bucketSummaries, k, err)
				break
			}
			if w, _ := decodeStanding(want, nil); !sameStanding(g, w) {
				p.add("%s %q: standing differs from its documents", bucketSummaries, k)
			}
		}
	}
	_ = b.summaries.ForEach(func(k, _ []byte) error {
		if !codes[string(k)] {
			p.add("%s %q: account %s does not exist", bucketSummaries, k, k)
		}
		return nil
	})
}

// sameStanding compares two standings by value.
func sameStanding(a, b domain.Standing) bool {
	if a.Horizon != b.Horizon || !a.Unapplied.Equal(b.Unapplied) || len(a.Open) != len(b.Open) || len(a.Sales) != len(b.Sales) {
		return false
	}
	for i, x := range a.Open {
		y := b.Open[i]
		if x.Number != y.Number || x.Issued != y.Issued || x.Due != y.Due || !x.Amount.Equal(y.Amount) || !x.Outstanding.Equal(y.Outstanding) {
			return false
		}
	}
	for i, x := range a.Sales {
		if x.On != b.Sales[i].On || !x.Amount.Equal(b.Sales[i].Amount) {
			return false
		}
	}
	return true
}

// releaseEvery is how many accounts Positions reads between releases of
// the mapped pages (releaseMapped).
const releaseEvery = 1024

// positionAt reads a stored standing straight into the account's position as
// of asOf, which is what decodeStanding and Standing.AccountPosition give,
// without building the standing: sales outside the period are skipped, and
// those inside are summed as integers while they share an exponent. ok is
// false when the standing does not cover asOf.
func positionAt(v []byte, a domain.Account, asOf domain.Date, period int, in *interner) (domain.AccountPosition, bool, error) {
	d := dec{b: v, in: in}
	d.version(vStanding)
	horizon := d.date()
	if d.err != nil {
		return domain.AccountPosition{}, false, d.err
	}
	if asOf < horizon || period > domain.SalesWindow {
		return domain.AccountPosition{}, false, nil
	}
	p := domain.Position{AsOf: asOf, Currency: a.Currency, Unapplied: d.dec()}
	var total domain.Sum
	if n := d.count(); n > 0 {
		p.Items = make([]domain.ItemState, n)
		for i := range p.Items {
			num := d.str()
			issued := horizon - domain.Date(d.int())
			due := issued + domain.Date(d.int())
			amount := d.dec()
			left := d.dec()
			p.Items[i] = domain.ItemState{
				Invoice: &domain.Invoice{Account: a.Code, Number: num, Issued: issued, Due: due,
					Amount: amount, Currency: a.Currency},
				Outstanding: left,
				DaysPastDue: asOf.DaysSince(due),
			}
			total.Add(left)
		}
	}
	p.Total = total.Decimal()
	sales := d.salesSince(horizon, asOf.AddDays(-period+1))
	if d.err != nil {
		return domain.AccountPosition{}, false, d.err
	}
	return domain.AccountPosition{Account: a, Position: p, Sales: sales}, true, nil
}

// salesSince reads the sales list of a standing (newest first) and sums the
// days from from on; it stops at the first older day, leaving the rest unread.
func (d *dec) salesSince(horizon, from domain.Date) decimal.Decimal {
	var sum domain.Sum
	day := horizon
	n := d.count()
	for range n {
		day -= domain.Date(d.int())
		if day < from || d.err != nil {
			break
		}
		exp := d.i()
		if exp < math.MinInt32 || exp > math.MaxInt32 {
			d.fail(errRange)
		}
		switch kind := d.byte(); kind {
		case decSmall:
			sum.AddInt(d.i(), int32(exp))
		case decBigPos, decBigNeg:
			mag := d.raw()
			if len(mag) > maxDecimalBytes {
				d.fail(errRange)
			}
			if d.err == nil {
				sum.Add(decimal.NewFromBigInt(bigInt(mag, kind == decBigNeg), int32(exp)))
			}
		default:
			d.fail(fmt.Errorf("bad decimal kind %d", kind))
		}
	}
	if d.err != nil {
		return decimal.Zero
	}
	return sum.Decimal()
}
