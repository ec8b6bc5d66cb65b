package bolt

import (
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// Version 1 records, as the encoder before StatusSince and the rebate's
// basis and period wrote them (appendAccount and appendContract at
// 17a4098, run on V1Account and V1Contract). Keep them byte for byte: books
// hold them.
const (
	V1AccountHex = "01036164610180c0cfcce8cef0c4301041636d65204861756c616765204c746402076861756c6167650361646104626f6c61" +
		"07636875726e6564a0995ab4995a047465726d3c034e474e000080ade2040300e4e1eb17f6a55a0363666f020341474f03504d53107061" +
		"7973206f6e2074686520323574680f666c6565742063616e646964617465"
	V1ContractHex = "01036164610180c0cfcce8cef0c4308e995a9caa5a780f64656c697665727920696e20343868020000a09c0101001e000000" +
		"0000a08d060000000300c20306616374697665"
	V1ContractNoTiersHex = "01036164610180c0cfcce8cef0c4308e995a9caa5a780f64656c697665727920696e203438680006616374697665"
)

// V1Stamp is the stamp of the version 1 fixtures.
var V1Stamp = domain.Stamp{By: "ada", At: time.Date(2025, 6, 1, 9, 30, 0, 0, time.UTC)}

// V1Account and V1Contract are what the version 1 fixtures hold, with the
// fields version 2 adds as a version 1 record reads: no status date; the
// tiers counted in litres a quarter.
func V1Account() domain.Account {
	return domain.Account{Code: "ACME", Name: "Acme Haulage Ltd", Tier: 1, Segment: "haulage", Owner: "ada", Salesperson: "bola",
		Status: "churned", OpenedOn: domain.MustDate("2024-01-10"), LiveOn: domain.MustDate("2024-01-20"), Terms: "term", TermsDays: 30,
		Currency: "NGN", CreditLimit: decimal.RequireFromString("5000000"),
		Overdraft: domain.Overdraft{Amount: decimal.RequireFromString("250000.50"), Expires: domain.MustDate("2026-03-31"), ApprovedBy: "cfo"},
		Products:  []string{"AGO", "PMS"}, Notes: "pays on the 25th", ExpansionNotes: "fleet candidate", Stamp: V1Stamp}
}

func V1Contract() domain.Contract {
	return domain.Contract{Account: "ACME", ID: "C-2024", Start: domain.MustDate("2024-01-01"), End: domain.MustDate("2026-12-31"),
		NoticeDays: 60, SLA: "delivery in 48h", Status: "active", Stamp: V1Stamp,
		Rebate: domain.RebateScheme{Basis: "quantity", Period: "quarter", Tiers: []domain.VolumeTier{
			{From: decimal.RequireFromString("10000"), Percent: decimal.RequireFromString("1.5")},
			{From: decimal.RequireFromString("50000"), PerUnit: decimal.RequireFromString("2.25")}}}}
}

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCodecReadsVersion1: a book written before version 2 reads: the
// account without a status date, the contract's tiers as quantity a
// quarter, a contract without tiers as none; and the same values written
// again are version 2 and read back with the new fields.
func TestCodecReadsVersion1(t *testing.T) {
	a, err := decodeAccount("ACME", unhex(t, V1AccountHex), nil)
	if err != nil {
		t.Fatalf("v1 account: %v", err)
	}
	if !equalRecord(a, V1Account()) {
		t.Errorf("v1 account\n got %+v\nwant %+v", a, V1Account())
	}
	c, err := decodeContract("ACME", []byte("C-2024"), unhex(t, V1ContractHex), nil)
	if err != nil {
		t.Fatalf("v1 contract: %v", err)
	}
	if !equalRecord(c, V1Contract()) {
		t.Errorf("v1 contract\n got %+v\nwant %+v", c, V1Contract())
	}
	none, err := decodeContract("ACME", []byte("C-2024"), unhex(t, V1ContractNoTiersHex), nil)
	if err != nil || !none.Rebate.IsZero() {
		t.Errorf("v1 contract without tiers: %+v, %v; want no rebate", none.Rebate, err)
	}

	// Written again: the current version, the new fields after the old ones.
	a.StatusSince = domain.MustDate("2025-05-31")
	v3 := appendAccount(nil, &a)
	if v3[0] != vAccount || !strings.HasPrefix(string(v3[1:]), string(unhex(t, V1AccountHex)[1:])) {
		t.Errorf("account %x is not the v1 layout with fields appended", v3)
	}
	if back, err := decodeAccount("ACME", v3, nil); err != nil || back.StatusSince != a.StatusSince {
		t.Errorf("account read back %v, %v", back.StatusSince, err)
	}
	c.Rebate.Basis, c.Rebate.Period = domain.RebateAmount, domain.RebateMonth
	v2 := appendContract(nil, &c)
	if v2[0] != 2 || !strings.HasPrefix(string(v2[1:]), string(unhex(t, V1ContractHex)[1:])) {
		t.Errorf("v2 contract %x is not the v1 layout with fields appended", v2)
	}
	if back, err := decodeContract("ACME", []byte("C-2024"), v2, nil); err != nil || !equalRecord(back, c) {
		t.Errorf("v2 contract read back %+v, %v", back, err)
	}
	// Version 1 and 2 of the same values are not the same record: an import
	// of them rewrites the old value.
	old := unhex(t, V1ContractHex)
	same := V1Contract()
	if sameRecord(old, appendContract(nil, &same)) {
		t.Error("a v1 value compares equal to its v2 form")
	}
}

// TestCodecRefusesOtherVersions: a version this code does not know (0, or
// one past the newest) is refused, as is a version 1 value with version 2's
// fields after it (a trailer) and a version 2 value without them.
func TestCodecRefusesOtherVersions(t *testing.T) {
	for _, v := range []byte{0, 4, 255} {
		b := unhex(t, V1AccountHex)
		b[0] = v
		if _, err := decodeAccount("ACME", b, nil); err == nil || !strings.Contains(err.Error(), "this acctdesk reads 1 to 3") {
			t.Errorf("account version %d: %v", v, err)
		}
	}
	for _, v := range []byte{0, 3, 255} {
		b := unhex(t, V1ContractHex)
		b[0] = v
		if _, err := decodeContract("ACME", []byte("C-2024"), b, nil); err == nil || !strings.Contains(err.Error(), "this acctdesk reads 1 to 2") {
			t.Errorf("contract version %d: %v", v, err)
		}
	}
	c := V1Contract()
	v2 := appendContract(nil, &c)
	v1long := append([]byte{1}, v2[1:]...)
	if _, err := decodeContract("ACME", []byte("C-2024"), v1long, nil); err == nil {
		t.Error("a v1 contract with a trailer decoded")
	}
	v2short := append([]byte{2}, unhex(t, V1ContractHex)[1:]...)
	if _, err := decodeContract("ACME", []byte("C-2024"), v2short, nil); err == nil {
		t.Error("a v2 contract without its basis and period decoded")
	}
	if _, err := decodeAccount("ACME", append([]byte{1}, unhex(t, V2AccountHex)[1:]...), nil); err == nil {
		t.Error("a v1 account with a trailer decoded")
	}
	if _, err := decodeAccount("ACME", append([]byte{2}, unhex(t, V1AccountHex)[1:]...), nil); err == nil {
		t.Error("a v2 account without its status date decoded")
	}
	if _, err := decodeAccount("ACME", append([]byte{3}, unhex(t, V2AccountHex)[1:]...), nil); err == nil {
		t.Error("a v3 account without its competitors decoded")
	}
}

// V1PlanHex is a version 1 payment plan, as appendPlan wrote it before
// Closed (at f9fcd54, run on V1Plan). Keep it byte for byte: books hold it.
const V1PlanHex = "01036164610180c0cfcce8cef0c43098a15a02d4a15a0300e4c6868f0192a25a00008092f401"

// V1Plan is what V1PlanHex holds: an open plan (no Closed date).
func V1Plan() domain.PaymentPlan {
	return domain.PaymentPlan{ID: 7, Account: "ACME", Agreed: domain.MustDate("2025-06-01"), Stamp: V1Stamp,
		Instalments: []domain.Instalment{{Due: domain.MustDate("2025-07-01"), Amount: decimal.RequireFromString("1500000.50")},
			{Due: domain.MustDate("2025-08-01"), Amount: decimal.RequireFromString("2000000")}}}
}

// TestCodecReadsPlanVersion1: a plan written before Closed reads as open;
// written again it is version 2, the v1 layout with Closed appended, and
// reads back closed; a version 3 is refused.
func TestCodecReadsPlanVersion1(t *testing.T) {
	own := idOwn(7)
	p, err := decodePlan("ACME", own, unhex(t, V1PlanHex), nil)
	if err != nil {
		t.Fatalf("v1 plan: %v", err)
	}
	if !equalRecord(p, V1Plan()) || !p.Closed.IsZero() {
		t.Errorf("v1 plan\n got %+v\nwant %+v", p, V1Plan())
	}
	p.Closed = domain.MustDate("2025-07-15")
	v2 := appendPlan(nil, &p)
	if v2[0] != 2 || !strings.HasPrefix(string(v2[1:]), string(unhex(t, V1PlanHex)[1:])) {
		t.Errorf("v2 plan %x is not the v1 layout with Closed appended", v2)
	}
	if back, err := decodePlan("ACME", own, v2, nil); err != nil || !equalRecord(back, p) {
		t.Errorf("v2 plan read back %+v, %v", back, err)
	}
	same := V1Plan()
	if sameRecord(unhex(t, V1PlanHex), appendPlan(nil, &same)) {
		t.Error("a v1 plan compares equal to its v2 form")
	}
	b := unhex(t, V1PlanHex)
	b[0] = 3
	if _, err := decodePlan("ACME", own, b, nil); err == nil || !strings.Contains(err.Error(), "this acctdesk reads 1 to 2") {
		t.Errorf("plan version 3: %v", err)
	}
}

// V1EscalationHex is a version 1 escalation, resolved, as appendEscalation
// wrote it before ResolvedOn (at 1cde6da, run on V1Escalation). Keep it byte
// for byte: books hold it.
const V1EscalationHex = "01036164610180c0cfcce8cef0c43080a15a0764697370757465066d656469756d0a6f7065726174696f6e7310766f6c756d6573" +
	"2064697370757465648ea15a087265736f6c7665641377617962696c6c73207265636f6e63696c656403616461"

// V1Escalation is what V1EscalationHex holds: resolved, on a day not kept.
func V1Escalation() domain.Escalation {
	return domain.Escalation{ID: 9, Account: "ACME", Opened: domain.MustDate("2025-05-20"), Category: "dispute", Severity: "medium",
		To: "operations", Summary: "volumes disputed", Due: domain.MustDate("2025-05-27"), Status: "resolved",
		Resolution: "waybills reconciled", ResolvedBy: "ada", Stamp: V1Stamp}
}

// TestCodecReadsEscalationVersion1: a resolved escalation written before
// ResolvedOn reads with ResolvedOn zero (and still validates); written
// again it is version 2, the v1 layout with the date appended, and reads
// back with it; a version 3, a v1 with a trailer and a v2 without the date
// are refused.
func TestCodecReadsEscalationVersion1(t *testing.T) {
	own := idOwn(9)
	x, err := decodeEscalation("ACME", own, unhex(t, V1EscalationHex), nil)
	if err != nil {
		t.Fatalf("v1 escalation: %v", err)
	}
	if !equalRecord(x, V1Escalation()) || !x.ResolvedOn.IsZero() {
		t.Errorf("v1 escalation\n got %+v\nwant %+v", x, V1Escalation())
	}
	if err := x.Validate(); err != nil {
		t.Errorf("a v1 resolved escalation does not validate: %v", err)
	}
	x.ResolvedOn = domain.MustDate("2025-05-26")
	v2 := appendEscalation(nil, &x)
	if v2[0] != 2 || !strings.HasPrefix(string(v2[1:]), string(unhex(t, V1EscalationHex)[1:])) {
		t.Errorf("v2 escalation %x is not the v1 layout with ResolvedOn appended", v2)
	}
	if back, err := decodeEscalation("ACME", own, v2, nil); err != nil || !equalRecord(back, x) {
		t.Errorf("v2 escalation read back %+v, %v", back, err)
	}
	same := V1Escalation()
	if sameRecord(unhex(t, V1EscalationHex), appendEscalation(nil, &same)) {
		t.Error("a v1 escalation compares equal to its v2 form")
	}
	b := unhex(t, V1EscalationHex)
	b[0] = 3
	if _, err := decodeEscalation("ACME", own, b, nil); err == nil || !strings.Contains(err.Error(), "this acctdesk reads 1 to 2") {
		t.Errorf("escalation version 3: %v", err)
	}
	if _, err := decodeEscalation("ACME", own, append([]byte{1}, v2[1:]...), nil); err == nil {
		t.Error("a v1 escalation with a trailer decoded")
	}
	if _, err := decodeEscalation("ACME", own, append([]byte{2}, unhex(t, V1EscalationHex)[1:]...), nil); err == nil {
		t.Error("a v2 escalation without its resolved date decoded")
	}
}
