package desk

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// MarginRates are the book's margin rates per product, in per cent of the
// invoiced amount (the Book pane's margin proxy, SPEC §3).
func (d *Desk) MarginRates() (map[string]decimal.Decimal, error) {
	set, err := d.st.Settings()
	if err != nil {
		return nil, err
	}
	return maps.Clone(set.MarginRates), nil
}

// SetMarginRates sets the margin rates of some products (a lead's right, as
// the book's settings are): a rate per product, nil to remove a product's
// rate; the other products keep theirs. A product is spelt as the book's
// invoices spell it when it differs only in case. It returns the rates in
// force after.
func (d *Desk) SetMarginRates(ctx context.Context, rates map[string]*decimal.Decimal) (map[string]decimal.Decimal, error) {
	if err := permit(ctx, Lead, "changing the book settings"); err != nil {
		return nil, err
	}
	known, err := d.products()
	if err != nil {
		return nil, err
	}
	names := slices.Sorted(maps.Keys(rates))
	set, err := d.updateSettings(ctx, func(set *domain.Settings) error {
		next := maps.Clone(set.MarginRates)
		if next == nil {
			next = map[string]decimal.Decimal{}
		}
		for _, p := range names {
			r := rates[p]
			name := strings.TrimSpace(p)
			if err := domain.CheckText(name, true, 40); err != nil {
				return fieldError("product", fmt.Sprintf("%q %v", p, err))
			}
			name = speltAs(name, keys(next), known)
			if r == nil {
				delete(next, name)
				continue
			}
			next[name] = *r
		}
		set.MarginRates = next
		if len(next) == 0 {
			set.MarginRates = nil
		}
		return nil
	})
	if err != nil {
		return nil, err // a refusal names the product
	}
	return maps.Clone(set.MarginRates), nil
}

// products are the products the book's invoices name, from the view when
// there is one, else from every account's facts.
func (d *Desk) products() ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(ps []string) {
		for _, p := range ps {
			if p != "" && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	if v := d.Current(); v != nil {
		for i := range v.Sums {
			add(v.Sums[i].Facts.Ledger.Products)
		}
		return out, nil
	}
	sc, err := Scan(d.st, func(_ domain.Settings, x *domain.Facts) []string { return x.Ledger.Products })
	if err != nil {
		return nil, err
	}
	for _, ps := range sc.Results {
		add(ps)
	}
	return out, nil
}

// Products are the products the book's invoices name, sorted.
func (d *Desk) Products() ([]string, error) {
	ps, err := d.products()
	sort.Strings(ps)
	return ps, err
}

func keys(m map[string]decimal.Decimal) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// speltAs is name as the first of the known spellings that differs from it
// only in case (one product, one segment, one spelling), else name.
func speltAs(name string, known ...[]string) string {
	for _, ks := range known {
		for _, k := range ks {
			if strings.EqualFold(k, name) {
				return k
			}
		}
	}
	return name
}
