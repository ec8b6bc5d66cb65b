package domain

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// PromiseRecap is the short written confirmation of a promise to pay, to the
// customer: amount, date and the invoices it covers (oldest due first, as the
// payment will be applied). "Every commitment in writing." The recap is
// Safe: it quotes the book (the name, the contact, invoice numbers, the
// author), is kept on the activity, shown and copied to the clipboard, and
// must carry no control sequence even from a book edited by hand.
func PromiseRecap(f *AccountFile, p Promise, author string, asOf Date) (string, error) {
	pos, err := PositionOf(f, asOf)
	if err != nil {
		return "", err
	}
	c := f.Account.Currency
	money := func(d decimal.Decimal) string { return Money{Amount: d, Currency: c}.String() }
	var b strings.Builder
	greeting := "Hello"
	if p.Contact != "" {
		greeting = "Dear " + p.Contact
	}
	fmt.Fprintf(&b, "%s,\n\nThank you for your time today. As agreed, %s will pay %s by %s.\n",
		greeting, f.Account.Name, money(p.Amount), p.DueOn.Format("Monday 2 January 2006"))
	left := p.Amount
	var lines []string
	for _, it := range pos.Open() {
		if !left.IsPositive() {
			break
		}
		part := decimal.Min(left, it.Outstanding)
		left = left.Sub(part)
		line := fmt.Sprintf("  %s of %s, due %s: %s", it.Invoice.Number, it.Invoice.Issued.Format("2 Jan 2006"),
			it.Invoice.Due.Format("2 Jan 2006"), money(part))
		if part.LessThan(it.Outstanding) {
			line += " (part of " + money(it.Outstanding) + ")"
		}
		lines = append(lines, line)
	}
	if len(lines) > 0 {
		b.WriteString("This covers:\n" + strings.Join(lines, "\n") + "\n")
	}
	fmt.Fprintf(&b, "\nPlease reply if anything here differs from your understanding.\n\nKind regards,\n%s\n", author)
	return Safe(b.String()), nil
}

// EscalationRecap is the note to the team an escalation goes to; Safe,
// like PromiseRecap.
func EscalationRecap(s Summary, e Escalation, author string) string {
	a := s.Facts.Account
	c := a.Currency
	money := func(d decimal.Decimal) string { return Money{Amount: d, Currency: c}.String() }
	var b strings.Builder
	fmt.Fprintf(&b, "To %s: escalation on %s (%s), %s, severity %s.\n\n%s\n\n",
		e.To, a.Name, a.Code, strings.ReplaceAll(e.Category, "-", " "), e.Severity, e.Summary)
	fmt.Fprintf(&b, "AR %s, overdue %s", money(s.AR()), money(s.Overdue()))
	if s.HasUtil {
		fmt.Fprintf(&b, ", utilisation %s %% of a %s limit", s.Util().Round(0).String(), money(a.CreditLimit))
	}
	fmt.Fprintf(&b, ".\nPlease act by %s.\n\n%s, %s\n", e.Due.Format("Monday 2 January 2006"), author, e.Opened.Format("2 Jan 2006"))
	return Safe(b.String())
}
