package bolt

import (
	"strings"
	"testing"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// Records as the release before the account manager's records (schema 5)
// wrote them: an account of version 2 (before Competitors: V1Account with
// its status date, appendAccount at 1d0d160), a service issue of version 1
// (before the problem record: V1Issue, appendIssue at 1d0d160) and
// settings of version 2 (before MarginRates: V2Settings, appendSettings at
// 1d0d160). Keep them byte for byte: books hold them.
const (
	V2AccountHex = "02036164610180c0cfcce8cef0c4301041636d65204861756c616765204c746402076861756c6167650361646104626f6c61" +
		"07636875726e6564a0995ab4995a047465726d3c034e474e000080ade2040300e4e1eb17f6a55a0363666f020341474f03504d53107061" +
		"7973206f6e2074686520323574680f666c6565742063616e64696461746596a15a"
	V1IssueHex = "01036164610180c0cfcce8cef0c4300d6c6174652d64656c6976657279dca05ae0a05a086f70732d6c656164087265736f6c766564" +
		"117365636f6e6420747275636b2073656e7401"
	V2SettingsHex = "020477657374034e474e043c78b401f001b401a001c8013cb40106020361646104626f6c61030412500a"
)

// V1Issue is what V1IssueHex holds: resolved, with no problem record and
// no day it was resolved.
func V1Issue() domain.ServiceIssue {
	return domain.ServiceIssue{ID: 11, Account: "ACME", Kind: "late-delivery", Opened: domain.MustDate("2025-05-02"),
		SLADeadline: domain.MustDate("2025-05-04"), Owner: "ops-lead", Status: "resolved", Resolution: "second truck sent",
		ConfirmedInWriting: true, Stamp: V1Stamp}
}

// V2Settings is what V2SettingsHex holds: no margin rates.
func V2Settings() domain.Settings {
	s := domain.DefaultSettings()
	s.Name, s.Users = "west", []string{"ada", "bola"}
	s.Reminders = domain.Reminders{Levels: []int{2, 9, 40}, CadenceDays: 5}
	return s
}

// TestCodecReadsVersion2Account: an account written before Competitors
// reads without them; written again it is version 3, the v2 layout with
// them appended.
func TestCodecReadsVersion2Account(t *testing.T) {
	a, err := decodeAccount("ACME", unhex(t, V2AccountHex), nil)
	want := V1Account()
	want.StatusSince = domain.MustDate("2025-05-31")
	if err != nil || !equalRecord(a, want) {
		t.Fatalf("v2 account\n got %+v, %v\nwant %+v", a, err, want)
	}
	a.Competitors = "TotalEnergies at 2% under list"
	v3 := appendAccount(nil, &a)
	if v3[0] != 3 || !strings.HasPrefix(string(v3[1:]), string(unhex(t, V2AccountHex)[1:])) {
		t.Errorf("v3 account %x is not the v2 layout with Competitors appended", v3)
	}
	if back, err := decodeAccount("ACME", v3, nil); err != nil || !equalRecord(back, a) {
		t.Errorf("v3 account read back %+v, %v", back, err)
	}
	if sameRecord(unhex(t, V2AccountHex), appendAccount(nil, &want)) {
		t.Error("a v2 account compares equal to its v3 form")
	}
}

// TestCodecReadsIssueVersion1: a service issue written before the problem
// record reads with none (and, resolved with a resolution, validates);
// written again it is version 2, the v1 layout with the new fields
// appended; a version 3, a v1 with a trailer and a v2 without its fields
// are refused.
func TestCodecReadsIssueVersion1(t *testing.T) {
	own := idOwn(11)
	x, err := decodeIssue("ACME", own, unhex(t, V1IssueHex), nil)
	if err != nil {
		t.Fatalf("v1 issue: %v", err)
	}
	if !equalRecord(x, V1Issue()) {
		t.Errorf("v1 issue\n got %+v\nwant %+v", x, V1Issue())
	}
	if err := x.Validate(); err != nil {
		t.Errorf("a v1 resolved issue does not validate: %v", err)
	}
	x.Summary, x.KPI, x.KPITarget = "trucks late at the Apapa depot", "on-time deliveries", "95%"
	x.Steps = []domain.Step{{Text: "second truck on the route", Due: domain.MustDate("2025-05-03"), Done: true, DoneOn: domain.MustDate("2025-05-03")},
		{Text: "review the route", Due: domain.MustDate("2025-05-20")}}
	x.ResolvedOn, x.Recap = domain.MustDate("2025-05-04"), "Dear Ada,\n\nthe second truck is on the route."
	v2 := appendIssue(nil, &x)
	if v2[0] != 2 || !strings.HasPrefix(string(v2[1:]), string(unhex(t, V1IssueHex)[1:])) {
		t.Errorf("v2 issue %x is not the v1 layout with the problem record appended", v2)
	}
	if back, err := decodeIssue("ACME", own, v2, nil); err != nil || !equalRecord(back, x) {
		t.Errorf("v2 issue read back %+v, %v", back, err)
	}
	same := V1Issue()
	if sameRecord(unhex(t, V1IssueHex), appendIssue(nil, &same)) {
		t.Error("a v1 issue compares equal to its v2 form")
	}
	b := unhex(t, V1IssueHex)
	b[0] = 3
	if _, err := decodeIssue("ACME", own, b, nil); err == nil || !strings.Contains(err.Error(), "this acctdesk reads 1 to 2") {
		t.Errorf("issue version 3: %v", err)
	}
	if _, err := decodeIssue("ACME", own, append([]byte{1}, v2[1:]...), nil); err == nil {
		t.Error("a v1 issue with a trailer decoded")
	}
	if _, err := decodeIssue("ACME", own, append([]byte{2}, unhex(t, V1IssueHex)[1:]...), nil); err == nil {
		t.Error("a v2 issue without its problem record decoded")
	}
}

// TestSettingsV2: settings written before the margin rates read with none
// (and the SPEC's targets); written again with rates they read back with
// them, whatever order the map gives; rates out of order (no encoder
// writes them so) or below zero are refused.
func TestSettingsV2(t *testing.T) {
	s, err := decodeSettings(unhex(t, V2SettingsHex))
	if err != nil || !equalRecord(s, V2Settings()) || s.MarginRates != nil {
		t.Fatalf("v2 settings %+v, %v; want %+v", s, err, V2Settings())
	}
	s.MarginRates = map[string]decimal.Decimal{"PMS": decimal.RequireFromString("3.25"), "AGO": decimal.RequireFromString("4.5"), "LPG": decimal.Zero}
	v4 := appendSettings(nil, &s)
	if v4[0] != 4 || !strings.HasPrefix(string(v4[1:]), string(unhex(t, V2SettingsHex)[1:])) {
		t.Errorf("v4 settings %x are not the v2 layout with the rates (and what v4 adds) appended", v4)
	}
	for range 20 { // map order differs from run to run; the value must not
		if again := appendSettings(nil, &s); string(again) != string(v4) {
			t.Fatalf("settings encode as %x, then %x", v4, again)
		}
	}
	if back, err := decodeSettings(v4); err != nil || !equalRecord(back, s) {
		t.Errorf("v4 settings read back %+v, %v", back, err)
	}
	e := enc{b: append([]byte{3}, unhex(t, V2SettingsHex)[1:]...)}
	e.u(2)
	e.str("PMS")
	e.dec(decimal.NewFromInt(3))
	e.str("AGO")
	e.dec(decimal.NewFromInt(4))
	if _, err := decodeSettings(e.b); err == nil || !strings.Contains(err.Error(), "out of order") {
		t.Errorf("rates out of order: %v", err)
	}
	e = enc{b: append([]byte{3}, unhex(t, V2SettingsHex)[1:]...)}
	e.u(1)
	e.str("AGO")
	e.dec(decimal.NewFromInt(-1))
	if _, err := decodeSettings(e.b); err == nil || !strings.Contains(err.Error(), "below zero") {
		t.Errorf("a rate below zero: %v", err)
	}
}

// TestDecodersRefuseManagerContent: a credit decision of no field SPEC
// §10.2 names, with an amount below zero, more places than its currency
// has, or a flag no version wrote, is refused; so is a ledger whose lines
// are not one per invoice or name a product it does not list.
func TestDecodersRefuseManagerContent(t *testing.T) {
	good := domain.CreditDecision{ID: 3, Account: "ACME", On: domain.MustDate("2025-03-10"), Field: domain.FieldCreditLimit,
		Old: decimal.NewFromInt(5000000), New: decimal.RequireFromString("6000000.50"), Currency: "NGN", Reason: "volumes up"}
	if _, err := decodeDecision("ACME", idOwn(3), appendDecision(nil, &good), nil); err != nil {
		t.Fatalf("a good decision: %v", err)
	}
	for name, change := range map[string]func(x *domain.CreditDecision){
		"unknown field":            func(x *domain.CreditDecision) { x.Field = "payment_terms" },
		"negative limit":           func(x *domain.CreditDecision) { x.New = decimal.NewFromInt(-1) },
		"more places than XOF has": func(x *domain.CreditDecision) { x.Currency = "XOF" },
		"unknown currency":         func(x *domain.CreditDecision) { x.Currency = "ZZZ" },
	} {
		x := good
		change(&x)
		if got, err := decodeDecision("ACME", idOwn(3), appendDecision(nil, &x), nil); err == nil {
			t.Errorf("%s: decoded as %+v", name, got)
		}
	}
	v := appendDecision(nil, &good)
	// The flags are the byte before the utilisation (exponent 0, small, 0).
	if v[len(v)-4] != 0 {
		t.Fatalf("the decision's flags are not where this test looks: %x", v)
	}
	v[len(v)-4] = 4
	if _, err := decodeDecision("ACME", idOwn(3), v, nil); err == nil || !strings.Contains(err.Error(), "flags") {
		t.Errorf("unknown flags: %v", err)
	}

	l := domain.Ledger{Invoices: []domain.LedgerInvoice{{Issued: 1, Due: 1, Amount: 5}, {Issued: 2, Due: 2, Amount: 7}},
		Credits: []domain.LedgerCredit{}, Kinds: []domain.CreditKind{}, Products: []string{"AGO", "PMS"},
		Lines: []domain.InvoiceLine{{Quantity: 10, Product: 1}, {Quantity: -3, Product: 0}}, Numbers: domain.NumbersOf([]string{"I-1", "I-2"})}
	var x domain.Facts
	if err := decodeLedger(appendLedger(nil, &l, nil), &x, nil); err != nil || !equalRecord(x.Ledger, l) {
		t.Fatalf("a good ledger read %+v, %v", x.Ledger, err)
	}
	short := l
	short.Lines = l.Lines[:1]
	if err := decodeLedger(appendLedger(nil, &short, nil), &x, nil); err == nil || !strings.Contains(err.Error(), "1 lines for 2 invoices") {
		t.Errorf("one line for two invoices: %v", err)
	}
	far := l
	far.Lines = []domain.InvoiceLine{{Quantity: 1, Product: 2}, {Quantity: 1}}
	if err := decodeLedger(appendLedger(nil, &far, nil), &x, nil); err == nil || !strings.Contains(err.Error(), "names product 2 of 2") {
		t.Errorf("a line naming a third product of two: %v", err)
	}
	none := l
	none.Products = nil
	if err := decodeLedger(appendLedger(nil, &none, nil), &x, nil); err == nil {
		t.Error("lines of no product decoded")
	}
}

// TestLedgerLinesUnit: line quantities are stored divided by their
// greatest common divisor — 12,850, 3,000 and 0 litres by 50: 257 (two
// bytes, zig-zag 514) instead of 12,850 (three, 25,700), 60 (one, 120)
// instead of 3,000 (two) — and read back whole; a value written in a
// smaller unit than it could (no encoder writes one) is refused.
func TestLedgerLinesUnit(t *testing.T) {
	for _, c := range []struct {
		qty  []int64
		want int64
	}{
		{[]int64{12850, 3000, 0}, 50}, {[]int64{0, 0}, 1}, {nil, 1}, {[]int64{7, 70}, 7}, {[]int64{-500, 2000}, 500},
		{[]int64{9, 6, 4}, 1}, {[]int64{-1_000_000_000_000_000_000}, 1_000_000_000_000_000_000},
	} {
		var lines []domain.InvoiceLine
		for _, q := range c.qty {
			lines = append(lines, domain.InvoiceLine{Quantity: q})
		}
		if got := lineUnit(lines); got != c.want {
			t.Errorf("unit of %v = %d; want %d", c.qty, got, c.want)
		}
	}
	l := domain.Ledger{Credits: []domain.LedgerCredit{}, Kinds: []domain.CreditKind{}, Products: []string{"AGO"},
		Numbers: domain.NumbersOf([]string{"I-1", "I-2", "I-3"})}
	for _, q := range []int64{12850, 3000, 0} {
		l.Invoices = append(l.Invoices, domain.LedgerInvoice{Issued: 1, Due: 1, Amount: 1})
		l.Lines = append(l.Lines, domain.InvoiceLine{Quantity: q})
	}
	// The invoices' numbers end the value: 3 of 9 bytes, "I-1", then 2
	// bytes shared and "2", then 2 and "3".
	numbers := "\x03\x09\x00\x03I-1\x02\x012\x02\x013"
	v := appendLedger(nil, &l, nil)
	if !strings.HasSuffix(string(v), numbers) {
		t.Fatalf("numbers encoded as %x", v)
	}
	v = v[:len(v)-len(numbers)]
	// ... 3 lines, unit 50 (32), then 257 (zig-zag 514 = 4×128 + 2: 82 04),
	// 60 (zig-zag 120: 78), 0, and no rebate notes.
	if tail := v[len(v)-7:]; string(tail) != "\x03\x32\x82\x04\x78\x00\x00" {
		t.Errorf("lines encoded as %x", tail)
	}
	var x domain.Facts
	if err := decodeLedger(append(v, numbers...), &x, nil); err != nil || !equalRecord(x.Ledger, l) {
		t.Fatalf("read back %+v, %v", x.Ledger, err)
	}
	// The same lines in tens: 1285 (zig-zag 2570 = 20×128 + 10: 8a 14), 300 (zig-zag 600: d8 04), 0.
	tens := append(append([]byte(nil), v[:len(v)-6]...), 0x0a, 0x8a, 0x14, 0xd8, 0x04, 0x00, 0x00)
	if err := decodeLedger(append(tens, numbers...), &x, nil); err == nil || !strings.Contains(err.Error(), "units of 10 that have a common divisor 5") {
		t.Errorf("a smaller unit than the largest: %v", err)
	}
	if err := decodeLedger(append(append(append([]byte(nil), v[:len(v)-6]...), 0x00, 0x82, 0x04, 0x78, 0x00, 0x00), numbers...), &x, nil); err == nil {
		t.Error("a unit of 0 decoded")
	}
}
