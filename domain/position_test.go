package domain

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func inv(num, issued, due, amount string) Invoice {
	return Invoice{Account: "A", Number: num, Issued: MustDate(issued), Due: MustDate(due), Amount: d(amount), Currency: "NGN"}
}

func pay(ref, date, amount, invoice string) Payment {
	return Payment{Account: "A", Reference: ref, Received: MustDate(date), Amount: d(amount), Currency: "NGN", Invoice: invoice}
}

func cn(num, date, amount, invoice string) CreditNote {
	return CreditNote{Account: "A", Number: num, Date: MustDate(date), Amount: d(amount), Currency: "NGN", Reason: "other", Invoice: invoice}
}

func file(invs []Invoice, pays []Payment, cns []CreditNote) *AccountFile {
	return &AccountFile{Account: Account{Code: "A", Currency: "NGN"}, Invoices: invs, Payments: pays, Credits: cns}
}

func outstanding(p Position) map[string]string {
	m := map[string]string{}
	for _, it := range p.Items {
		m[it.Invoice.Number] = it.Outstanding.StringFixed(2)
	}
	return m
}

func TestPositionOf(t *testing.T) {
	asOf := "2026-06-30"
	tests := []struct {
		name      string
		f         *AccountFile
		asOf      string
		want      map[string]string
		total     string
		unapplied string
	}{
		{
			// 1000 and 500 owed; 700 balance-forward pays the oldest due first:
			// I1 1000 → 300 left.
			name:  "partial payment goes to the oldest due",
			f:     file([]Invoice{inv("I2", "2026-02-01", "2026-03-03", "500"), inv("I1", "2026-01-01", "2026-01-31", "1000")}, []Payment{pay("P1", "2026-03-01", "700", "")}, nil),
			asOf:  asOf,
			want:  map[string]string{"I1": "300.00", "I2": "500.00"},
			total: "800.00", unapplied: "0.00",
		},
		{
			// Explicit first: P1 names I2 (500) and pays it whole, the 200 left of it
			// goes balance-forward to I1 (1000 → 800).
			name:  "explicit application then balance forward",
			f:     file([]Invoice{inv("I1", "2026-01-01", "2026-01-31", "1000"), inv("I2", "2026-02-01", "2026-03-03", "500")}, []Payment{pay("P1", "2026-03-01", "700", "I2")}, nil),
			asOf:  asOf,
			want:  map[string]string{"I1": "800.00", "I2": "0.00"},
			total: "800.00", unapplied: "0.00",
		},
		{
			// Over-payment: 1000 + 500 owed, 1800 paid → 300 unapplied.
			name:  "over-payment leaves unapplied credit",
			f:     file([]Invoice{inv("I1", "2026-01-01", "2026-01-31", "1000"), inv("I2", "2026-02-01", "2026-03-03", "500")}, []Payment{pay("P1", "2026-03-01", "1800", "")}, nil),
			asOf:  asOf,
			want:  map[string]string{"I1": "0.00", "I2": "0.00"},
			total: "0.00", unapplied: "300.00",
		},
		{
			// A credit note naming I2 reduces it (500 − 120 = 380); one with no
			// invoice goes balance forward to I1 (1000 − 100 = 900).
			name:  "credit notes with and without an invoice",
			f:     file([]Invoice{inv("I1", "2026-01-01", "2026-01-31", "1000"), inv("I2", "2026-02-01", "2026-03-03", "500")}, nil, []CreditNote{cn("C1", "2026-02-10", "120", "I2"), cn("C2", "2026-02-11", "100", "")}),
			asOf:  asOf,
			want:  map[string]string{"I1": "900.00", "I2": "380.00"},
			total: "1280.00", unapplied: "0.00",
		},
		{
			// As of 2026-02-15: I2 (issued 03-01) and P2 (03-05) do not exist yet.
			// P1 300 pays I1: 1000 − 300 = 700.
			name:  "documents after the as-of date do not exist",
			f:     file([]Invoice{inv("I1", "2026-01-01", "2026-01-31", "1000"), inv("I2", "2026-03-01", "2026-03-31", "500")}, []Payment{pay("P1", "2026-02-01", "300", ""), pay("P2", "2026-03-05", "1000", "")}, nil),
			asOf:  "2026-02-15",
			want:  map[string]string{"I1": "700.00"},
			total: "700.00", unapplied: "0.00",
		},
		{
			// Explicit payment of 1200 to I1 (1000): I1 paid, 200 balance-forward to I2 (500 → 300).
			name:  "explicit over-application spills forward",
			f:     file([]Invoice{inv("I1", "2026-01-01", "2026-01-31", "1000"), inv("I2", "2026-02-01", "2026-03-03", "500")}, []Payment{pay("P1", "2026-03-01", "1200", "I1")}, nil),
			asOf:  asOf,
			want:  map[string]string{"I1": "0.00", "I2": "300.00"},
			total: "300.00", unapplied: "0.00",
		},
		{
			// Two explicit payments to I1 (1000): P1 600 then P2 600 → I1 paid, P2's
			// 200 left goes to I2 (500 → 300). Entry order reversed on purpose.
			name:  "explicit applications in date order, not entry order",
			f:     file([]Invoice{inv("I2", "2026-02-01", "2026-03-03", "500"), inv("I1", "2026-01-01", "2026-01-31", "1000")}, []Payment{pay("P2", "2026-03-02", "600", "I1"), pay("P1", "2026-03-01", "600", "I1")}, nil),
			asOf:  asOf,
			want:  map[string]string{"I1": "0.00", "I2": "300.00"},
			total: "300.00", unapplied: "0.00",
		},
		{
			// Prepayment: 2000 paid before any invoice; I1 1500 issued later is paid by it,
			// 500 remains unapplied.
			name:  "prepayment pays a later invoice",
			f:     file([]Invoice{inv("I1", "2026-05-01", "2026-05-31", "1500")}, []Payment{pay("P1", "2026-04-01", "2000", "")}, nil),
			asOf:  asOf,
			want:  map[string]string{"I1": "0.00"},
			total: "0.00", unapplied: "500.00",
		},
		{
			// Same due date: the earlier issue date is paid first, then the number decides.
			// I-B issued 01-02, I-A 01-03, both due 02-01; 150 pays I-B (100) then 50 of I-A.
			name:  "ties on due date break by issue date then number",
			f:     file([]Invoice{inv("I-A", "2026-01-03", "2026-02-01", "100"), inv("I-B", "2026-01-02", "2026-02-01", "100")}, []Payment{pay("P1", "2026-02-02", "150", "")}, nil),
			asOf:  asOf,
			want:  map[string]string{"I-A": "50.00", "I-B": "0.00"},
			total: "50.00", unapplied: "0.00",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustPosition(t, tt.f, MustDate(tt.asOf))
			got := outstanding(p)
			if len(got) != len(tt.want) {
				t.Fatalf("items = %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s outstanding = %s, want %s", k, got[k], v)
				}
			}
			if p.Total.StringFixed(2) != tt.total || p.Unapplied.StringFixed(2) != tt.unapplied {
				t.Errorf("total %s unapplied %s, want %s %s", p.Total.StringFixed(2), p.Unapplied.StringFixed(2), tt.total, tt.unapplied)
			}
		})
	}
}

