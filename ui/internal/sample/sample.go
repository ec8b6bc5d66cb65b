// Package sample is the workstation's test fixture: a small hand-built book
// with one of every situation the pages show, and a generated big one for
// the benchmarks, each in an in-memory store.
package sample

import (
	"time"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/store/memstore"
)

// AsOf is the business date the sample book is built around (a Tuesday).
var AsOf = domain.MustDate("2026-11-17")

func d(s string) domain.Date           { return domain.MustDate(s) }
func amt(s string) decimal.Decimal     { return decimal.RequireFromString(s) }
func at(s string) time.Time            { t, _ := time.Parse("2006-01-02 15:04", s); return t }
func by(who, when string) domain.Stamp { return domain.Stamp{By: who, At: at(when)} }

// Settings are the sample book's settings.
func Settings() domain.Settings {
	s := domain.DefaultSettings()
	s.Name = "Lagos fuel book"
	s.Users = []string{"ada", "bola", "chidi"}
	return s
}

func inv(acct, num, issued, due, amount string, cur domain.Currency, product string) domain.Invoice {
	return domain.Invoice{Account: acct, Number: num, Issued: d(issued), Due: d(due), Amount: amt(amount), Currency: cur, Product: product}
}

func pay(acct, ref, on, amount string, cur domain.Currency) domain.Payment {
	return domain.Payment{Account: acct, Reference: ref, Received: d(on), Amount: amt(amount), Currency: cur}
}

