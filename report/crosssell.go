package report

import (
	"slices"
	"strings"

	"acctdesk/domain"
)

// Cross-sell (SPEC §10.5): every account not churned, by code, with the
// products invoiced to it in the 12 months ending the date (domain's
// ProductsAt), whether that is one product, a column per product the book
// has sold (ever, by the date: the columns depend on the book), and its
// expansion notes. From facts: the ledger's lines.

// crossSellPart is what the report keeps of an account: its row (when it
// is shown) and the products it was ever sold (the book's columns).
type crossSellPart struct {
	row      bool
	code     string
	products []string
	notes    string
	ever     []string
}

func crossSellAccount(in Input, set domain.Settings, x *domain.Facts) any {
	p := &crossSellPart{ever: domain.BookProducts([]*domain.Ledger{&x.Ledger}, in.AsOf)}
	if in.skip(x) || x.Account.Status == domain.StatusChurned {
		return p
	}
	p.row, p.code, p.notes = true, x.Account.Code, x.Account.ExpansionNotes
	p.products = x.Ledger.ProductsAt(in.AsOf)
	return p
}

func crossSellTable(in Input, set domain.Settings, parts []any) *Table {
	var sold []string
	for _, part := range parts {
		if p, ok := part.(*crossSellPart); ok {
			sold = append(sold, p.ever...)
		}
	}
	slices.Sort(sold)
	sold = slices.Compact(sold)
	t := &Table{Columns: []Column{{"account", Text, ""}, {"products", Text, ""}, {"single_product", Text, ""}}}
	for _, s := range sold {
		t.Columns = append(t.Columns, Column{Key: s, Kind: Text, Title: s})
	}
	t.Columns = append(t.Columns, Column{"expansion_notes", Text, ""})
	for _, part := range parts {
		p, ok := part.(*crossSellPart)
		if !ok || !p.row {
			continue
		}
		single := "no"
		if len(p.products) == 1 {
			single = "yes"
		}
		row := []Cell{T(p.code), T(strings.Join(p.products, ";")), T(single)}
		for _, s := range sold {
			mark := ""
			if _, found := slices.BinarySearch(p.products, s); found {
				mark = "yes"
			}
			row = append(row, T(mark))
		}
		t.Rows = append(t.Rows, append(row, T(p.notes)))
	}
	return t
}

func init() {
	docs["cross-sell"] = doc{"every account not churned, by code, with the products invoiced to it in the 12 months ending " +
		"the date (issued from the date − 364 to the date); between single_product and expansion_notes, one column per product " +
		"the book has sold (ever, by the date), by name, so the columns follow the book", map[string]string{
		"account": "the account's code", "products": "the products invoiced to it in the 12 months, by name, ;-separated (an invoice without a product names none)",
		"single_product":  "yes when that is exactly one product, else no (none is no)",
		"expansion_notes": "the account's expansion notes",
	}}
}
