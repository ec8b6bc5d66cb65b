// Command export writes a book's accounts, invoices, payments and credit
// notes as the canonical import CSVs of SPEC §5, for the import benchmark
// and the SQLite comparison (bench/README.md, BENCHMARKS.md).
//
//	go run ./bench/export --db /tmp/L.db --out /tmp/L-csv
//
// An invoice whose only explicit application is one payment of exactly its
// amount is written with paid_on, and that payment is left out of
// payments.csv (the importer records paid_on as such a payment); with
// --no-paid-on every payment is written as it is. Either way a fresh book
// imported from the files has the same aging and DSO as the original.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"acctdesk/domain"
	"acctdesk/store/bolt"
)

func main() {
	db := flag.String("db", "", "the book to export")
	out := flag.String("out", "", "directory for the CSV files")
	noPaidOn := flag.Bool("no-paid-on", false, "write every payment to payments.csv, no paid_on")
	flag.Parse()
	if *db == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: export --db BOOK --out DIR [--no-paid-on]")
		os.Exit(2)
	}
	if err := run(*db, *out, !*noPaidOn); err != nil {
		fmt.Fprintln(os.Stderr, "export:", err)
		os.Exit(1)
	}
}

type writer struct {
	f *os.File
	b *bufio.Writer
	c *csv.Writer
	n int
}

func create(dir, name string, header ...string) (*writer, error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	b := bufio.NewWriterSize(f, 1<<20)
	w := &writer{f: f, b: b, c: csv.NewWriter(b)}
	w.c.Write(header)
	return w, nil
}

func (w *writer) row(fields ...string) { w.c.Write(fields); w.n++ }

func (w *writer) close() error {
	w.c.Flush()
	if err := w.c.Error(); err != nil {
		return err
	}
	if err := w.b.Flush(); err != nil {
		return err
	}
	return w.f.Close()
}

func date(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func amount(d interface{ String() string }) string { return d.String() }

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func run(db, dir string, paidOn bool) error {
	start := time.Now()
	st, err := bolt.Open(db, bolt.Options{})
	if err != nil {
		return err
	}
	// Every account's code from the facts, a page at a time, then each
	// account's whole file on its own: no transaction holds the whole book.
	var codes []string
	for after := ""; ; {
		p, err := st.Facts(after, 1000)
		if err != nil {
			return err
		}
		for _, x := range p.Facts {
			codes = append(codes, x.Account.Code)
		}
		if !p.More || len(p.Facts) == 0 {
			break
		}
		after = codes[len(codes)-1]
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	acc, err := create(dir, "accounts.csv", "code", "name", "tier", "segment", "owner", "salesperson", "status", "terms",
		"payment_terms_days", "credit_limit", "currency", "products", "opened_on", "live_on")
	if err != nil {
		return err
	}
	inv, err := create(dir, "invoices.csv", "account", "number", "issue_date", "due_date", "amount", "currency", "product",
		"quantity", "unit", "disputed", "dispute_reason", "paid_on")
	if err != nil {
		return err
	}
	pay, err := create(dir, "payments.csv", "account", "reference", "date", "amount", "currency", "invoice")
	if err != nil {
		return err
	}
	cns, err := create(dir, "credit-notes.csv", "account", "number", "date", "amount", "reason", "invoice", "currency")
	if err != nil {
		return err
	}
	paid := 0
	for _, code := range codes {
		f, err := st.LoadAccount(code)
		if err != nil {
			return err
		}
		a := f.Account
		acc.row(a.Code, a.Name, strconv.Itoa(a.Tier), a.Segment, a.Owner, a.Salesperson, a.Status, a.Terms,
			strconv.Itoa(a.TermsDays), a.CreditLimit.String(), string(a.Currency), strings.Join(a.Products, ";"),
			date(a.OpenedOn), date(a.LiveOn))
		// Explicit applications per invoice: payments and credit notes naming it.
		named := map[string]int{}
		for _, p := range f.Payments {
			if p.Invoice != "" {
				named[p.Invoice]++
			}
		}
		for _, c := range f.Credits {
			if c.Invoice != "" {
				named[c.Invoice]++
			}
		}
		amounts := map[string]domain.Invoice{}
		for _, x := range f.Invoices {
			amounts[x.Number] = x
		}
		settled := map[string]domain.Date{} // invoice → paid_on
		skip := map[string]bool{}           // payment references folded into paid_on
		if paidOn {
			for _, p := range f.Payments {
				x, ok := amounts[p.Invoice]
				if ok && named[p.Invoice] == 1 && p.Amount.Equal(x.Amount) && p.Currency == x.Currency {
					settled[p.Invoice] = p.Received
					skip[p.Reference] = true
				}
			}
		}
		for _, x := range f.Invoices {
			qty := ""
			if !x.Quantity.IsZero() {
				qty = x.Quantity.String()
			}
			inv.row(x.Account, x.Number, date(x.Issued), date(x.Due), domain.Plain(x.Amount, x.Currency), string(x.Currency),
				x.Product, qty, x.Unit, yes(x.Disputed), x.DisputeReason, date(settled[x.Number]))
			if !settled[x.Number].IsZero() {
				paid++
			}
		}
		for _, p := range f.Payments {
			if !skip[p.Reference] {
				pay.row(p.Account, p.Reference, date(p.Received), domain.Plain(p.Amount, p.Currency), string(p.Currency), p.Invoice)
			}
		}
		for _, c := range f.Credits {
			cns.row(c.Account, c.Number, date(c.Date), domain.Plain(c.Amount, c.Currency), c.Reason, c.Invoice, string(c.Currency))
		}
	}
	for _, w := range []*writer{acc, inv, pay, cns} {
		if err := w.close(); err != nil {
			return err
		}
	}
	fmt.Printf("exported %d accounts, %d invoices (%d with paid_on), %d payments, %d credit notes to %s in %.1fs\n",
		acc.n, inv.n, paid, pay.n, cns.n, dir, time.Since(start).Seconds())
	return nil
}
