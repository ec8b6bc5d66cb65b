package report

import (
	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// money is an amount cell: domain.Plain for csv and json, grouped for the
// table, with its currency (whose places a workbook's number format shows).
func money(d decimal.Decimal, c domain.Currency) Cell {
	plain := domain.Plain(d, c)
	return Cell{Plain: plain, Human: domain.Grouped(plain), Cur: c}
}
