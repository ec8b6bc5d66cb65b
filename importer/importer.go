// Package importer reads the canonical import files of SPEC §5 (CSV, with
// ERP-export mapping) into a store.Batch. It never writes: the caller applies
// the batch in one transaction, so a bad row means nothing is stored.
package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// Kinds of import file.
var Kinds = []string{"accounts", "contacts", "invoices", "payments", "credit-notes"}

// columns are the canonical columns of each kind; required ones first, marked.
var columns = map[string][]column{
	"accounts": {{"code", true}, {"name", true}, {"tier", false}, {"segment", false}, {"owner", false},
		{"salesperson", false}, {"status", false}, {"terms", false}, {"payment_terms_days", false},
		{"credit_limit", false}, {"currency", false}, {"products", false}, {"opened_on", false}, {"live_on", false}},
	"contacts": {{"account", true}, {"name", true}, {"role", false}, {"phone", false}, {"email", false}, {"primary", false}},
	"invoices": {{"account", true}, {"number", true}, {"issue_date", true}, {"due_date", false}, {"amount", true},
		{"currency", false}, {"product", false}, {"quantity", false}, {"unit", false}, {"disputed", false},
		{"dispute_reason", false}, {"paid_on", false}},
	"payments":     {{"account", true}, {"reference", true}, {"date", true}, {"amount", true}, {"currency", false}, {"invoice", false}},
	"credit-notes": {{"account", true}, {"number", true}, {"date", true}, {"amount", true}, {"reason", false}, {"invoice", false}, {"currency", false}},
}

type column struct {
	name     string
	required bool
}

// Options shape how a file is read.
type Options struct {
	Map        map[string]string // source header (any case) → canonical column
	DateLayout string            // Go layout; ISO when empty
	Currency   domain.Currency   // currency of rows that name none; "" leaves it to the account
	// Size is the file's length in bytes when known: the batch is then sized
	// up front from the first rows, instead of growing a million-row slice.
	Size int64
	// Progress, when set, is called every ProgressEvery rows and at the end
	// with the rows read so far.
	Progress func(rows int)
}

// ProgressEvery is how many rows Read reads between calls to Options.Progress.
const ProgressEvery = 10_000

// sampleRows is how many rows Read reads before it sizes the batch.
const sampleRows = 1000

// ParseMap reads "SRC=DST,SRC=DST".
func ParseMap(s string) (map[string]string, error) {
	m := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, pair := range strings.Split(s, ",") {
		src, dst, ok := strings.Cut(pair, "=")
		src, dst = strings.TrimSpace(src), strings.TrimSpace(dst)
		if !ok || src == "" || dst == "" {
			return nil, fmt.Errorf("--map %q: write SRC=DST pairs separated by commas", pair)
		}
		// A column name is named back in messages: it must read as itself.
		for _, name := range []string{src, dst} {
			if err := domain.CheckCode(name); err != nil {
				return nil, fmt.Errorf("--map %q: column %q %v", pair, name, err)
			}
		}
		m[strings.ToLower(src)] = strings.ToLower(dst)
	}
	return m, nil
}

// Read parses a whole file of the kind into a batch. Every bad row is reported
// (store.RowErrors) and no batch is returned then. What it returns is safe
// to print, whatever the file holds: a value is quoted with its control
// characters escaped, every reason and column name is domain.Safe, and no
// field holding a control character (or, in a code, number or reference,
// an invisible one) gets into the batch.
func Read(kind string, r io.Reader, opt Options) (*store.Batch, error) {
	cols, ok := columns[kind]
	if !ok {
		return nil, fmt.Errorf("unknown import kind %q (use %s)", kind, strings.Join(Kinds, ", "))
	}
	if opt.DateLayout != "" {
		if err := domain.CheckCode(opt.DateLayout); err != nil {
			return nil, fmt.Errorf("date format %q %v", opt.DateLayout, err)
		}
	}
	br := bufio.NewReaderSize(r, 1<<20)
	comma, err := sniff(br)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("the file is empty")
	}
	if err != nil {
		return nil, fmt.Errorf("line 1: %s", domain.Safe(err.Error()))
	}
	h, err := mapHeader(header, cols, opt.Map)
	if err != nil {
		return nil, err
	}
	p := &parser{kind: kind, opt: opt, h: h, b: &store.Batch{}}
	start, rows := cr.InputOffset(), 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		rows++
		if rows == sampleRows && opt.Size > 0 {
			p.reserve(float64(opt.Size-start) / float64(cr.InputOffset()-start))
		}
		if opt.Progress != nil && rows%ProgressEvery == 0 {
			opt.Progress(rows)
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				p.errs = append(p.errs, store.RowError{Line: pe.Line, Reason: domain.Safe(pe.Err.Error())})
				continue
			}
			return nil, err
		}
		if blank(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		p.row(line, rec)
	}
	if opt.Progress != nil {
		opt.Progress(rows)
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return p.b, nil
}