// Files are a small hand-built book with one of every situation the pages
// show: a broken promise, a promise due tomorrow, a missed plan instalment, a
// credit breach and a warning, an expiring overdraft, a late go-live, a
// disputed invoice, unapplied cash, a due follow-up, an overdue escalation, a
// service issue near its SLA, a contract ending soon, three currencies, a
// long name with combining accents and a name in CJK.
func Files() []*domain.AccountFile {
	var out []*domain.AccountFile
	add := func(f *domain.AccountFile) { out = append(out, f) }

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC001", Name: "Dangote Haulage Ltd", Tier: 1, Segment: "haulage", Owner: "Ada Obi",
			Status: domain.StatusActive, OpenedOn: d("2023-01-10"), LiveOn: d("2023-01-20"), Terms: "term", TermsDays: 30,
			Currency: "NGN", CreditLimit: amt("50000000"), Products: []string{"AGO", "PMS", "Rescue"}},
		Contacts: []domain.Contact{
			{Account: "ACC001", Name: "Tunde Bakare", Role: "procurement", Phone: "+234 803 555 0101"},
			{Account: "ACC001", Name: "Ngozi Eze", Role: "finance", Primary: true, Phone: "+234 803 555 0102", Email: "ngozi@dangote-haulage.ng"},
		},
		Contracts: []domain.Contract{{Account: "ACC001", ID: "K-2024-01", Start: d("2024-12-09"), End: d("2026-12-08"), NoticeDays: 30, SLA: "AGO within 48h of order", Status: "active"}},
		Invoices: []domain.Invoice{
			inv("ACC001", "INV-1001", "2026-08-01", "2026-08-31", "12000000", "NGN", "AGO"),
			inv("ACC001", "INV-1002", "2026-09-15", "2026-10-15", "18500000", "NGN", "AGO"),
			inv("ACC001", "INV-1003", "2026-10-20", "2026-11-19", "22000000", "NGN", "PMS"),
		},
		Payments: []domain.Payment{pay("ACC001", "PAY-1001", "2026-09-20", "5000000", "NGN")},
		Activities: []domain.Activity{
			{ID: 1, Account: "ACC001", On: d("2026-10-06"), Kind: "visit", Contact: "Tunde Bakare", Text: "Site visit, new depot in Apapa", Stamp: by("ada", "2026-10-06 15:00")},
			{ID: 2, Account: "ACC001", On: d("2026-11-03"), Kind: "call", Outcome: "promise", Contact: "Ngozi Eze", Text: "Will pay part of INV-1001 after month-end", NextFollow: d("2026-11-11"), Stamp: by("ada", "2026-11-03 10:12")},
		},
		Promises:  []domain.Promise{{ID: 3, Account: "ACC001", Amount: amt("4200000"), Currency: "NGN", GivenOn: d("2026-11-03"), DueOn: d("2026-11-10"), Activity: 2, Contact: "Ngozi Eze", Stamp: by("ada", "2026-11-03 10:12")}},
		FollowUps: []domain.FollowUp{{ID: 4, Account: "ACC001", Due: d("2026-11-11"), Reason: "follow-up", Source: "manual", Status: domain.FollowOpen, Activity: 2}},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC002", Name: "Ọ̀yọ́ Transport & Logistics Coöperative Society of Nigeria Limited", Tier: 2, Owner: "Bola Ade",
			Status: domain.StatusActive, OpenedOn: d("2022-05-01"), LiveOn: d("2022-05-10"), Terms: "term", TermsDays: 30,
			Currency: "NGN", CreditLimit: amt("10000000"), Products: []string{"AGO"}},
		Contacts: []domain.Contact{
			{Account: "ACC002", Name: "Femi Adeyemi", Role: "operations", Primary: true},
			{Account: "ACC002", Name: "Emeka Obi", Role: "finance", Phone: "+234 802 555 0199"},
		},
		Invoices: []domain.Invoice{
			inv("ACC002", "INV-2001", "2026-09-01", "2026-10-01", "6000000", "NGN", "AGO"),
			inv("ACC002", "INV-2002", "2026-10-10", "2026-11-09", "5200000", "NGN", "AGO"),
		},
		Activities: []domain.Activity{{ID: 10, Account: "ACC002", On: d("2026-10-06"), Kind: "call", Outcome: "reached", Contact: "Emeka Obi", Text: "Asked for statement", Stamp: by("bola", "2026-10-06 11:00")}},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC003", Name: "Sahel Fleet Services SARL", Tier: 2, Owner: "Ada Obi",
			Status: domain.StatusActive, OpenedOn: d("2021-03-01"), LiveOn: d("2021-03-15"), Terms: "term", TermsDays: 45,
			Currency: "XOF", Products: []string{"Fleet", "AGO"}},
		Contacts: []domain.Contact{{Account: "ACC003", Name: "Aminata Diallo", Role: "finance", Primary: true, Email: "a.diallo@sahelfleet.sn"}},
		Invoices: []domain.Invoice{inv("ACC003", "INV-3001", "2026-06-01", "2026-07-16", "25000000", "XOF", "Fleet")},
		Payments: []domain.Payment{pay("ACC003", "PAY-3001", "2026-10-02", "5000000", "XOF")},
		Plans: []domain.PaymentPlan{{ID: 30, Account: "ACC003", Agreed: d("2026-09-01"), Instalments: []domain.Instalment{
			{Due: d("2026-10-01"), Amount: amt("5000000")}, {Due: d("2026-11-01"), Amount: amt("5000000")}, {Due: d("2026-12-01"), Amount: amt("15000000")},
		}}},
		Activities: []domain.Activity{
			{ID: 31, Account: "ACC003", On: d("2026-11-05"), Kind: "email", Contact: "Aminata Diallo", Text: "Sent the plan reminder", Stamp: by("ada", "2026-11-05 09:00")},
			{ID: 32, Account: "ACC003", On: d("2026-11-06"), Kind: "escalation", Text: "Escalated to legal (high, overdue): plan instalment 2 unpaid", Stamp: by("ada", "2026-11-06 16:40")},
		},
		Escalations: []domain.Escalation{{ID: 33, Account: "ACC003", Opened: d("2026-11-06"), Category: "overdue", Severity: "high", To: "legal", Summary: "Plan instalment 2 unpaid", Due: d("2026-11-10"), Status: "open", Stamp: by("ada", "2026-11-06 16:40")}},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC004", Name: "Kano Agro Mills", Tier: 3, Owner: "Chidi Nwosu",
			Status: domain.StatusActive, OpenedOn: d("2024-02-01"), LiveOn: d("2024-02-10"), Terms: "term", TermsDays: 30,
			Currency: "NGN", CreditLimit: amt("5000000"), Products: []string{"PMS"}},
		Contacts:   []domain.Contact{{Account: "ACC004", Name: "Musa Garba", Role: "finance"}},
		Invoices:   []domain.Invoice{inv("ACC004", "INV-4001", "2026-11-05", "2026-12-05", "1250000.50", "NGN", "PMS")},
		Activities: []domain.Activity{{ID: 40, Account: "ACC004", On: d("2026-11-10"), Kind: "call", Outcome: "call-back", Contact: "Musa Garba", Text: "Call back on Monday about volumes", NextFollow: d("2026-11-16"), Stamp: by("chidi", "2026-11-10 14:20")}},
		FollowUps:  []domain.FollowUp{{ID: 41, Account: "ACC004", Due: d("2026-11-16"), Reason: "call back about volumes", Source: "manual", Status: domain.FollowOpen, Activity: 40}},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC005", Name: "Abuja Logistics Partners", Tier: 1, Owner: "Bola Ade",
			Status: domain.StatusActive, OpenedOn: d("2020-01-01"), LiveOn: d("2020-01-05"), Terms: "term", TermsDays: 30,
			Currency: "NGN", CreditLimit: amt("20000000"), Products: []string{"AGO", "PMS", "Rescue", "Fleet"}},
		Contacts: []domain.Contact{{Account: "ACC005", Name: "Halima Yusuf", Role: "finance", Primary: true}},
		Invoices: []domain.Invoice{
			inv("ACC005", "INV-5001", "2026-10-01", "2026-10-31", "3400000", "NGN", "AGO"),
			inv("ACC005", "INV-5002", "2026-11-01", "2026-12-01", "2000000", "NGN", "Rescue"),
		},
		Activities: []domain.Activity{{ID: 50, Account: "ACC005", On: d("2026-11-12"), Kind: "call", Outcome: "promise", Contact: "Halima Yusuf", Text: "Transfer on Wednesday", Stamp: by("bola", "2026-11-12 10:05")}},
		Promises:   []domain.Promise{{ID: 51, Account: "ACC005", Amount: amt("3400000"), Currency: "NGN", GivenOn: d("2026-11-12"), DueOn: d("2026-11-18"), Activity: 50, Contact: "Halima Yusuf"}},
		Issues:     []domain.ServiceIssue{{ID: 52, Account: "ACC005", Kind: "late-delivery", Opened: d("2026-11-14"), SLADeadline: d("2026-11-17"), Owner: "ops desk", Status: "open"}},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC006", Name: "東京商事 Tokyo Trading KK", Tier: 2, Owner: "Chidi Nwosu",
			Status: domain.StatusActive, OpenedOn: d("2022-07-01"), LiveOn: d("2022-07-01"), Terms: "term", TermsDays: 60,
			Currency: "USD", CreditLimit: amt("200000"), Products: []string{"AGO"}},
		Contacts:  []domain.Contact{{Account: "ACC006", Name: "Kenji Sato", Role: "finance", Primary: true}},
		Contracts: []domain.Contract{{Account: "ACC006", ID: "K-TT-2025", Start: d("2025-07-01"), End: d("2027-06-30"), NoticeDays: 60, Status: "active"}},
		Invoices: []domain.Invoice{
			inv("ACC006", "INV-6001", "2026-07-15", "2026-09-13", "84000", "USD", "AGO"),
			inv("ACC006", "INV-6002", "2026-09-20", "2026-11-19", "42500", "USD", "AGO"),
		},
		Credits:    []domain.CreditNote{{Account: "ACC006", Number: "CN-6001", Date: d("2026-10-01"), Amount: amt("4000"), Currency: "USD", Reason: "rebate"}},
		Activities: []domain.Activity{{ID: 60, Account: "ACC006", On: d("2026-09-01"), Kind: "email", Contact: "Kenji Sato", Text: "Sent Q3 statement", Stamp: by("chidi", "2026-09-01 08:00")}},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC007", Name: "Port Harcourt Marine Fuels", Tier: 3, Owner: "Ada Obi",
			Status: domain.StatusOnboarding, OpenedOn: d("2026-10-20"), Terms: "term", TermsDays: 14, Currency: "NGN", Products: []string{"AGO"}},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC008", Name: "Ibadan Cement Works", Tier: 2, Owner: "Ada Obi",
			Status: domain.StatusActive, OpenedOn: d("2023-03-01"), LiveOn: d("2023-03-05"), Terms: "term", TermsDays: 30,
			Currency: "NGN", CreditLimit: amt("30000000"), Products: []string{"AGO", "PMS"}},
		Invoices:   []domain.Invoice{inv("ACC008", "INV-8001", "2026-09-01", "2026-10-01", "8000000", "NGN", "AGO")},
		Payments:   []domain.Payment{pay("ACC008", "PAY-8001", "2026-09-28", "8500000", "NGN")},
		Activities: []domain.Activity{{ID: 80, Account: "ACC008", On: d("2026-11-02"), Kind: "visit", Text: "Quarterly visit; asked to refund the overpayment", Stamp: by("ada", "2026-11-02 13:00")}},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC009", Name: "Enugu Quarry Co", Tier: 3,
			Status: domain.StatusActive, OpenedOn: d("2024-06-01"), LiveOn: d("2024-06-03"), Terms: "term", TermsDays: 30,
			Currency: "NGN", CreditLimit: amt("4000000"), Products: []string{"AGO"}},
		Invoices: []domain.Invoice{func() domain.Invoice {
			i := inv("ACC009", "INV-9001", "2026-08-20", "2026-09-19", "2750000", "NGN", "AGO")
			i.Disputed, i.DisputeReason = true, "short delivery"
			return i
		}()},
		Activities: []domain.Activity{{ID: 90, Account: "ACC009", On: d("2026-10-01"), Kind: "call", Outcome: "dispute", Text: "Says 2,000 l short on the 20 Aug delivery", Stamp: by("bola", "2026-10-01 12:00")}},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC010", Name: "Lekki Property Mgmt", Tier: 1, Owner: "Bola Ade",
			Status: domain.StatusActive, OpenedOn: d("2025-01-01"), LiveOn: d("2025-01-08"), Terms: "term", TermsDays: 30,
			Currency: "NGN", CreditLimit: amt("15000000"), Products: []string{"PMS"},
			Overdraft: domain.Overdraft{Amount: amt("5000000"), Expires: d("2026-11-20"), ApprovedBy: "cfo"}},
		Contacts:   []domain.Contact{{Account: "ACC010", Name: "Chioma Okafor", Role: "finance", Primary: true}},
		Invoices:   []domain.Invoice{inv("ACC010", "INV-10001", "2026-10-15", "2026-11-14", "16000000", "NGN", "PMS")},
		Activities: []domain.Activity{{ID: 100, Account: "ACC010", On: d("2026-11-13"), Kind: "qbr", Contact: "Chioma Okafor", Text: "QBR: volumes up 12 %", Stamp: by("bola", "2026-11-13 10:00")}},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC011", Name: "Warri Gas Distribution", Tier: 2, Owner: "Chidi Nwosu",
			Status: domain.StatusChurned, OpenedOn: d("2019-01-01"), LiveOn: d("2019-01-05"), Terms: "term", TermsDays: 30, Currency: "NGN"},
	})

	add(&domain.AccountFile{
		Account: domain.Account{Code: "ACC012", Name: "Benin Fleet Rescue", Tier: 3, Owner: "Chidi Nwosu",
			Status: domain.StatusActive, OpenedOn: d("2026-01-01"), LiveOn: d("2026-01-05"), Terms: "cash", Currency: "NGN", Products: []string{"Rescue"}},
		Invoices:   []domain.Invoice{inv("ACC012", "INV-12001", "2026-11-16", "2026-11-16", "450000", "NGN", "Rescue")},
		Activities: []domain.Activity{{ID: 120, Account: "ACC012", On: d("2026-11-16"), Kind: "call", Outcome: "reached", Text: "Cash on next delivery", Stamp: by("chidi", "2026-11-16 17:00")}},
	})
	return out
}

// Store is an in-memory store holding the sample book; its clock is fixed
// at 09:30 on the as-of date.
func Store() *memstore.Store { return memstore.From(Settings(), Files()) }
