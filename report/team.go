package report

import (
	"cmp"
	"slices"
	"strings"

	"acctdesk/domain"
)

// Team (SPEC §11.2): what each user logged in the period (--period,
// default 12m, up to the as-of date), per user and the currency of the
// accounts it was on: calls (the timeline's, by their author) and those
// that reached someone; promises to pay taken (by who logged them, given
// in the period) with their amounts, and those of them kept as of the
// as-of date; escalations opened (by who opened them) and resolved (by
// who resolved them) in the period; disputes resolved in the period (the
// timeline's dispute-resolved entries, by their author). A user with
// nothing in the period has no row. By user, then currency.

type teamCounts struct {
	calls, reached, promises, kept int
	promised, keptAmount           domain.Sum
	escOpened, escResolved         int
	disputesResolved               int
}

type teamPart struct {
	cur   domain.Currency
	users map[string]*teamCounts
}

func (p *teamPart) of(user string) *teamCounts {
	c := p.users[user]
	if c == nil {
		c = &teamCounts{}
		p.users[user] = c
	}
	return c
}

func teamAccount(in Input, set domain.Settings, x *domain.Facts) any {
	from, to, ok := in.span()
	if in.skip(x) || !ok {
		return nil
	}
	p := &teamPart{cur: x.Account.Currency, users: map[string]*teamCounts{}}
	for _, t := range x.Touches {
		if t.On < from || t.On > to {
			continue
		}
		switch t.KindName() {
		case "call":
			c := p.of(x.Author(t))
			c.calls++
			if t.IsContact() {
				c.reached++
			}
		case domain.KindDisputeResolved:
			p.of(x.Author(t)).disputesResolved++
		}
	}
	grace := set.Thresholds.PromiseGraceDays
	for _, pr := range x.Promises {
		if pr.GivenOn < from || pr.GivenOn > to {
			continue
		}
		c := p.of(pr.Stamp.By)
		c.promises++
		c.promised.Add(pr.Amount)
		if domain.PromiseStatus(pr, &x.Ledger, in.AsOf, grace).Status == domain.PromiseKept {
			c.kept++
			c.keptAmount.Add(pr.Amount)
		}
	}
	for _, e := range x.Escalations {
		if e.Opened >= from && e.Opened <= to {
			p.of(e.Stamp.By).escOpened++
		}
		if !e.IsOpen() && e.ResolvedOn >= from && e.ResolvedOn <= to {
			p.of(e.ResolvedBy).escResolved++
		}
	}
	if len(p.users) == 0 {
		return nil
	}
	return p
}

func teamTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"user", Text, ""}, {"calls", Count, ""}, {"reached", Count, ""}, {"promises", Count, ""},
		{"promised", Money, ""}, {"kept", Count, ""}, {"kept_amount", Money, ""}, {"escalations_opened", Count, ""},
		{"escalations_resolved", Count, ""}, {"disputes_resolved", Count, ""}, {"currency", Text, ""}}}
	type key struct {
		user string
		cur  domain.Currency
	}
	all := map[key]*teamCounts{}
	for _, part := range parts {
		p, ok := part.(*teamPart)
		if !ok {
			continue
		}
		for user, c := range p.users {
			k := key{user, p.cur}
			s := all[k]
			if s == nil {
				s = &teamCounts{}
				all[k] = s
			}
			s.calls += c.calls
			s.reached += c.reached
			s.promises += c.promises
			s.promised.Add(c.promised.Decimal())
			s.kept += c.kept
			s.keptAmount.Add(c.keptAmount.Decimal())
			s.escOpened += c.escOpened
			s.escResolved += c.escResolved
			s.disputesResolved += c.disputesResolved
		}
	}
	keys := make([]key, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(strings.Compare(a.user, b.user), strings.Compare(string(a.cur), string(b.cur)))
	})
	for _, k := range keys {
		s := all[k]
		user := T(k.user)
		if k.user == "" {
			user.Human = "(unknown)" // written without an author (an old record)
		}
		t.Rows = append(t.Rows, []Cell{user, count(s.calls), count(s.reached), count(s.promises), money(s.promised.Decimal(), k.cur),
			count(s.kept), money(s.keptAmount.Decimal(), k.cur), count(s.escOpened), count(s.escResolved), count(s.disputesResolved),
			T(string(k.cur))})
	}
	return t
}

func init() {
	docs["team"] = doc{"what each user logged in --period (default 12m, up to the as-of date), per user and the currency of the accounts " +
		"it was on; a user with nothing in the period has no row; by user, then currency", map[string]string{
		"user":                 "who logged it (the author of the timeline entry, promise or escalation); empty (the table: (unknown)) when the record has none",
		"calls":                "calls on the timeline dated in the period, by their author",
		"reached":              "those of the calls that reached someone: every outcome but no-answer, voicemail and wrong-number",
		"promises":             "promises to pay given in the period, by who logged them",
		"promised":             "what those promises came to",
		"kept":                 "those of the promises kept as of the as-of date (payments from the given-on date to the due date + grace cover the amount)",
		"kept_amount":          "what the kept promises came to",
		"escalations_opened":   "escalations opened in the period, by who opened them",
		"escalations_resolved": "escalations resolved in the period, by who resolved them",
		"disputes_resolved":    "disputes resolved in the period: the timeline's dispute-resolved entries, by their author",
		"currency":             "the accounts' currency (never added across)",
	}}
}