// reserve grows the batch for the whole file: what the first rows made,
// times how many times larger the file is than those rows, with a margin.
func (p *parser) reserve(scale float64) {
	b := p.b
	grow := func(have int) int {
		want := min(float64(have)*scale*1.05+16, 1<<26) // a wrong Size must not ask for gigabytes
		return max(int(want)-have, 0)
	}
	b.Accounts = slices.Grow(b.Accounts, grow(len(b.Accounts)))
	b.Contacts = slices.Grow(b.Contacts, grow(len(b.Contacts)))
	b.Invoices = slices.Grow(b.Invoices, grow(len(b.Invoices)))
	b.Payments = slices.Grow(b.Payments, grow(len(b.Payments)))
	b.Credits = slices.Grow(b.Credits, grow(len(b.Credits)))
}

// sniff strips a UTF-8 BOM and picks ';' when the header has more of them than commas.
func sniff(br *bufio.Reader) (rune, error) {
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	peek, _ := br.Peek(64 << 10)
	if i := bytes.IndexByte(peek, '\n'); i >= 0 {
		peek = peek[:i]
	}
	if bytes.Count(peek, []byte{';'}) > bytes.Count(peek, []byte{','}) {
		return ';', nil
	}
	return ',', nil
}

// header maps canonical column → field index, and remembers the source names.
type header struct {
	idx    map[string]int
	source map[string]string
}

func mapHeader(names []string, cols []column, rename map[string]string) (header, error) {
	h := header{idx: map[string]int{}, source: map[string]string{}}
	known := map[string]bool{}
	for _, c := range cols {
		known[c.name] = true
	}
	for i, raw := range names {
		name := strings.ToLower(strings.TrimSpace(raw))
		if dst, ok := rename[name]; ok {
			name = dst
		}
		if !known[name] {
			continue // extra columns of an ERP export are ignored
		}
		if _, dup := h.idx[name]; dup {
			return h, fmt.Errorf("line 1: column %q appears twice", name)
		}
		h.idx[name] = i
		h.source[name] = strings.TrimSpace(raw)
	}
	var missing []string
	for _, c := range cols {
		if _, ok := h.idx[c.name]; c.required && !ok {
			missing = append(missing, c.name)
		}
	}
	if len(missing) > 0 {
		return h, fmt.Errorf("line 1: missing required column %s (use --map SRC=DST to rename a column)", strings.Join(missing, ", "))
	}
	return h, nil
}

// label is how an error names a column: the canonical name, with the file's own
// header when it differs (Safe: it is the file's text).
func (h header) label(col string) string {
	if src, ok := h.source[col]; ok && !strings.EqualFold(src, col) {
		return fmt.Sprintf("%s (%s)", col, domain.Safe(src))
	}
	return col
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// parser reads one row at a time into the batch and gathers errors.
type parser struct {
	kind string
	opt  Options
	h    header
	b    *store.Batch
	errs store.RowErrors
	line int
	rec  []string
	bad  bool
}

func (p *parser) get(col string) string {
	i, ok := p.h.idx[col]
	if !ok || i >= len(p.rec) {
		return ""
	}
	return strings.TrimSpace(p.rec[i])
}

// fail records what is wrong with a column of the row. The reason may quote
// the value (%q escapes it); it is Safe all the same.
func (p *parser) fail(col, reason string) {
	p.bad = true
	p.errs = append(p.errs, store.RowError{Line: p.line, Field: p.h.label(col), Reason: domain.Safe(reason)})
}

// text is a column of free text: no control characters.
func (p *parser) text(col string) string {
	v := p.get(col)
	p.checkText(col, v)
	return v
}

func (p *parser) checkText(col, v string) {
	if err := domain.CheckText(v, false, 2000); err != nil {
		p.fail(col, err.Error())
	}
}

// code is a code, number or reference: no control or invisible characters
// either (domain.CheckCode), so that "INV-001" is what it reads as; an empty
// one is left to the record's validation ("is empty").
func (p *parser) code(col string) string {
	v := p.get(col)
	if v != "" {
		if err := domain.CheckCode(v); err != nil {
			p.fail(col, err.Error())
		}
	}
	return v
}

func (p *parser) date(col string) domain.Date {
	v := p.get(col)
	if v == "" {
		return 0
	}
	layout := p.opt.DateLayout
	if layout == "" {
		layout = "2006-01-02"
	}
	d, err := domain.ParseDateLayout(v, layout)
	if err != nil {
		p.fail(col, err.Error())
	}
	return d
}

func (p *parser) currency() domain.Currency {
	v := p.get("currency")
	if v == "" {
		return p.opt.Currency
	}
	c, err := domain.ParseCurrency(v)
	if err != nil {
		p.fail("currency", err.Error())
	}
	return c
}

func (p *parser) amount(col string, c domain.Currency) decimal.Decimal {
	v := p.get(col)
	if v == "" {
		return decimal.Zero
	}
	d, err := domain.ParseAmount(v, c)
	if err != nil {
		p.fail(col, err.Error())
	}
	return d
}

func (p *parser) integer(col string, def int) int {
	v := p.get(col)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		p.fail(col, fmt.Sprintf("%q is not a whole number", v))
	}
	return n
}

