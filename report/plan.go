package report

import (
	"cmp"
	"slices"
	"strings"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// Plan (SPEC §11.2): the sales plan (import targets) against what was
// invoiced, per account, product and month: one row per target whose month
// overlaps the period (--period, default 12m, up to the as-of date). The
// actual is what the account was invoiced in that whole month for the
// target's product (for every product when the target names none), up to
// the as-of date: the month running is compared so far. A target without a
// quantity (or without an amount) shows that side empty, and its variance
// too. Sales without a target are not listed. By account, product, then
// month.

type planLine struct {
	t              domain.Target
	actualQuantity decimal.Decimal
	actualAmount   decimal.Decimal
}

func planAccount(in Input, set domain.Settings, x *domain.Facts) any {
	from, to, ok := in.span()
	if in.skip(x) || !ok || len(x.Targets) == 0 {
		return nil
	}
	l := &x.Ledger
	lines := len(l.Lines) == len(l.Invoices) // the ledger's products and quantities
	var out []planLine
	for _, t := range x.Targets {
		first, last := t.Month.MonthStart(), monthEnd(t.Month)
		if first > to || last < from {
			continue
		}
		last = min(last, in.AsOf)
		var amount, qty domain.Sum
		for i, inv := range l.Invoices {
			if inv.Issued < first || inv.Issued > last {
				continue
			}
			if t.Product != "" && (!lines || l.InvoiceProduct(i) != t.Product) {
				continue
			}
			amount.AddInt(inv.Amount, l.Exp)
			if lines && l.Lines[i].Quantity != 0 {
				qty.AddInt(l.Lines[i].Quantity, l.QtyExp)
			}
		}
		out = append(out, planLine{t, qty.Decimal(), amount.Decimal()})
	}
	slices.SortFunc(out, func(a, b planLine) int {
		return cmp.Or(strings.Compare(a.t.Product, b.t.Product), cmp.Compare(a.t.Month, b.t.Month))
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

func planTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"product", Text, ""}, {"month", Text, ""},
		{"target_quantity", Number, ""}, {"actual_quantity", Number, ""}, {"quantity_variance_pct", Percent, ""},
		{"target_amount", Money, ""}, {"actual_amount", Money, ""}, {"amount_variance_pct", Percent, ""}, {"currency", Text, ""}}}
	for _, part := range parts {
		lines, _ := part.([]planLine)
		for _, p := range lines {
			cur := p.t.Currency
			product := T(p.t.Product)
			if p.t.Product == "" {
				product.Human = "(all)"
			}
			tq, ta := T(""), T("")
			if !p.t.Quantity.IsZero() {
				tq = qtyCell(p.t.Quantity)
			}
			if !p.t.Amount.IsZero() {
				ta = money(p.t.Amount, cur)
			}
			t.Rows = append(t.Rows, []Cell{T(p.t.Account), product, T(domain.MonthName(p.t.Month)),
				tq, qtyCell(p.actualQuantity), varianceCell(p.actualQuantity, p.t.Quantity),
				ta, money(p.actualAmount, cur), varianceCell(p.actualAmount, p.t.Amount), T(string(cur))})
		}
	}
	return t
}

func init() {
	docs["plan"] = doc{"the sales plan (import targets) against what was invoiced: one row per target whose month overlaps --period " +
		"(default 12m, up to the as-of date); the actual is the whole month's invoices up to the as-of date (the month running, so " +
		"far); sales without a target are not listed; by account, product, then month", map[string]string{
		"account":               "the account's code",
		"product":               "the target's product; empty (all in the table) for a target of the whole account, compared with every product's sales",
		"month":                 "the target's month, 2026-11",
		"target_quantity":       "the quantity planned; empty when the target gives none",
		"actual_quantity":       "the quantity invoiced in the month (by issue date), up to the as-of date",
		"quantity_variance_pct": "(actual_quantity − target_quantity) ÷ target_quantity × 100, one decimal; empty without a target quantity",
		"target_amount":         "the amount planned; empty when the target gives none",
		"actual_amount":         "the amount invoiced in the month, up to the as-of date",
		"amount_variance_pct":   "(actual_amount − target_amount) ÷ target_amount × 100, one decimal; empty without a target amount",
		"currency":              "the account's currency",
	}}
}
