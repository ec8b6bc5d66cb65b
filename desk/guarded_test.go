package desk

import (
	"testing"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// interleaved is a book where another desk's write lands between this
// desk's read of an account and its write, once: two processes at once.
type interleaved struct {
	store.Store
	meanwhile func()
}

func (s *interleaved) LoadAccount(code string) (*domain.AccountFile, error) {
	f, err := s.Store.LoadAccount(code)
	if m := s.meanwhile; m != nil {
		s.meanwhile = nil
		m()
	}
	return f, err
}

// Two leads decide OKAF01's limit at once: 10M → 12M by one while the
// other's 10M → 11M is being worked out. The second reads again, so its
// decision is 12M → 11M, the account ends at 11M, and the trail chains
// 10M → 12M → 11M (it recorded 10M → 11M over the first's work, and the
// account could disagree with the last decision).
func TestCreditDecisionsAtOnce(t *testing.T) {
	base := creditBook(t)
	other := New(base.Store(), Options{AsOf: asOf})
	st := &interleaved{Store: base.Store()}
	d := New(st, Options{AsOf: asOf})
	limit := func(s string) domain.CreditChange {
		return domain.CreditChange{SetLimit: true, Limit: decimal.RequireFromString(s), Reason: "volumes"}
	}
	st.meanwhile = func() {
		if _, err := other.Credit(bisi, "OKAF01", limit("12000000"), false); err != nil {
			t.Fatal(err)
		}
	}
	got, err := d.Credit(bisi, "OKAF01", limit("11000000"), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Decisions) != 1 || got.Decisions[0].Old.String() != "12000000" || got.Decisions[0].New.String() != "11000000" {
		t.Fatalf("the second decision: %+v", got.Decisions)
	}
	f, err := base.Store().LoadAccount("OKAF01")
	if err != nil {
		t.Fatal(err)
	}
	var chain []string
	for _, x := range f.Decisions {
		chain = append(chain, x.Old.String()+"→"+x.New.String())
	}
	if f.Account.CreditLimit.String() != "11000000" || len(chain) != 2 || chain[0] != "10000000→12000000" || chain[1] != "12000000→11000000" {
		t.Fatalf("limit %s, decisions %v", f.Account.CreditLimit, chain)
	}
}