func (p *parser) boolean(col string) bool {
	switch strings.ToLower(p.get(col)) {
	case "", "no", "n", "false", "0":
		return false
	case "yes", "y", "true", "1", "x":
		return true
	}
	p.fail(col, fmt.Sprintf("%q is not yes or no", p.get(col)))
	return false
}

// row parses one record; a row with errors adds nothing to the batch.
func (p *parser) row(line int, rec []string) {
	p.line, p.rec, p.bad = line, rec, false
	switch p.kind {
	case "accounts":
		p.account()
	case "contacts":
		c := domain.Contact{Account: p.code("account"), Name: p.text("name"), Role: strings.ToLower(p.text("role")),
			Phone: p.text("phone"), Email: p.text("email"), Primary: p.boolean("primary")}
		if !p.bad {
			p.b.Contacts = append(p.b.Contacts, store.Rec[domain.Contact]{Line: line, V: c})
		}
	case "invoices":
		p.invoice()
	case "payments":
		cur := p.currency()
		pay := domain.Payment{Account: p.code("account"), Reference: p.code("reference"), Received: p.date("date"),
			Amount: p.amount("amount", cur), Currency: cur, Invoice: p.code("invoice")}
		if !p.bad {
			p.b.Payments = append(p.b.Payments, store.Rec[domain.Payment]{Line: line, V: pay})
		}
	case "credit-notes":
		cur := p.currency()
		reason, err := domain.ParseCreditReason(p.get("reason"))
		if err != nil {
			p.fail("reason", err.Error())
		}
		c := domain.CreditNote{Account: p.code("account"), Number: p.code("number"), Date: p.date("date"),
			Amount: p.amount("amount", cur), Currency: cur, Reason: reason, Invoice: p.code("invoice")}
		if !p.bad {
			p.b.Credits = append(p.b.Credits, store.Rec[domain.CreditNote]{Line: line, V: c})
		}
	}
}

func (p *parser) account() {
	cur := p.currency()
	if cur == "" {
		cur = "NGN"
	}
	terms := strings.ToLower(p.text("terms"))
	if terms == "" {
		terms = "term"
	}
	days := 30
	if terms == "cash" {
		days = 0
	}
	status := strings.ToLower(p.text("status"))
	if status == "" {
		status = domain.StatusActive
	}
	var products []string
	for _, s := range strings.Split(p.get("products"), ";") {
		if s = strings.TrimSpace(s); s != "" {
			p.checkText("products", s)
			products = append(products, s)
		}
	}
	a := domain.Account{
		Code: p.code("code"), Name: p.text("name"), Tier: p.integer("tier", 3), Segment: p.text("segment"),
		Owner: p.text("owner"), Salesperson: p.text("salesperson"), Status: status, Terms: terms,
		TermsDays: p.integer("payment_terms_days", days), CreditLimit: p.amount("credit_limit", cur),
		Currency: cur, Products: products, OpenedOn: p.date("opened_on"), LiveOn: p.date("live_on"),
	}
	if !p.bad {
		p.b.Accounts = append(p.b.Accounts, store.Rec[domain.Account]{Line: p.line, V: a})
	}
}

func (p *parser) invoice() {
	cur := p.currency()
	inv := domain.Invoice{
		Account: p.code("account"), Number: p.code("number"), Issued: p.date("issue_date"), Due: p.date("due_date"),
		Amount: p.amount("amount", cur), Currency: cur, Product: p.text("product"), Unit: p.text("unit"),
		Disputed: p.boolean("disputed"), DisputeReason: p.text("dispute_reason"),
	}
	if q := p.get("quantity"); q != "" {
		inv.Quantity = p.amount("quantity", "")
	}
	paid := p.date("paid_on")
	if p.bad {
		return
	}
	p.b.Invoices = append(p.b.Invoices, store.Rec[domain.Invoice]{Line: p.line, V: inv})
	if !paid.IsZero() {
		// An ERP's settled date is a full payment of this invoice on that date.
		p.b.Payments = append(p.b.Payments, store.Rec[domain.Payment]{Line: p.line, V: domain.Payment{
			Account: inv.Account, Reference: "PAID-" + inv.Number, Received: paid, Amount: inv.Amount,
			Currency: inv.Currency, Invoice: inv.Number}})
	}
}
