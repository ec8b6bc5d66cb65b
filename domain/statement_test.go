package domain

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// statementText is what a statement comes to, one fact a line, for
// comparing with a hand-computed expectation.
func statementText(s Statement) string {
	var b strings.Builder
	c := s.Currency
	w := func(parts ...string) { b.WriteString(strings.Join(parts, " ") + "\n") }
	w("since", s.Since.String())
	if s.HasContact {
		w("contact", s.Contact.Name)
	}
	for _, x := range s.Open {
		w("open", x.Number, Plain(x.Amount, c), Plain(x.Outstanding, c), itoa(x.DaysPastDue))
	}
	for _, x := range s.Credits {
		w("credit", x.On.String(), x.Kind, x.Reference, Plain(x.Amount, c), x.Invoice)
	}
	var buckets []string
	for _, a := range s.Aging.Buckets {
		buckets = append(buckets, Plain(a, c))
	}
	w("aging", strings.Join(buckets, "/"))
	w("total", Plain(s.Total(), c), "unapplied", Plain(s.Unapplied(), c), "due", Plain(s.TotalDue(), c))
	for _, p := range s.Promises {
		w("promise", p.DueOn.String(), Plain(p.Amount, c), Plain(p.Paid, c))
	}
	if s.Plan != nil {
		for _, in := range s.Plan.Instalments {
			w("instalment", in.Due.String(), Plain(in.Amount, c), in.Status)
		}
	}
	return b.String()
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

func TestStatementOf(t *testing.T) {
	set := DefaultSettings() // edges 30/60/90/120, promise grace 3 days
	asOf := MustDate("2026-06-30")
	xof := func(f *AccountFile) *AccountFile {
		f.Account.Currency = "XOF"
		for i := range f.Invoices {
			f.Invoices[i].Currency = "XOF"
		}
		for i := range f.Payments {
			f.Payments[i].Currency = "XOF"
		}
		return f
	}
	tests := []struct {
		name string
		f    *AccountFile
		want string
	}{
		{
			// Since = 2026-06-30 − 89 days = 2026-04-02.
			// P0 (03-20, 100, balance forward) pays I1 1000 → 900; P1 (04-15, 400) → I1 500.
			// C1 (06-01, 200, names I2) pays I2 500 → 300. I3 300 is not yet due.
			// I1 due 03-31: 06-30 − 03-31 = 91 days → 91–120. I2 due 05-31: 30 days → 1–30.
			// I3 due 07-20: −20 → current. Total 500 + 300 + 300 = 1100, unapplied 0, due 1100.
			// Listed credits: P1 and C1 (P0 is before 04-02).
			// Promise given 06-28 due 07-05, 500: deadline 07-08, no payment since 06-28 → open, paid 0.
			// Promise given 05-01 due 05-10, 100: no payment 05-01…05-13 → broken: not listed.
			// Plan agreed 06-01: no payment since → 06-15 200 missed (past), 07-15 300 pending.
			// The finance contact Ngozi is chosen over the primary (operations) one.
			name: "partial payment, credit note applied, open promise, plan",
			f: func() *AccountFile {
				f := file(
					[]Invoice{inv("I1", "2026-03-01", "2026-03-31", "1000"), inv("I2", "2026-05-01", "2026-05-31", "500"), inv("I3", "2026-06-20", "2026-07-20", "300")},
					[]Payment{pay("P0", "2026-03-20", "100", ""), pay("P1", "2026-04-15", "400", "")},
					[]CreditNote{cn("C1", "2026-06-01", "200", "I2")})
				f.Contacts = []Contact{{Account: "A", Name: "Chidi", Role: "operations", Primary: true}, {Account: "A", Name: "Ngozi", Role: "finance"}}
				f.Promises = []Promise{
					{ID: 1, Account: "A", Amount: d("500"), Currency: "NGN", GivenOn: MustDate("2026-06-28"), DueOn: MustDate("2026-07-05")},
					{ID: 2, Account: "A", Amount: d("100"), Currency: "NGN", GivenOn: MustDate("2026-05-01"), DueOn: MustDate("2026-05-10")},
				}
				f.Plans = []PaymentPlan{{ID: 1, Account: "A", Agreed: MustDate("2026-06-01"), Instalments: []Instalment{
					{Due: MustDate("2026-06-15"), Amount: d("200")}, {Due: MustDate("2026-07-15"), Amount: d("300")}}}}
				return f
			}(),
			want: "since 2026-04-02\ncontact Ngozi\n" +
				"open I1 1000.00 500.00 91\nopen I2 500.00 300.00 30\nopen I3 300.00 300.00 -20\n" +
				"credit 2026-04-15 payment P1 400.00 \ncredit 2026-06-01 credit note C1 200.00 I2\n" +
				"aging 300.00/300.00/0.00/0.00/500.00/0.00\n" +
				"total 1100.00 unapplied 0.00 due 1100.00\n" +
				"promise 2026-07-05 500.00 0.00\n" +
				"instalment 2026-06-15 200.00 missed\ninstalment 2026-07-15 300.00 pending\n",
		},
		{
			// P1 1250 (06-10) pays I1 1000 in full; 250 is left over: unapplied.
			// Nothing open, total 0, due 0 − 250 = −250 (the customer is in credit).
			// I2 is issued after the as-of date: it does not exist yet.
			// The plan was paid (P1 1250 ≥ 200 by 06-15): kept, so no plan in force.
			name: "unapplied credit",
			f: func() *AccountFile {
				f := file([]Invoice{inv("I1", "2026-05-01", "2026-05-31", "1000"), inv("I2", "2026-07-05", "2026-08-04", "700")},
					[]Payment{pay("P1", "2026-06-10", "1250", "")}, nil)
				f.Plans = []PaymentPlan{{ID: 1, Account: "A", Agreed: MustDate("2026-06-01"), Instalments: []Instalment{{Due: MustDate("2026-06-15"), Amount: d("200")}}}}
				return f
			}(),
			want: "since 2026-04-02\ncredit 2026-06-10 payment P1 1250.00 \n" +
				"aging 0.00/0.00/0.00/0.00/0.00/0.00\ntotal 0.00 unapplied 250.00 due -250.00\n",
		},
		{
			// Plan 1 (500 due 06-15, missed) was replaced on 06-20 by plan 2
			// (1000 due 07-10): only the open plan 2 is in force.
			name: "replaced plan",
			f: func() *AccountFile {
				f := file([]Invoice{inv("I1", "2026-05-01", "2026-05-31", "1000")}, nil, nil)
				f.Plans = []PaymentPlan{
					{ID: 1, Account: "A", Agreed: MustDate("2026-06-01"), Closed: MustDate("2026-06-20"), Instalments: []Instalment{{Due: MustDate("2026-06-15"), Amount: d("500")}}},
					{ID: 2, Account: "A", Agreed: MustDate("2026-06-20"), Instalments: []Instalment{{Due: MustDate("2026-07-10"), Amount: d("1000")}}},
				}
				return f
			}(),
			want: "since 2026-04-02\nopen I1 1000.00 1000.00 30\n" +
				"aging 0.00/1000.00/0.00/0.00/0.00/0.00\ntotal 1000.00 unapplied 0.00 due 1000.00\n" +
				"instalment 2026-07-10 1000.00 pending\n",
		},
		{
			// A closed plan with no successor is in force no longer.
			name: "closed plan",
			f: func() *AccountFile {
				f := file([]Invoice{inv("I1", "2026-05-01", "2026-05-31", "1000")}, nil, nil)
				f.Plans = []PaymentPlan{{ID: 1, Account: "A", Agreed: MustDate("2026-06-01"), Closed: MustDate("2026-06-20"),
					Instalments: []Instalment{{Due: MustDate("2026-07-15"), Amount: d("500")}}}}
				return f
			}(),
			want: "since 2026-04-02\nopen I1 1000.00 1000.00 30\n" +
				"aging 0.00/1000.00/0.00/0.00/0.00/0.00\ntotal 1000.00 unapplied 0.00 due 1000.00\n",
		},
		{
			// XOF has no decimals: T1 150001 less TP1 50001 → 100000, 30 days (05-31 → 06-30) → 1–30.
			name: "XOF",
			f: xof(file([]Invoice{inv("T1", "2026-05-01", "2026-05-31", "150001")},
				[]Payment{pay("TP1", "2026-06-01", "50001", "")}, nil)),
			want: "since 2026-04-02\nopen T1 150001 100000 30\ncredit 2026-06-01 payment TP1 50001 \n" +
				"aging 0/100000/0/0/0/0\ntotal 100000 unapplied 0 due 100000\n",
		},
		{
			// An account with nothing: no contact, nothing open, every figure 0.
			name: "nothing open",
			f:    file(nil, nil, nil),
			want: "since 2026-04-02\naging 0.00/0.00/0.00/0.00/0.00/0.00\ntotal 0.00 unapplied 0.00 due 0.00\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := StatementOf(tt.f, set, asOf)
			if err != nil {
				t.Fatal(err)
			}
			if got := statementText(st); got != tt.want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			// The total due is the aging's net, which PositionOf gives too.
			pos, _ := PositionOf(tt.f, asOf)
			if !st.TotalDue().Equal(pos.Net()) {
				t.Fatalf("total due %s, position net %s", st.TotalDue(), pos.Net())
			}
		})
	}
}

func TestStatementContact(t *testing.T) {
	// Finance first (the primary one among them), else the primary, else the first.
	tests := []struct {
		cs   []Contact
		want string
	}{
		{nil, ""},
		{[]Contact{{Name: "a"}, {Name: "b"}}, "a"},
		{[]Contact{{Name: "a"}, {Name: "b", Primary: true}}, "b"},
		{[]Contact{{Name: "a", Primary: true}, {Name: "f", Role: "finance"}}, "f"},
		{[]Contact{{Name: "f1", Role: "finance"}, {Name: "f2", Role: "finance", Primary: true}}, "f2"},
	}
	for _, tt := range tests {
		c, _ := StatementContact(tt.cs)
		if c.Name != tt.want {
			t.Errorf("%v: got %q, want %q", tt.cs, c.Name, tt.want)
		}
	}
}
