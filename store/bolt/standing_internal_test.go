package bolt

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"acctdesk/domain"
)

// TestPositionAtMatchesStanding: the report decoder (positionAt) gives what
// decoding the whole standing and asking it gives, for dates at and after the
// horizon and periods inside the window, and refuses the dates it does not cover.
func TestPositionAtMatchesStanding(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	c := codecCases[0]
	for _, cc := range codecCases {
		if cc.name == "standing" {
			c = cc
		}
	}
	a := domain.Account{Code: "ACME", Currency: "NGN", Owner: "ada"}
	for range 3000 {
		st := c.make(r).(domain.Standing)
		val := appendStanding(nil, &st)
		for _, k := range []int{-1, 0, 1, 40, 500} {
			asOf := st.Horizon.AddDays(k)
			for _, period := range []int{1, 30, 90, domain.SalesWindow, domain.SalesWindow + 1} {
				got, ok, err := positionAt(val, a, asOf, period, testIn)
				if err != nil {
					t.Fatal(err)
				}
				if ok != st.Covers(asOf, period) {
					t.Fatalf("covers %v, want %v", ok, !ok)
				}
				if !ok {
					continue
				}
				want := st.AccountPosition(a, asOf, period)
				if showPosition(got) != showPosition(want) || !got.Position.Total.Equal(want.Position.Total) || !got.Sales.Equal(want.Sales) {
					t.Fatalf("as of %s period %d:\n got %+v\nwant %+v", asOf, period, got, want)
				}
			}
		}
	}
}

// TestTermsDecoders: the decoders a standing reads documents with give the
// fields it needs exactly as the full decoders do.
func TestTermsDecoders(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	find := func(name string) codecCase {
		for _, c := range codecCases {
			if c.name == name {
				return c
			}
		}
		t.Fatalf("no codec case %s", name)
		return codecCase{}
	}
	inv, pay, cn := find("invoice"), find("payment"), find("credit")
	for range 2000 {
		x := inv.make(r).(domain.Invoice)
		got, err := decodeInvoiceTerms([]byte(x.Number), appendInvoice(nil, &x), testIn)
		if err != nil || got.Number != x.Number || got.Issued != x.Issued || got.Due != x.Due || !got.Amount.Equal(x.Amount) || got.Amount.Exponent() != x.Amount.Exponent() {
			t.Fatalf("invoice %+v: got %+v, %v", x, got, err)
		}
		p := pay.make(r).(domain.Payment)
		gp, err := decodePaymentTerms([]byte(p.Reference), appendPayment(nil, &p), testIn)
		if err != nil || gp.Reference != p.Reference || gp.Received != p.Received || !gp.Amount.Equal(p.Amount) || gp.Invoice != p.Invoice {
			t.Fatalf("payment %+v: got %+v, %v", p, gp, err)
		}
		c := cn.make(r).(domain.CreditNote)
		gc, err := decodeCreditTerms([]byte(c.Number), appendCredit(nil, &c), testIn)
		if err != nil || gc.Number != c.Number || gc.Date != c.Date || !gc.Amount.Equal(c.Amount) || gc.Invoice != c.Invoice {
			t.Fatalf("credit note %+v: got %+v, %v", c, gc, err)
		}
	}
}

// showPosition prints an account position with its invoices, not their addresses.
func showPosition(ap domain.AccountPosition) string {
	out := fmt.Sprintf("%+v %s %s %s %s|", ap.Account, ap.Position.AsOf, ap.Position.Total, ap.Position.Unapplied, ap.Sales)
	for _, it := range ap.Position.Items {
		out += fmt.Sprintf("%+v %s %d %s|", *it.Invoice, it.Outstanding, it.DaysPastDue, it.SettledOn)
	}
	return out
}
