package report

import (
	"acctdesk/domain"
)

// Rebates (SPEC §10.4): for each contract with a rebate scheme, one row per
// calendar period of the scheme (a month or a quarter) that overlaps both
// the contract and --period (default 12m), leaving out periods that start
// after the date; the basis counts the invoices issued in the period within
// the contract's dates and on or before the date (domain.ContractRebates).
// Rows by account, then contract, then period (oldest first).

// period is the report's period: Period, or the 12 months ending AsOf.
func (in Input) period() domain.Period {
	if in.Period.From.IsZero() {
		p, _ := domain.ParsePeriod("12m", in.AsOf)
		return p
	}
	return in.Period
}

func rebatesPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) || len(x.Contracts) == 0 {
		return nil
	}
	lines := domain.AccountRebates(x, in.period(), in.AsOf)
	if len(lines) == 0 {
		return nil
	}
	return lines
}

func rebatesTable(in Input, set domain.Settings, parts []any) *Table {
	var lines []domain.RebateLine
	for _, p := range parts {
		if l, ok := p.([]domain.RebateLine); ok {
			lines = append(lines, l...)
		}
	}
	return RebatesTable(lines)
}

// RebatesTable is rebate lines as the rebates report prints them (the
// rebate command prints one account's this way too): the tier is its
// threshold and the rate as the scheme writes them (1%, 1.50/unit), both
// empty when the basis is below every threshold; the basis value is a
// quantity as it adds up, or an amount with the currency's places.
func RebatesTable(lines []domain.RebateLine) *Table {
	t := &Table{Name: "rebates", Columns: []Column{{"account", Text, ""}, {"contract", Text, ""}, {"period", Text, ""},
		{"basis_value", Number, "BASIS"}, {"invoiced", Money, ""}, {"tier", Number, ""}, {"rate", Text, ""},
		{"rebate", Money, ""}, {"credited", Money, ""}, {"due", Money, ""}, {"currency", Text, ""}}}
	for _, r := range lines {
		c := r.Currency
		value := domain.Plainest(r.Value).String()
		if r.Basis == domain.RebateAmount {
			value = domain.Plain(r.Value, c)
		}
		tier, rate := T(""), T("")
		if r.HasTier {
			tier, rate = T(r.Tier.ThresholdText()), T(r.Tier.RateText())
			tier.Human = domain.Grouped(tier.Plain)
		}
		t.Rows = append(t.Rows, []Cell{T(r.Account), T(r.Contract), T(r.Period), {Plain: value, Human: domain.Grouped(value)},
			money(r.Invoiced, c), tier, rate, money(r.Rebate, c), money(r.Credited, c), money(r.Due, c), T(string(c))})
	}
	return t
}

func init() {
	docs["rebates"] = doc{"each contract's rebate for every calendar period of its scheme (a month or a quarter) that overlaps both the " +
		"contract and --period (default 12m), leaving out periods that start after the date (and contracts not started by then); by account, contract, then period", map[string]string{
		"account": "the account's code", "contract": "the contract's number",
		"period":      "the scheme's calendar period: 2026-11 (a month) or 2026-Q3 (a quarter)",
		"basis_value": "what the thresholds count: the quantity (or the amount) invoiced in the period, within the contract's dates and on or before the date",
		"invoiced":    "the amount invoiced in the period, counted as the basis is",
		"tier":        "the threshold of the tier reached (the highest at or below basis_value), as the scheme writes it; empty when below every threshold",
		"rate":        "the tier's rate as the scheme writes it: a percentage of invoiced (1%) or an amount per unit of the quantity (1.50/unit)",
		"rebate":      "the rate × invoiced (a percentage) or × the quantity (per unit), on all units, rounded half away from zero to the currency's places",
		"credited":    "what rebate credit notes RB-<contract>-<period> (and RB-<contract>-<period>-2, …) dated on or before the date gave",
		"due":         "rebate − credited: what acctdesk rebate ACCOUNT --period P --apply would credit",
		"currency":    "the account's currency",
	}}
}
