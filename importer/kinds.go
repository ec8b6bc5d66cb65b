package importer

import (
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// row parses one record; a row with errors adds nothing to the batch.
func (p *parser) row(line int, rec []string) {
	p.line, p.rec, p.bad = line, rec, false
	switch p.kind {
	case "accounts":
		p.account()
	case "contacts":
		c := domain.Contact{Account: p.code("account"), Name: p.text("name"), Role: p.word("role"),
			Phone: p.text("phone"), Email: p.text("email"), Primary: p.boolean("primary")}
		if !p.bad {
			p.b.Contacts = append(p.b.Contacts, store.Rec[domain.Contact]{Line: line, V: c})
		}
	case "invoices":
		p.invoice()
	case "payments":
		cur := p.currency()
		amt, _ := p.amount("amount", cur, false)
		pay := domain.Payment{Account: p.code("account"), Reference: p.code("reference"), Received: p.date("date"),
			Amount: amt, Currency: cur, Invoice: p.code("invoice")}
		if !p.bad {
			p.b.Payments = append(p.b.Payments, store.Rec[domain.Payment]{Line: line, V: pay})
		}
	case "credit-notes":
		cur := p.currency()
		reason, err := domain.ParseCreditReason(p.text("reason"))
		if err != nil {
			p.fail("reason", err.Error())
		}
		amt, _ := p.amount("amount", cur, false)
		c := domain.CreditNote{Account: p.code("account"), Number: p.code("number"), Date: p.date("date"),
			Amount: amt, Currency: cur, Reason: reason, Invoice: p.code("invoice")}
		if !p.bad {
			p.b.Credits = append(p.b.Credits, store.Rec[domain.CreditNote]{Line: line, V: c})
		}
	case "contracts":
		p.contract()
	case "surveys":
		p.survey()
	case "targets":
		p.target()
	case "balances":
		p.balance()
	}
}

func (p *parser) account() {
	cur := p.currency() // "" leaves it to the book: its base currency
	terms := p.word("terms")
	if terms == "" {
		terms = "term"
	}
	days := 30
	if terms == "cash" {
		days = 0
	}
	status := p.word("status")
	if status == "" {
		status = domain.StatusActive
	}
	var products []string
	for _, s := range strings.Split(p.text("products"), ";") {
		if s = strings.TrimSpace(s); s != "" {
			products = append(products, s)
		}
	}
	limit, _ := p.amount("credit_limit", cur, false)
	a := domain.Account{
		Code: p.code("code"), Name: p.text("name"), Tier: p.integer("tier", 3), Segment: p.text("segment"),
		Owner: p.text("owner"), Salesperson: p.text("salesperson"), Status: status, Terms: terms,
		TermsDays: p.integer("payment_terms_days", days), CreditLimit: limit,
		Currency: cur, Products: products, OpenedOn: p.date("opened_on"), LiveOn: p.date("live_on"),
		StatusSince: p.date("status_since"),
	}
	if !p.bad {
		p.b.Accounts = append(p.b.Accounts, store.Rec[domain.Account]{Line: p.line, V: a, Blank: p.blanks(accountDefaults)})
	}
}

// accountDefaults are the account columns whose empty cell the record
// fills with a default: a re-import keeps the stored value instead.
var accountDefaults = []string{"tier", "status", "terms", "payment_terms_days", "currency"}

// blanks are those of cols the file has and the row leaves empty; nil for
// none (the usual row: nothing allocated).
func (p *parser) blanks(cols []string) []string {
	var out []string
	for _, c := range cols {
		if p.h.has(c) && p.get(c) == "" {
			out = append(out, c)
		}
	}
	return out
}

func (p *parser) invoice() {
	cur := p.currency()
	amt, _ := p.amount("amount", cur, false)
	inv := domain.Invoice{
		Account: p.code("account"), Number: p.code("number"), Issued: p.date("issue_date"), Due: p.date("due_date"),
		Amount: amt, Currency: cur, Product: p.text("product"), Unit: p.text("unit"),
		Disputed: p.boolean("disputed"), DisputeReason: p.note("dispute_reason"),
	}
	inv.Quantity, _ = p.quantity("quantity")
	paid := p.date("paid_on")
	if !paid.IsZero() && !inv.Issued.IsZero() && paid < inv.Issued {
		p.fail("paid_on", fmt.Sprintf("%s is before issue_date %s", paid, inv.Issued))
	}
	if p.bad {
		return
	}
	p.b.Invoices = append(p.b.Invoices, store.Rec[domain.Invoice]{Line: p.line, V: inv})
	if p.settled {
		// An ERP's settled date: the store makes, keeps or (for an empty
		// cell) removes the invoice's full payment PAID-<number>.
		p.b.Settled = append(p.b.Settled, store.Rec[store.Settled]{Line: p.line,
			V: store.Settled{Account: inv.Account, Invoice: inv.Number, On: paid}})
	}
}

// contractStatuses are the words of a contract's status (SPEC §10.1).
var contractStatuses = []string{"active", "renewed", "lapsed", "terminated"}

func (p *parser) contract() {
	status := p.word("status")
	if status == "" {
		status = "active"
	} else if w, ok := domain.MatchWord(status, contractStatuses); ok {
		status = w
	} else {
		p.fail("status", fmt.Sprintf("%q is not %s", status, strings.Join(contractStatuses, ", ")))
	}
	c := domain.Contract{Account: p.code("account"), ID: p.code("number"), Start: p.date("start"), End: p.date("end"),
		NoticeDays: p.integer("notice_days", 0), SLA: p.note("sla"), Status: status}
	if c.NoticeDays < 0 {
		p.fail("notice_days", fmt.Sprintf("%d is negative", c.NoticeDays))
	}
	if v := p.text("rebate"); v != "" {
		// SPEC §10.4's BASIS/PERIOD:THRESHOLD=RATE,...; a bare tier list
		// is refused with the full form to write.
		sc, err := domain.ParseRebate(v)
		if err != nil {
			p.fail("rebate", err.Error())
		}
		c.Rebate = sc
	}
	if !p.bad {
		p.b.Contracts = append(p.b.Contracts, store.Rec[domain.Contract]{Line: p.line, V: c})
	}
}

// surveyScales are the survey kinds and their score ranges (SPEC §10.8).
var surveyScales = map[string][2]int{"nps": {0, 10}, "csat": {1, 5}}

func (p *parser) survey() {
	kind := p.word("kind")
	scale, ok := surveyScales[kind]
	if !ok {
		p.fail("kind", fmt.Sprintf("%q is not nps or csat", kind))
	}
	s := domain.Survey{Account: p.code("account"), On: p.date("date"), Kind: kind, Comment: p.note("comment")}
	if p.get("score") == "" {
		p.fail("score", "is empty")
	} else if s.Score = p.integer("score", 0); ok && (s.Score < scale[0] || s.Score > scale[1]) {
		p.fail("score", fmt.Sprintf("%d is not a %s score (%d to %d)", s.Score, strings.ToUpper(kind), scale[0], scale[1]))
	}
	if s.On.IsZero() && p.get("date") == "" {
		p.fail("date", "is empty")
	}
	if !p.bad {
		p.b.Surveys = append(p.b.Surveys, store.Rec[domain.Survey]{Line: p.line, V: s})
	}
}

func (p *parser) target() {
	cur := p.currency()
	t := domain.Target{Account: p.code("account"), Month: p.month("month"), Product: p.text("product"), Currency: cur}
	var qset, aset bool
	t.Quantity, qset = p.quantity("quantity")
	t.Amount, aset = p.amount("amount", cur, false)
	if !qset && !aset {
		p.fail("amount", "a target needs a quantity, an amount or both")
	}
	if !p.bad {
		p.b.Targets = append(p.b.Targets, store.Rec[domain.Target]{Line: p.line, V: t})
	}
}

func (p *parser) balance() {
	cur := p.currency()
	b := domain.Balance{Account: p.code("account"), On: p.date("date"), Currency: cur}
	var set bool
	if b.Balance, set = p.amount("balance", cur, true); !set {
		p.fail("balance", "is empty (write 0 for a zero balance)")
	}
	if !p.bad {
		p.b.Balances = append(p.b.Balances, store.Rec[domain.Balance]{Line: p.line, V: b})
	}
}
