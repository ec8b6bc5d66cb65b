package ui

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
)

// dashBook is the sample book with 14 months of trading on four of its
// naira accounts, so that every chart of the dashboard has a year to show:
// each month an invoice due 30 days later, paid 20 to 75 days after it was
// due (the later the account, the later), the last months' not yet; and
// promises kept, partly kept and broken.
func dashBook() *memstore.Store {
	d := domain.MustDate
	files := sample.Files()
	late := map[string]int{"ACC004": 5, "ACC007": 20, "ACC010": 40, "ACC012": 70}
	for _, f := range files {
		lag, ok := late[f.Account.Code]
		if !ok {
			continue
		}
		code := f.Account.Code
		for m := 0; m < 14; m++ {
			issued := d("2025-09-05").AddMonths(m)
			amount := decimal.NewFromInt(int64(2_000_000 + 250_000*((m*7+lag)%9)))
			num := fmt.Sprintf("H-%s-%02d", code, m)
			f.Invoices = append(f.Invoices, domain.Invoice{Account: code, Number: num, Issued: issued, Due: issued.AddDays(30),
				Amount: amount, Currency: "NGN", Product: "AGO"})
			if paid := issued.AddDays(30 + lag + 3*(m%4)); paid <= sample.AsOf {
				f.Payments = append(f.Payments, domain.Payment{Account: code, Reference: "HP-" + num, Received: paid,
					Amount: amount, Currency: "NGN", Invoice: num})
			}
		}
	}
	return memstore.From(sample.Settings(), files)
}

func TestDashPrint(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		m := loadedOn(t, dashBook(), sz[0], sz[1])
		press(m, "5")
		fmt.Println(m.View())
	}
}

func TestReportsPrint(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		m := loadedOn(t, dashBook(), sz[0], sz[1])
		press(m, "8")
		fmt.Println(m.View())
		press(m, "j", "enter")
		fmt.Println(m.View())
		press(m, "right", "right", "j")
		fmt.Println(m.View())
	}
}