func TestPositionSettledOn(t *testing.T) {
	// I1 1000 is paid by P1 400 (02-10) and P2 600 (02-20): settled 02-20.
	f := file([]Invoice{inv("I1", "2026-01-01", "2026-01-31", "1000")}, []Payment{pay("P2", "2026-02-20", "600", ""), pay("P1", "2026-02-10", "400", "")}, nil)
	p := mustPosition(t, f, MustDate("2026-03-01"))
	if got := p.Items[0].SettledOn; got != MustDate("2026-02-20") {
		t.Fatalf("settled on %s, want 2026-02-20", got)
	}
}

func mustPosition(t *testing.T, f *AccountFile, asOf Date) Position {
	t.Helper()
	p, err := PositionOf(f, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func mustFacts(t *testing.T, f *AccountFile) *Facts {
	t.Helper()
	x, err := FactsOf(f)
	if err != nil {
		t.Fatal(err)
	}
	return &x
}

// referencePosition is the rule of SPEC §2 written as plainly as it reads, in
// decimals, straight from the documents: what the ledger must agree with.
func referencePosition(invs []Invoice, pays []Payment, cns []CreditNote, asOf Date) (owed map[string]decimal.Decimal, settled map[string]Date, unapplied decimal.Decimal) {
	var items []*Invoice
	for i := range invs {
		if invs[i].Issued <= asOf {
			items = append(items, &invs[i])
		}
	}
	sort.Slice(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.Due != b.Due {
			return a.Due < b.Due
		}
		if a.Issued != b.Issued {
			return a.Issued < b.Issued
		}
		return a.Number < b.Number
	})
	owed, settled = map[string]decimal.Decimal{}, map[string]Date{}
	for _, x := range items {
		owed[x.Number] = x.Amount
	}
	type money struct {
		on      Date
		ref     string
		left    decimal.Decimal
		invoice string
	}
	var ms []*money
	for _, p := range pays {
		if p.Received <= asOf {
			ms = append(ms, &money{p.Received, p.Reference, p.Amount, p.Invoice})
		}
	}
	for _, c := range cns {
		if c.Date <= asOf {
			ms = append(ms, &money{c.Date, c.Number, c.Amount, c.Invoice})
		}
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].on != ms[j].on {
			return ms[i].on < ms[j].on
		}
		return ms[i].ref < ms[j].ref
	})
	pay := func(number string, m *money) {
		t := decimal.Min(owed[number], m.left)
		if !t.IsPositive() {
			return
		}
		owed[number] = owed[number].Sub(t)
		m.left = m.left.Sub(t)
		if owed[number].IsZero() {
			settled[number] = m.on
		}
	}
	for _, m := range ms { // 1. explicit applications
		if _, ok := owed[m.invoice]; ok && m.invoice != "" {
			pay(m.invoice, m)
		}
	}
	unapplied = decimal.Zero
	for _, m := range ms { // 2. balance forward, oldest due first
		for _, x := range items {
			if !m.left.IsPositive() {
				break
			}
			pay(x.Number, m)
		}
		unapplied = unapplied.Add(m.left) // 3. the rest
	}
	return owed, settled, unapplied
}

