package importer

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"acctdesk/domain"
	"acctdesk/internal/safetest"
	"acctdesk/store"
)

// hostile are values that would drive a terminal, or mislead the eye, if
// they reached one raw: an OSC 52 clipboard write, a screen clear, CSI as
// one C1 character, a bidi override, a zero-width space, a byte that is not
// UTF-8, a carriage return.
var hostile = []string{"\x1b]52;c;aGk=\x07", "\x1b[2J", "\u009b2J", "\u202e", "\u200b", "\xff", "x\ry"}

// controls reports whether s holds a control character (what the text rules
// refuse everywhere) as opposed to only a bidi or zero-width one (refused in
// codes, numbers and references).
func controls(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) }) || !utf8.ValidString(s)
}

func assertSafe(t *testing.T, what, s string) {
	t.Helper()
	if i, bad := safetest.RawControl([]byte(s)); bad {
		t.Fatalf("%s holds a raw control byte at %d: %q", what, i, s)
	}
}

// good is a valid value for each column of each kind.
var good = map[string]string{
	"code": "ACME", "name": "Acme Ltd", "tier": "1", "segment": "haulage", "owner": "ada", "salesperson": "bola",
	"status": "active", "terms": "term", "payment_terms_days": "30", "credit_limit": "1000.00", "currency": "NGN",
	"products": "AGO;PMS", "opened_on": "2026-01-05", "live_on": "2026-01-06",
	"account": "ACME", "role": "finance", "phone": "+234 1", "email": "a@b.ng", "primary": "yes",
	"number": "INV-1", "issue_date": "2026-01-05", "due_date": "2026-02-04", "amount": "100.00", "product": "AGO",
	"quantity": "10", "unit": "l", "disputed": "no", "dispute_reason": "short", "paid_on": "2026-01-20",
	"reference": "PAY-1", "date": "2026-01-05", "invoice": "INV-0", "reason": "Short Delivery",
	"status_since": "2026-01-05", "start": "2026-01-01", "end": "2026-12-31", "notice_days": "90", "sla": "24h\ndelivery",
	"rebate": "quantity/quarter:0=0%,10000=1%", "kind": "nps", "score": "9", "comment": "good\nservice", "month": "2026-11", "balance": "-12.50",
}

// multiline are the record fields that may hold a line break.
var multiline = map[string]bool{"DisputeReason": true, "SLA": true, "Comment": true}

var codeColumns = map[string]bool{"code": true, "account": true, "number": true, "reference": true, "invoice": true}

// file is a header of every column of the kind and one row of good values,
// with column col set to v.
func file(kind, col, v string) string {
	var head, row []string
	for _, c := range columns[kind] {
		head = append(head, c.name)
		val := good[c.name]
		if c.name == col {
			val = v
		}
		row = append(row, `"`+strings.ReplaceAll(val, `"`, `""`)+`"`)
	}
	return strings.Join(head, ",") + "\n" + strings.Join(row, ",") + "\n"
}

// TestEveryColumnRefusesControls: an escape sequence in any column of any
// kind, inside a value or alone, a bad date or amount carrying one: the row
// is refused with its line and column, and the message is safe to print.
// Bidi and zero-width characters are refused in codes, numbers and
// references; elsewhere they may be kept (the output escapes them), but
// nothing accepted holds a control character.
func TestEveryColumnRefusesControls(t *testing.T) {
	for _, kind := range Kinds {
		if _, err := readAll(kind, strings.NewReader(file(kind, "", "")), Options{}); err != nil {
			t.Fatalf("%s: the good row is refused: %v", kind, err)
		}
		for _, c := range columns[kind] {
			for _, h := range hostile {
				for _, v := range []string{good[c.name] + h, h + good[c.name], h} {
					name := fmt.Sprintf("%s/%s/%q", kind, c.name, v)
					b, err := readAll(kind, strings.NewReader(file(kind, c.name, v)), Options{})
					if err != nil {
						assertSafe(t, name+": error", err.Error())
					}
					if !utf8.ValidString(v) {
						// Bytes that are not UTF-8: the file is refused at that line and column, with the cure.
						// (line 3 after a field holding a line break: the line the bad field is on)
						if err == nil || !strings.HasPrefix(err.Error(), "line ") || !strings.Contains(err.Error(), ": "+c.name+": the file is not UTF-8") ||
							!strings.Contains(err.Error(), "--encoding windows-1252") {
							t.Fatalf("%s: err = %v, want the file refused as not UTF-8", name, err)
						}
						continue
					}
					if !controls(h) && !codeColumns[c.name] {
						if err == nil {
							checkBatch(t, name, b)
						}
						continue
					}
					var rows store.RowErrors
					if !errors.As(err, &rows) {
						t.Fatalf("%s: err = %v, want the row refused", name, err)
					}
					found := false
					for _, r := range rows {
						if r.Line == 2 && r.Field == c.name {
							found = true
						}
						if !strings.HasPrefix(r.Error(), "line 2: "+c.name+": ") {
							t.Errorf("%s: %q does not name the line and column", name, r.Error())
						}
					}
					if !found {
						t.Errorf("%s: no error on line 2, column %s: %v", name, c.name, rows)
					}
				}
			}
		}
	}
}

