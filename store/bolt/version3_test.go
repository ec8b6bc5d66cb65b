package bolt

import (
	"strings"
	"testing"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// Records as the release before the administrator's records (schema 6)
// wrote them: settings of version 3 (before RequiredDocs and Targets:
// V3Settings, appendSettings at 1188008). Keep them byte for byte: books
// hold them.
const V3SettingsHex = "030477657374034e474e043c78b401f001b401a001c8013cb40106020361646104626f6c61030412500a" +
	"010341474f0300fc03"

// V3Settings is what V3SettingsHex holds: a margin rate, no required
// documents, and so the SPEC's targets.
func V3Settings() domain.Settings {
	s := V2Settings()
	s.MarginRates = map[string]decimal.Decimal{"AGO": decimal.RequireFromString("2.54")}
	return s
}

// TestSettingsV3: settings written before the required documents and
// targets read with none and the SPEC's targets (NRR 110, churn 5, bad
// debt 1, no DSO target); written again they are version 4, the v3 layout
// with the segments' lists and the targets appended, read back whole
// whatever order the map gives; segments out of order are refused.
func TestSettingsV3(t *testing.T) {
	s, err := decodeSettings(unhex(t, V3SettingsHex))
	if err != nil || !equalRecord(s, V3Settings()) || s.RequiredDocs != nil || s.Targets != (domain.Targets{NRRPct: 110, LogoChurnPct: 5, BadDebtPct: 1}) {
		t.Fatalf("v3 settings %+v, %v; want %+v", s, err, V3Settings())
	}
	s.RequiredDocs = map[string][]string{"retail": nil, "": {"signed-contract"}, "haulage": {"fleet-list", "signed-contract"}}
	s.Targets = domain.Targets{NRRPct: 105, LogoChurnPct: 4, BadDebtPct: 2, DSODays: 45}
	v4 := appendSettings(nil, &s)
	// "" first, then haulage, then retail (none); then 105, 4, 2, 45 zig-zag.
	tail := "\x03" + "\x00\x01\x0fsigned-contract" + "\x07haulage\x02\x0afleet-list\x0fsigned-contract" + "\x06retail\x00" + "\xd2\x01\x08\x04\x5a"
	if v4[0] != 4 || string(v4[1:]) != string(unhex(t, V3SettingsHex)[1:])+tail {
		t.Errorf("v4 settings %x are not the v3 layout with %x appended", v4, tail)
	}
	for range 20 {
		if again := appendSettings(nil, &s); string(again) != string(v4) {
			t.Fatalf("settings encode as %x, then %x", v4, again)
		}
	}
	back, err := decodeSettings(v4)
	if err != nil || !equalRecord(back, s) {
		t.Errorf("v4 settings read back %+v, %v", back, err)
	}
	if _, named := back.RequiredDocs["retail"]; !named || len(back.RequiredDocsFor("retail")) != 0 {
		t.Errorf("retail's empty list read back as %v (named %v)", back.RequiredDocs["retail"], named)
	}
	swapped := strings.Replace(string(v4), "\x07haulage", "\x07zzzzzzz", 1)
	if _, err := decodeSettings([]byte(swapped)); err == nil || !strings.Contains(err.Error(), "out of order") {
		t.Errorf("segments out of order: %v", err)
	}
}

// TestInvoiceNumbersFrontCoded: numbers are kept as what each shares with
// the one before and the rest, cut where a rune starts; a value that
// shares less than it could, more than the number before has, cuts inside
// a rune, holds an empty number, another count than the invoices' or
// another total length is refused.
func TestInvoiceNumbersFrontCoded(t *testing.T) {
	for _, c := range []struct {
		prev, s string
		want    int
	}{
		{"", "INV-1", 0}, {"INV-0001", "INV-0002", 7}, {"INV-9", "INV-10", 4}, {"A", "A", 1}, {"AB", "A", 1},
		{"é1", "è1", 0}, {"Né-1", "Né-2", 4}, {"N€1", "N₦1", 1}, {"ab", "abc", 2},
	} {
		if got := sharedPrefix(c.prev, c.s); got != c.want {
			t.Errorf("sharedPrefix(%q, %q) = %d; want %d", c.prev, c.s, got, c.want)
		}
	}
	ledger := func(numbers ...string) domain.Ledger {
		l := domain.Ledger{Credits: []domain.LedgerCredit{}, Kinds: []domain.CreditKind{}, Products: []string{""}}
		for range numbers {
			l.Invoices = append(l.Invoices, domain.LedgerInvoice{Issued: 1, Due: 1, Amount: 1})
			l.Lines = append(l.Lines, domain.InvoiceLine{})
		}
		l.Numbers = domain.NumbersOf(numbers)
		return l
	}
	l := ledger("INV-0009", "INV-0010", "é-1", "è-1")
	v := appendLedger(nil, &l, nil)
	// 4 numbers of 24 bytes: "INV-0009"; 6 shared and "10"; "é-1" (4
	// bytes) from scratch; é and è share a first byte, not a rune: 0.
	numbers := "\x04\x18" + "\x00\x08INV-0009" + "\x06\x0210" + "\x00\x04é-1" + "\x00\x04è-1"
	if !strings.HasSuffix(string(v), numbers) {
		t.Fatalf("numbers encoded as %x", v)
	}
	var x domain.Facts
	if err := decodeLedger(v, &x, nil); err != nil || !equalRecord(x.Ledger, l) || x.Ledger.Numbers.At(3) != "è-1" {
		t.Fatalf("read back %+v, %v", x.Ledger.Numbers, err)
	}
	body := string(v[:len(v)-len(numbers)])
	for name, bad := range map[string]string{
		"shares less than it could":  "\x04\x18" + "\x00\x08INV-0009" + "\x05\x030" + "10" + "\x00\x04é-1" + "\x00\x04è-1",
		"shares more than it has":    "\x04\x18" + "\x00\x08INV-0009" + "\x09\x0210" + "\x00\x04é-1" + "\x00\x04è-1",
		"cuts inside a rune":         "\x04\x18" + "\x00\x08INV-0009" + "\x06\x0210" + "\x00\x04é-1" + "\x01\x03X-1",
		"an empty number":            "\x04\x10" + "\x00\x08INV-0009" + "\x00\x00" + "\x00\x04é-1" + "\x00\x04è-1",
		"one number fewer":           "\x03\x14" + "\x00\x08INV-0009" + "\x06\x0210" + "\x00\x04é-1",
		"another total":              "\x04\x19" + "\x00\x08INV-0009" + "\x06\x0210" + "\x00\x04é-1" + "\x00\x04è-1",
		"a control character":        "\x04\x18" + "\x00\x08INV-0009" + "\x06\x021\x1b" + "\x00\x04é-1" + "\x00\x04è-1",
		"none for invoices that are": "\x00",
	} {
		if err := decodeLedger([]byte(body+bad), &x, nil); err == nil {
			t.Errorf("%s: decoded as %+v", name, x.Ledger.Numbers)
		}
	}
	// Fixing the bad "shares less" case's bytes to what it spells out:
	// the encoder would have shared 6, so it is refused for that alone.
	if err := decodeLedger([]byte(body+"\x04\x18"+"\x00\x08INV-0009"+"\x05\x03010"+"\x00\x04é-1"+"\x00\x04è-1"), &x, nil); err == nil ||
		!strings.Contains(err.Error(), "shares fewer bytes than it could") {
		t.Errorf("a number sharing 5 bytes of 6: %v", err)
	}
}

// TestDecodersRefuseAdminContent: a SHA-256 kept as text that has the
// short form, or of a form no version wrote; a reconciliation whose key is
// not exactly a date; a touch naming an author the facts do not list.
func TestDecodersRefuseAdminContent(t *testing.T) {
	sha := strings.Repeat("ab", 32)
	doc := domain.Document{Account: "ACME", Kind: "signed-contract", Received: domain.MustDate("2025-03-01"), SHA256: sha}
	v := appendDocument(nil, &doc)
	if got, err := decodeDocument("ACME", []byte(doc.Kind), v, nil); err != nil || !equalRecord(got, doc) {
		t.Fatalf("a good document: %+v, %v", got, err)
	}
	// stamp (0, 0), received, validated 0, by "", file "", then the SHA-256 in 33 bytes, the note.
	if at := strings.Index(string(v), "\x01\xab\xab"); at < 0 || len(v)-at != 1+32+1 {
		t.Fatalf("the SHA-256 is not kept in 32 bytes: %x", v)
	}
	e := enc{b: v[:len(v)-34]}
	e.byte(shaText)
	e.str(sha)
	e.str("")
	if _, err := decodeDocument("ACME", []byte(doc.Kind), e.b, nil); err == nil || !strings.Contains(err.Error(), "shorter form") {
		t.Errorf("a SHA-256 as text: %v", err)
	}
	other := doc
	other.SHA256 = strings.ToUpper(sha) // no write keeps one, but the encoder takes it
	if got, err := decodeDocument("ACME", []byte(doc.Kind), appendDocument(nil, &other), nil); err != nil || got.SHA256 != other.SHA256 {
		t.Errorf("a SHA-256 in upper case: %+v, %v", got, err)
	}
	bad := append([]byte(nil), v...)
	bad[len(bad)-34] = 3
	if _, err := decodeDocument("ACME", []byte(doc.Kind), bad, nil); err == nil {
		t.Error("a SHA-256 of form 3 decoded")
	}
	rec := domain.Reconciliation{Account: "ACME", AsOf: domain.MustDate("2025-02-28")}
	for _, own := range []string{"2025-02-28 ", " 2025-02-28", "2025-2-28", "2025-02-30", ""} {
		if _, err := decodeReconciled("ACME", []byte(own), appendReconciled(nil, &rec), nil); err == nil {
			t.Errorf("reconciliation key %q: decoded", own)
		}
	}
	x := domain.Facts{Account: domain.Account{Code: "ACME", Currency: "NGN"}, Authors: []string{"ada", "bola"},
		Touches: []domain.Touch{{ID: 1, On: 1, By: 1}, {ID: 2, On: 2, By: 0}}}
	fv := appendFacts(nil, &x, false)
	var got domain.Facts
	if _, err := decodeFacts("ACME", fv, &got, nil); err != nil || got.Author(got.Touches[0]) != "bola" {
		t.Fatalf("facts of two authors: %+v, %v", got, err)
	}
	fv[len(fv)-2] = 2 // the first touch's author: a third of two
	if _, err := decodeFacts("ACME", fv, &got, nil); err == nil || !strings.Contains(err.Error(), "author 2 of 2") {
		t.Errorf("a touch by an author not listed: %v", err)
	}
}
