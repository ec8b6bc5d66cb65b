package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/pages/renewals"
)

// renewalBook is the sample book with a contract of every state, as of
// Tue 17 Nov 2026: due for renewal ACC001 (21 days, notice date passed,
// an amount rebate), ACC010 (51 days, renewing LPM-1) and ACC005 (89 days,
// an open service issue); lapsed ACC002 (ended 17 days ago, unrenewed) and
// ACC008 (a lapse recorded, ends in 44 days); active ACC003 (117 days)
// and ACC006 (225); renewed LPM-1; terminated ACC011's.
func renewalBook() *memstore.Store {
	d := domain.MustDate
	k := func(code, id, start, end string, notice int, status string) domain.Contract {
		return domain.Contract{Account: code, ID: id, Start: d(start), End: d(end), NoticeDays: notice, Status: status}
	}
	add := map[string][]domain.Contract{
		"ACC005": {k("ACC005", "ALP-2025", "2025-02-15", "2027-02-14", 60, "active")},
		"ACC002": {k("ACC002", "OYO-22", "2024-11-01", "2026-10-31", 30, "active")},
		"ACC010": {k("ACC010", "LPM-1", "2025-01-08", "2026-01-07", 30, domain.ContractRenewed), k("ACC010", "LPM-2", "2026-01-08", "2027-01-07", 30, "active")},
		"ACC011": {k("ACC011", "WGD-19", "2019-01-05", "2026-06-30", 0, domain.ContractTerminated)},
		"ACC008": {k("ACC008", "ICW-23", "2023-03-05", "2026-12-31", 90, domain.ContractLapsed)},
		"ACC003": {k("ACC003", "SFS-2021", "2021-03-15", "2027-03-14", 60, "active")},
	}
	files := sample.Files()
	for _, f := range files {
		f.Contracts = append(f.Contracts, add[f.Account.Code]...)
		if f.Account.Code == "ACC001" {
			// 0.5% of each quarter's invoiced amount from ₦20,000,000.
			f.Contracts[0].Rebate = domain.RebateScheme{Basis: domain.RebateAmount, Period: domain.RebateQuarter,
				Tiers: []domain.VolumeTier{{From: decimal.Zero}, {From: decimal.NewFromInt(20000000), Percent: decimal.RequireFromString("0.5")}}}
		}
	}
	return memstore.From(sample.Settings(), files)
}

func renewalsOf(m *Model) *renewals.Page { return pageOf[*renewals.Page](m) }

// TestRenewalsGolden keeps the Renewals pane at 80×24 and 160×48, and the
// account's Contracts tab and the renewal form at 80×24.
// Regenerate with: go test ./ui -run TestRenewalsGolden -update
func TestRenewalsGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
		keys [][2]string // keys, then the text on screen once they took effect
	}{
		{"renewals", 80, 24, [][2]string{{"6", "Renewals ·"}}},
		{"renewals", 160, 48, [][2]string{{"6", "Renewals ·"}}},
		{"renewals_by_owner", 80, 24, [][2]string{{"6", "Renewals ·"}, {"g", "group: owner"}}},
		{"renewal_form", 80, 24, [][2]string{{"6", "Renewals ·"}, {"r", "Renewal of contract"}}},
		{"account_contracts", 80, 24, [][2]string{{"6", "Renewals ·"}, {"enter", "Contacts:"}, {"tab tab tab tab tab", "Rebates ·"}}},
		{"account_contracts", 160, 48, [][2]string{{"6", "Renewals ·"}, {"enter", "Contacts:"}, {"tab tab tab tab tab", "Rebates ·"}}},
		{"rebate_form", 80, 24, [][2]string{{"6", "Renewals ·"}, {"enter", "Contacts:"}, {"tab tab tab tab tab", "Rebates ·"}, {"j r", "Draft: credit note"}}},
	} {
		t.Run(fmt.Sprintf("%s_%dx%d", c.name, c.w, c.h), func(t *testing.T) {
			tm := start(t, newDesk(renewalBook()), c.w, c.h, testOptions())
			for _, st := range c.keys {
				send(tm, strings.Fields(st[0])...)
				waitOutput(t, tm, st[1])
			}
			m := final(t, nil, tm)
			view := m.View()
			checkFits(t, view, c.w, c.h)
			golden.RequireEqual(t, []byte(view))
		})
	}
}

