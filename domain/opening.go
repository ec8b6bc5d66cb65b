package domain

import (
	"fmt"
	"strings"
)

// The account-opening file (SPEC §11.3): the documents an account's segment
// requires, each received and validated with who and when and the file it
// came in (its SHA-256 kept, so a changed scan is noticed), and what blocks
// the account from going live.

// DefaultRequiredDocs are the documents every segment requires unless the
// book settings say otherwise.
var DefaultRequiredDocs = []string{"company-registration", "tax-identifier", "signatory-id", "signed-contract"}

// Document is one document of an account's opening file, by kind.
type Document struct {
	Account     string
	Kind        string // e.g. company-registration (a word: lower case, digits, '-')
	Received    Date   // zero: not received
	ValidatedOn Date   // zero: not validated
	ValidatedBy string
	File        string // the file reference, a path as given
	SHA256      string // of the file when it was recorded, hex; "" without a file
	Note        string
	Stamp       Stamp
}

// Validate checks the document.
func (d Document) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(d.Account))
	f.check("kind", CheckWord(d.Kind))
	if !d.ValidatedOn.IsZero() && d.Received.IsZero() {
		f.add("validated", "a document is validated only once received")
	}
	if !d.ValidatedOn.IsZero() && d.ValidatedOn < d.Received {
		f.add("validated", "validated before it was received")
	}
	f.check("validated_by", CheckText(d.ValidatedBy, false, 64))
	f.check("file", CheckText(d.File, false, 1000))
	if d.SHA256 != "" && (len(d.SHA256) != 64 || strings.Trim(d.SHA256, "0123456789abcdef") != "") {
		f.add("sha256", "not a SHA-256 in lower-case hex")
	}
	f.check("note", CheckMultiline(d.Note, 2000))
	f.dates("received", d.Received, "validated", d.ValidatedOn)
	return f.err()
}

// Blockage is what keeps an account from going live, until resolved.
type Blockage struct {
	ID         uint64
	Account    string
	Reason     string
	Since      Date
	Owner      string
	ResolvedOn Date // zero while open
	Stamp      Stamp
}

// IsOpen says whether the blockage still blocks.
func (b Blockage) IsOpen() bool { return b.ResolvedOn.IsZero() }

// Validate checks the blockage.
func (b Blockage) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(b.Account))
	if strings.TrimSpace(b.Reason) == "" {
		f.add("reason", "say what blocks the account")
	}
	f.check("reason", CheckMultiline(b.Reason, 2000))
	if b.Since.IsZero() {
		f.add("since", "date is missing")
	}
	if !b.ResolvedOn.IsZero() && b.ResolvedOn < b.Since {
		f.add("resolved_on", "resolved before it began")
	}
	f.check("owner", CheckText(b.Owner, false, 64))
	f.dates("since", b.Since, "resolved_on", b.ResolvedOn)
	return f.err()
}

// Reconciliation marks an account reconciled with accounting as of a date
// (acctdesk reconcile, SPEC §11.2); Stamp says who and when.
type Reconciliation struct {
	Account string
	AsOf    Date
	Stamp   Stamp
}

// Validate checks the mark.
func (r Reconciliation) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(r.Account))
	if r.AsOf.IsZero() {
		f.add("as_of", "date is missing")
	}
	f.dates("as_of", r.AsOf)
	return f.err()
}

// Targets are the book's headline targets the dashboard measures against
// (SPEC §11.4).
type Targets struct {
	NRRPct       int // at least, e.g. 110
	LogoChurnPct int // below, e.g. 5
	BadDebtPct   int // below, e.g. 1
	DSODays      int // at most; 0: none set
}

// DefaultTargets are the SPEC's.
func DefaultTargets() Targets { return Targets{NRRPct: 110, LogoChurnPct: 5, BadDebtPct: 1} }

// RequiredDocsFor are the documents accounts of a segment require: the
// settings' list for that segment, else for "", else DefaultRequiredDocs.
func (s Settings) RequiredDocsFor(segment string) []string {
	if d, ok := s.RequiredDocs[segment]; ok {
		return d
	}
	if d, ok := s.RequiredDocs[""]; ok {
		return d
	}
	return DefaultRequiredDocs
}

// CheckWord accepts a short lower-case word of letters, digits and '-'.
func CheckWord(s string) error {
	if s == "" {
		return fmt.Errorf("is empty")
	}
	if len(s) > 40 {
		return fmt.Errorf("is longer than 40 characters")
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return fmt.Errorf("%q is not a word of lower-case letters, digits and '-'", Safe(s))
		}
	}
	return nil
}
