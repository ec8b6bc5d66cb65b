package domain

import (
	"strings"
	"unicode/utf8"
)

// What an account's opening file lacks as of a date (SPEC §11.3): the
// queue's go-live-late, the Opening tab and report openings all say it
// from here.

// Timeline kinds of the opening file. Neither is contact with the customer.
const (
	KindDocument = "document" // a document recorded: received, validated, its scan (§11.3)
	KindBlockage = "blockage" // a blockage raised or resolved
)

// docLabels are the default documents as people say them.
var docLabels = map[string]string{
	"company-registration": "company registration",
	"tax-identifier":       "tax identifier",
	"signatory-id":         "signatory's ID",
	"signed-contract":      "signed contract",
}

// DocumentLabel is a document kind in words: tax-identifier is "tax
// identifier"; a kind of the book's own, its words without the dashes.
func DocumentLabel(kind string) string {
	if l, ok := docLabels[kind]; ok {
		return l
	}
	return strings.ReplaceAll(kind, "-", " ")
}

// Opening is an account's opening file as of a date, against the
// documents its segment requires.
type Opening struct {
	Missing     []string   // required kinds not received by the date, in the required order
	Unvalidated []string   // required kinds received by then but not validated by then
	Blocked     []Blockage // the blockages open on the date, in id order
}

// OpeningOf is the opening file of an account as of asOf: a document is
// received once its received date is on or before asOf, validated once its
// validation date is; a blockage is open from its since date until the day
// it was resolved.
func OpeningOf(required []string, docs []Document, blocks []Blockage, asOf Date) Opening {
	var o Opening
	for _, kind := range required {
		d := documentOf(docs, kind)
		switch {
		case d == nil || d.Received.IsZero() || d.Received > asOf:
			o.Missing = append(o.Missing, kind)
		case d.ValidatedOn.IsZero() || d.ValidatedOn > asOf:
			o.Unvalidated = append(o.Unvalidated, kind)
		}
	}
	for _, b := range blocks {
		if b.OpenOn(asOf) {
			o.Blocked = append(o.Blocked, b)
		}
	}
	return o
}

func documentOf(docs []Document, kind string) *Document {
	for i := range docs {
		if docs[i].Kind == kind {
			return &docs[i]
		}
	}
	return nil
}

// OpenOn says whether the blockage blocks on d: raised by then, not yet
// resolved.
func (b Blockage) OpenOn(d Date) bool {
	return b.Since <= d && (b.ResolvedOn.IsZero() || b.ResolvedOn > d)
}

// Pending is the number of required documents not yet validated.
func (o Opening) Pending() int { return len(o.Missing) + len(o.Unvalidated) }

// Complete says whether every required document is validated and nothing
// blocks.
func (o Opening) Complete() bool { return o.Pending() == 0 && len(o.Blocked) == 0 }

// String says what keeps the account from going live, e.g. "missing tax
// identifier, signed contract; not validated: signatory's ID; blocked:
// credit check"; "documents complete, nothing blocks" when nothing does.
func (o Opening) String() string {
	if o.Complete() {
		return "documents complete, nothing blocks"
	}
	labels := func(kinds []string) string {
		out := make([]string, len(kinds))
		for i, k := range kinds {
			out[i] = DocumentLabel(k)
		}
		return strings.Join(out, ", ")
	}
	var parts []string
	if len(o.Missing) > 0 {
		parts = append(parts, "missing "+labels(o.Missing))
	}
	if len(o.Unvalidated) > 0 {
		parts = append(parts, "not validated: "+labels(o.Unvalidated))
	}
	if len(o.Blocked) > 0 {
		rs := make([]string, len(o.Blocked))
		for i, b := range o.Blocked {
			rs[i] = b.Headline()
		}
		parts = append(parts, "blocked: "+strings.Join(rs, ", "))
	}
	return strings.Join(parts, "; ")
}

// Headline is the blockage's reason on one short line: its first line, cut
// to 40 characters.
func (b Blockage) Headline() string {
	s, _, _ := strings.Cut(strings.TrimSpace(b.Reason), "\n")
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 40 {
		s = strings.TrimRight(string([]rune(s)[:39]), " ,;") + "…"
	}
	return s
}