// The pane lists every contract, grouped by state with those due for
// renewal first, each group by days left.
func TestRenewalsRows(t *testing.T) {
	m := loadedOn(t, renewalBook(), 80, 24)
	press(m, "6")
	if m.Current() != "Renewals" {
		t.Fatalf("6 shows %s", m.Current())
	}
	p := renewalsOf(m)
	var got []string
	for _, ln := range p.Lines() {
		if ln.Row < 0 {
			got = append(got, "# "+ln.Heading)
			continue
		}
		r := p.Rows()[ln.Row]
		got = append(got, fmt.Sprintf("%s %s %s %s %s issues %d", r.Code, r.Contract, r.Days, r.NoticeBy, r.Status, r.Issues))
	}
	want := []string{
		"# Due for renewal within 90 days · 3 contracts",
		"ACC001 K-2024-01 21 08 Nov active issues 0", // notice by 8 Dec − 30 days: passed
		"ACC010 LPM-2 51 08 Dec active issues 0",
		"ACC005 ALP-2025 89 16 Dec active issues 1", // 14 Feb − 60 days; its late delivery is open
		"# Lapsed without a renewal · 2 contracts",
		"ACC002 OYO-22 -17 01 Oct lapsed issues 0",
		"ACC008 ICW-23 44 02 Oct lapsed issues 0",
		"# Active · 2 contracts",
		"ACC003 SFS-2021 117 13 Jan'27 active issues 0",
		"ACC006 K-TT-2025 225 01 May'27 active issues 0",
		"# Renewed · 1 contract",
		"ACC010 LPM-1 -314 08 Dec'25 renewed issues 0",
		"# Terminated · 1 contract",
		"ACC011 WGD-19 -140 30 Jun terminated issues 0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r, _ := p.Current(); !r.NoticePassed || r.Due != true || r.Renewal != "K-2024-01-R1" {
		t.Errorf("first row %+v", r)
	}
	// The filter finds a contract by its number, s sorts by notice date.
	press(m, "/", "icw", "enter")
	if p.Shown() != 1 {
		t.Errorf("filter icw shows %d", p.Shown())
	}
	press(m, "esc", "s")
	if p.SortName() != "notice by" {
		t.Errorf("sort %s", p.SortName())
	}
	// enter opens the account of the contract under the cursor.
	press(m, "enter")
	if code, _ := accountOf(m).Selected(); m.Current() != "Account" || code == "" {
		t.Fatalf("enter: %s %s", m.Current(), code)
	}
}

// r enter renews the contract under the cursor on the defaults; the pane
// follows. r shift+tab l enter records a lapse instead.
func TestRenewalsRenewAndLapse(t *testing.T) {
	st := renewalBook()
	m := loadedOn(t, st, 80, 24)
	press(m, "6", "r")
	f := m.form()
	if f == nil || !strings.Contains(m.View(), "Renewal of contract K-2024-01 (ends Tue 8 Dec 2026) · ACC001") {
		t.Fatalf("no renewal form:\n%s", m.View())
	}
	press(m, "enter")
	if m.form() != nil {
		t.Fatalf("the form stayed open: %s\n%s", m.Status(), m.View())
	}
	if s := m.Status(); !strings.Contains(s, "saved renewal on ACC001: contract K-2024-01 renewed as K-2024-01-R1 to 08 Dec'28") {
		t.Errorf("status %q", s)
	}
	a, _ := st.LoadAccount("ACC001")
	var n *domain.Contract
	for i := range a.Contracts {
		if a.Contracts[i].ID == "K-2024-01-R1" {
			n = &a.Contracts[i]
		}
	}
	// Two years, as the old one ran; its notice, SLA and rebate carried over.
	if n == nil || n.Start != domain.MustDate("2026-12-09") || n.End != domain.MustDate("2028-12-08") || n.NoticeDays != 30 ||
		n.SLA != "AGO within 48h of order" || n.Rebate.IsZero() || n.Stamp.By != "ada" {
		t.Fatalf("renewal %+v", n)
	}
	p := renewalsOf(m)
	if v := m.View(); !strings.Contains(v, "Renewals · 2 due · 2 lapsed · 10 contracts") {
		t.Fatalf("the pane did not follow:\n%s", v)
	}
	// The cursor's row went to the renewed group; the first due is now LPM-2.
	press(m, "home")
	if r, _ := p.Current(); r.Contract != "LPM-2" {
		t.Fatalf("first row %s", r.Contract)
	}
	press(m, "r", "shift+tab", "l", "enter")
	a, _ = st.LoadAccount("ACC010")
	for _, k := range a.Contracts {
		if k.ID == "LPM-2" && k.Status != domain.ContractLapsed {
			t.Fatalf("LPM-2 %+v", k)
		}
	}
	if s := m.Status(); !strings.Contains(s, "saved lapse on ACC010: contract LPM-2 lapses without a renewal") {
		t.Errorf("status %q", s)
	}
	// r on a renewed contract says so and opens nothing.
	press(m, "end", "k") // the last is terminated; above it the renewed ones
	if r, _ := p.Current(); r.Status == domain.ContractRenewed {
		press(m, "r")
		if m.form() != nil || !strings.Contains(m.Status(), "is already renewed") {
			t.Errorf("r on %s: form %v, status %q", r.Contract, m.form() != nil, m.Status())
		}
	} else {
		t.Errorf("row above the last: %+v", r)
	}
}

