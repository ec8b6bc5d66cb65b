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

// TestSettingsV2: settings written before the margin rates read with none;
// written again with rates they read back with them, whatever order the
// map gives; rates out of order (no encoder writes them so) or below zero
// are refused.
func TestSettingsV2(t *testing.T) {
	s, err := decodeSettings(unhex(t, V2SettingsHex))
	if err != nil || !equalRecord(s, V2Settings()) || s.MarginRates != nil {
		t.Fatalf("v2 settings %+v, %v; want %+v", s, err, V2Settings())
	}
	s.MarginRates = map[string]decimal.Decimal{"PMS": decimal.RequireFromString("3.25"), "AGO": decimal.RequireFromString("4.5"), "LPG": decimal.Zero}
	v3 := appendSettings(nil, &s)
	if v3[0] != 3 || !strings.HasPrefix(string(v3[1:]), string(unhex(t, V2SettingsHex)[1:])) {
		t.Errorf("v3 settings %x are not the v2 layout with the rates appended", v3)
	}
	for range 20 { // map order differs from run to run; the value must not
		if again := appendSettings(nil, &s); string(again) != string(v3) {
			t.Fatalf("settings encode as %x, then %x", v3, again)
		}
	}
	if back, err := decodeSettings(v3); err != nil || !equalRecord(back, s) {
		t.Errorf("v3 settings read back %+v, %v", back, err)
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