// TestLedgerMatchesReference: the ledger's integer application agrees with
// the plain decimal reading of the rule on random accounts (explicit and
// balance-forward, partial and over-payments, credit notes, three
// currencies' places, trailing zeros, documents after the date).
func TestLedgerMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	amount := func(places int32) decimal.Decimal {
		v := decimal.New(rng.Int64N(5_000_000)+1, -places)
		if rng.IntN(4) == 0 {
			v = decimal.RequireFromString(v.StringFixed(places + 2)) // "12.3400": same value, longer form
		}
		return v
	}
	base := MustDate("2026-01-01")
	for trial := 0; trial < 500; trial++ {
		places := []int32{0, 2, 3}[trial%3]
		var invs []Invoice
		var pays []Payment
		var cns []CreditNote
		for i := 0; i < rng.IntN(30); i++ {
			issued := base.AddDays(rng.IntN(300))
			invs = append(invs, Invoice{Number: fmt.Sprintf("I%02d", i), Issued: issued, Due: issued.AddDays(rng.IntN(60)), Amount: amount(places)})
		}
		for i := 0; i < rng.IntN(30); i++ {
			p := Payment{Reference: fmt.Sprintf("P%02d", i), Received: base.AddDays(rng.IntN(320)), Amount: amount(places)}
			if len(invs) > 0 && rng.IntN(3) == 0 {
				p.Invoice = invs[rng.IntN(len(invs))].Number
			}
			pays = append(pays, p)
		}
		for i := 0; i < rng.IntN(5); i++ {
			c := CreditNote{Number: fmt.Sprintf("C%02d", i), Date: base.AddDays(rng.IntN(320)), Amount: amount(places), Reason: "other"}
			if len(invs) > 0 && rng.IntN(2) == 0 {
				c.Invoice = invs[rng.IntN(len(invs))].Number
			}
			cns = append(cns, c)
		}
		asOf := base.AddDays(rng.IntN(330))
		got := mustPosition(t, &AccountFile{Account: Account{Code: "A", Currency: "NGN"}, Invoices: invs, Payments: pays, Credits: cns}, asOf)
		owed, settled, unapplied := referencePosition(invs, pays, cns, asOf)
		if !got.Unapplied.Equal(unapplied) || len(got.Items) != len(owed) {
			t.Fatalf("trial %d: unapplied %s/%s items %d/%d", trial, got.Unapplied, unapplied, len(got.Items), len(owed))
		}
		total := decimal.Zero
		for _, it := range got.Items {
			n := it.Invoice.Number
			if !it.Outstanding.Equal(owed[n]) || it.SettledOn != settled[n] {
				t.Fatalf("trial %d invoice %s: owed %s settled %s, want %s %s", trial, n, it.Outstanding, it.SettledOn, owed[n], settled[n])
			}
			total = total.Add(owed[n])
		}
		if !got.Total.Equal(total) {
			t.Fatalf("trial %d: total %s, want %s", trial, got.Total, total)
		}
	}
}