// A viewer's r opens no form.
func TestRenewalsViewer(t *testing.T) {
	opt := testOptions()
	opt.Role = desk.Viewer
	m := loadedWith(t, 80, 24, renewalBook(), opt)
	press(m, "6", "r")
	if m.form() != nil || m.Status() != ReadOnly {
		t.Fatalf("a viewer's r: form %v, status %q", m.form() != nil, m.Status())
	}
}

// The account's Contracts tab: the rebate lines of this quarter and the
// last; r on one with something due records its credit note once y
// confirms; a adds a contract.
func TestAccountContractsTab(t *testing.T) {
	st := renewalBook()
	m := loadedOn(t, st, 120, 40)
	press(m, "6", "enter", "tab", "tab", "tab", "tab", "tab")
	v := m.View()
	// Q3: 12,000,000 + 18,500,000 = 30,500,000 ≥ 20,000,000: 0.5% = 152,500.00.
	// Q4 (to 17 Nov): 22,000,000: 0.5% = 110,000.00.
	for _, want := range []string{"K-2024-01", "2026-Q3", "₦152,500.00", "2026-Q4…", "₦110,000.00", "amount/quarter:0=0%,20000000=0.5%"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q on the Contracts tab:\n%s", want, v)
		}
	}
	press(m, "j", "r")
	if m.form() == nil || !strings.Contains(m.View(), "Draft: credit note RB-K-2024-01-2026-Q3 · ₦152,500.00 · dated Tue 17 Nov 2026") {
		t.Fatalf("no rebate form:\n%s", m.View())
	}
	press(m, "enter") // without y: not saved
	if m.form() == nil || !strings.Contains(m.View(), "press y to record the credit note") {
		t.Fatalf("saved without y:\n%s", m.View())
	}
	press(m, "y", "enter")
	a, _ := st.LoadAccount("ACC001")
	var cn *domain.CreditNote
	for i := range a.Credits {
		if a.Credits[i].Number == "RB-K-2024-01-2026-Q3" {
			cn = &a.Credits[i]
		}
	}
	if cn == nil || !cn.Amount.Equal(decimal.RequireFromString("152500")) || cn.Date != domain.MustDate("2026-11-17") || cn.Reason != "rebate" || cn.Stamp.By != "ada" {
		t.Fatalf("credit note %+v (status %q)", cn, m.Status())
	}
	// The tab follows: Q3 credited, nothing due; r there says so.
	press(m, "r")
	if m.form() != nil || !strings.Contains(m.Status(), "Nothing is due on K-2024-01 2026-Q3") {
		t.Errorf("r on a credited line: form %v, status %q", m.form() != nil, m.Status())
	}
	press(m, "a")
	if m.form() == nil || !strings.Contains(m.View(), "Add a contract · ACC001") || !strings.Contains(m.View(), "default ACC001-C2") {
		t.Fatalf("a:\n%s", m.View())
	}
	press(m, "esc")
	// On another tab, r says where it works.
	press(m, "tab", "r")
	if !strings.Contains(m.Status(), "r works on the Contracts tab") {
		t.Errorf("r on another tab: %q", m.Status())
	}
}