// TestHostileHeaders: escape sequences in the header line. An unknown
// column is ignored, a required one renamed away is missing, and a --map
// naming one is refused; every message is safe.
func TestHostileHeaders(t *testing.T) {
	for _, h := range hostile {
		extra := "account,number,issue_date,amount,note" + h + "\nACME,I1,2026-01-05,100,x\n"
		if _, err := readAll("invoices", strings.NewReader(extra), Options{}); err != nil {
			t.Errorf("an unknown column %q: %v", h, err)
		}
		missing := "account,number,issue_date,amount" + h + "\nACME,I1,2026-01-05,100\n"
		_, err := readAll("invoices", strings.NewReader(missing), Options{})
		if err == nil || !strings.Contains(err.Error(), "line 1: missing required column amount") {
			t.Errorf("header amount%q: err = %v", h, err)
		} else if !utf8.ValidString(h) && !strings.Contains(err.Error(), "the header is not UTF-8 (byte 0xFF)") {
			t.Errorf("header amount%q: the cure is not named: %v", h, err)
		} else {
			assertSafe(t, "missing column", err.Error())
		}
		if _, err := ParseMap("Montant" + h + "=amount"); err == nil {
			t.Errorf("--map with %q accepted", h)
		} else {
			assertSafe(t, "--map", err.Error())
		}
		if _, err := ParseMap("Montant=amount" + h); err == nil {
			t.Errorf("--map with %q accepted", h)
		} else {
			assertSafe(t, "--map", err.Error())
		}
		_, err = readAll("invoices", strings.NewReader("account,number,issue_date,amount\nACME,I1,1/5/2026,100\n"), Options{DateLayout: "1/2/2006" + h})
		if err == nil {
			t.Errorf("date format with %q accepted", h)
		} else {
			assertSafe(t, "--date-format", err.Error())
		}
	}
	// A mapped column's own header is named in messages, safely.
	m, err := ParseMap("Montant=amount")
	if err != nil {
		t.Fatal(err)
	}
	_, err = readAll("invoices", strings.NewReader("account,number,issue_date,MONTANT\nACME,I1,2026-01-05,1\x1b[2J\n"), Options{Map: m})
	if err == nil || !strings.Contains(err.Error(), "line 2: amount (MONTANT): ") {
		t.Fatalf("err = %v", err)
	}
	assertSafe(t, "mapped column", err.Error())
}

// checkBatch: every string of every record a batch holds passes the text
// rules (no control character), and every code, number and reference is
// free of invisible characters too.
func checkBatch(t *testing.T, what string, b *store.Batch) {
	t.Helper()
	bv := reflect.ValueOf(b).Elem()
	for i := 0; i < bv.NumField(); i++ {
		f := bv.Field(i)
		if f.Kind() != reflect.Slice {
			continue
		}
		for j := 0; j < f.Len(); j++ {
			rec := f.Index(j)
			if rec.Kind() != reflect.Struct || !rec.FieldByName("V").IsValid() {
				break
			}
			v := rec.FieldByName("V")
			if v.Kind() != reflect.Struct {
				break
			}
			for k := 0; k < v.NumField(); k++ {
				name := v.Type().Field(k).Name
				fv := v.Field(k)
				var ss []string
				switch {
				case fv.Kind() == reflect.String:
					ss = []string{fv.String()}
				case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String:
					for n := 0; n < fv.Len(); n++ {
						ss = append(ss, fv.Index(n).String())
					}
				}
				for _, s := range ss {
					check := func(s string) error { return domain.CheckText(s, false, 1<<20) }
					if multiline[name] {
						check = func(s string) error { return domain.CheckMultiline(s, 1<<20) }
					}
					if err := check(s); err != nil {
						t.Fatalf("%s: %s.%s = %q was accepted: %v", what, bv.Type().Field(i).Name, name, s, err)
					}
					switch name {
					case "Account", "Code", "Number", "Reference", "Invoice":
						if strings.ContainsFunc(s, domain.Invisible) {
							t.Fatalf("%s: %s.%s = %q holds an invisible character", what, bv.Type().Field(i).Name, name, s)
						}
					}
				}
			}
		}
	}
}