// TestLedgerRefusesOutOfRange: an amount without an exact integer form at
// the account's scale is an error naming the document, never a rounded figure.
func TestLedgerRefusesOutOfRange(t *testing.T) {
	huge := Invoice{Number: "BIG", Issued: MustDate("2026-01-01"), Due: MustDate("2026-01-31"), Amount: d("123456789012345678901.5")}
	if _, _, err := LedgerOf([]Invoice{huge}, nil, nil); err == nil || !strings.Contains(err.Error(), "invoice BIG") {
		t.Fatalf("err = %v", err)
	}
	// 10^15 at 3 places is 10^18 units: the largest that fits.
	ok := Invoice{Number: "OK", Issued: MustDate("2026-01-01"), Due: MustDate("2026-01-31"), Amount: d("1000000000000000.000")}
	tiny := Payment{Reference: "P", Received: MustDate("2026-01-02"), Amount: d("0.001")}
	l, _, err := LedgerOf([]Invoice{ok}, []Payment{tiny}, nil)
	if err != nil || l.Exp != -3 || l.Invoices[0].Amount != 1_000_000_000_000_000_000 {
		t.Fatalf("ledger %+v, %v", l, err)
	}
}

// FuzzLedger: for any small account the fuzzer makes up — amounts of any
// places, explicit applications to real and missing invoices, documents
// after the date — the ledger's integer application agrees with the plain
// decimal reading of the rule (referencePosition).
func FuzzLedger(f *testing.F) {
	f.Add([]byte{3, 10, 200, 1, 5, 2, 7, 100, 9, 1, 3, 40})
	f.Add([]byte{0, 0, 0, 0, 255, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		next := func() int {
			if len(data) == 0 {
				return 0
			}
			b := int(data[0])
			data = data[1:]
			return b
		}
		base := MustDate("2026-01-01")
		places := int32(next() % 4)
		amount := func() decimal.Decimal { return decimal.New(int64(next()*next()+1), -places) }
		var invs []Invoice
		var pays []Payment
		var cns []CreditNote
		for i := range next() % 8 {
			issued := base.AddDays(next())
			invs = append(invs, Invoice{Number: fmt.Sprintf("I%d", i), Issued: issued, Due: issued.AddDays(next() % 90), Amount: amount()})
		}
		named := func() string {
			switch k := next() % 4; {
			case k == 0 && len(invs) > 0:
				return invs[next()%len(invs)].Number
			case k == 1:
				return "NOT-ON-FILE"
			}
			return ""
		}
		for i := range next() % 8 {
			pays = append(pays, Payment{Reference: fmt.Sprintf("P%d", i), Received: base.AddDays(next()), Amount: amount(), Invoice: named()})
		}
		for i := range next() % 4 {
			cns = append(cns, CreditNote{Number: fmt.Sprintf("C%d", i), Date: base.AddDays(next()), Amount: amount(), Reason: "other", Invoice: named()})
		}
		asOf := base.AddDays(next())
		got, err := PositionOf(&AccountFile{Account: Account{Code: "A", Currency: "NGN"}, Invoices: invs, Payments: pays, Credits: cns}, asOf)
		if err != nil {
			t.Fatal(err)
		}
		owed, settled, unapplied := referencePosition(invs, pays, cns, asOf)
		if !got.Unapplied.Equal(unapplied) || len(got.Items) != len(owed) {
			t.Fatalf("unapplied %s/%s items %d/%d", got.Unapplied, unapplied, len(got.Items), len(owed))
		}
		for _, it := range got.Items {
			n := it.Invoice.Number
			if !it.Outstanding.Equal(owed[n]) || it.SettledOn != settled[n] {
				t.Fatalf("%s: owed %s settled %s, want %s %s", n, it.Outstanding, it.SettledOn, owed[n], settled[n])
			}
		}
	})
}
