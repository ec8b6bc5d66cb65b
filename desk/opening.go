package desk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// The account-opening file (SPEC §11.3). Recording a document (received,
// validated, its scan), raising a blockage and resolving one each write the
// record and its timeline entry (domain.KindDocument, KindBlockage) in one
// transaction, on the business date. Recording what came in and what
// blocks is anyone's who logs (a collector's); validating a document and
// resolving a blockage clear an account for going live, a decision, so
// they are a lead's, as resolving an escalation is (SPEC §12). The command
// line (doc, block, resolve block) calls these; the account pane's Opening
// tab shows what they wrote.

// DocumentRequest is a document of an account's opening file to record.
// What it leaves empty keeps what was recorded before.
type DocumentRequest struct {
	Kind      string      // one the account's segment requires, any case
	Received  domain.Date // zero: as recorded before, else the business date
	Validated bool        // validated on the business date, by the author
	File      string      // a path to read: its SHA-256 is kept; "" keeps the file recorded
	Note      string
}

// Documented is what recording a document became.
type Documented struct {
	Account  domain.Account
	Document domain.Document  // as stored
	Before   *domain.Document // as it was; nil for a document new to the file
	// ScanChanged: the file given hashes otherwise than the one recorded
	// before (the same document, scanned anew or replaced).
	ScanChanged bool
	Said        []string // what changed, in words
	Unchanged   bool     // nothing to change: nothing was written
	Entry       domain.Activity
	Opening     domain.Opening // the file after, as of the business date
}

// RecordDocument records a document of an account's opening file. Its
// kind must be one the account's segment requires (the book settings); a
// file is read and its SHA-256 kept, and a file that hashes otherwise than
// the one recorded before is said: "the scan changed" — a validation of the
// old scan no longer holds then, unless the new one is validated too.
// Refused: a kind the segment does not require (the error names those it
// does), a received date after the business date, a file that cannot be
// read.
func (d *Desk) RecordDocument(ctx context.Context, code string, r DocumentRequest) (Documented, error) {
	what := "recording a document"
	need := Collector
	if r.Validated {
		what, need = "validating a document", Lead
	}
	if err := permit(ctx, need, what); err != nil {
		return Documented{}, err
	}
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return Documented{}, err
	}
	set, err := d.st.Settings()
	if err != nil {
		return Documented{}, err
	}
	a := f.Account
	required := set.RequiredDocsFor(a.Segment)
	kind, ok := domain.MatchWord(r.Kind, required)
	if !ok {
		return Documented{}, unrequired(r.Kind, a, required)
	}
	asOf, by := d.opt.AsOf, store.AuthorOf(ctx)
	out := Documented{Account: a}
	x := domain.Document{Account: a.Code, Kind: kind}
	for _, y := range f.Documents {
		if y.Kind == kind {
			was := y
			out.Before, x = &was, y
			x.Stamp = domain.Stamp{}
		}
	}
	say := func(s string) { out.Said = append(out.Said, s) }
	switch {
	case r.Received > asOf:
		return Documented{}, fieldError("received", fmt.Sprintf("%s is after today (%s): a document is recorded once it came in", r.Received, asOf))
	case !r.Received.IsZero() && r.Received != x.Received:
		if !x.Received.IsZero() {
			say(fmt.Sprintf("received %s (was %s)", r.Received, x.Received))
		} else {
			say("received " + r.Received.String())
		}
		x.Received = r.Received
	case x.Received.IsZero():
		x.Received = asOf
		say("received " + asOf.String())
	}
	if r.File != "" {
		sum, err := hashFile(r.File)
		if err != nil {
			return Documented{}, fieldError("file", err.Error())
		}
		switch {
		case x.SHA256 != "" && sum != x.SHA256:
			out.ScanChanged = true
			say(fmt.Sprintf("the scan changed (sha256 %s → %s)", ShortHash(x.SHA256), ShortHash(sum)))
			if !x.ValidatedOn.IsZero() {
				say(fmt.Sprintf("its validation of %s by %s withdrawn", x.ValidatedOn, x.ValidatedBy))
				x.ValidatedOn, x.ValidatedBy = 0, ""
			}
		case x.SHA256 == "":
			say(fmt.Sprintf("file %s (sha256 %s)", r.File, ShortHash(sum)))
		}
		if x.File != r.File && x.SHA256 != "" {
			say("file " + r.File)
		}
		x.File, x.SHA256 = r.File, sum
	}
	if r.Validated {
		if x.ValidatedOn.IsZero() {
			x.ValidatedOn, x.ValidatedBy = asOf, by
			say("validated by " + by)
		} else if len(out.Said) == 0 {
			say(fmt.Sprintf("already validated on %s by %s", x.ValidatedOn, x.ValidatedBy))
		}
	}
	if note := strings.TrimSpace(r.Note); note != "" && note != x.Note {
		x.Note = note
		say("note: " + note)
	}
	if out.Before != nil && sameDocument(*out.Before, x) {
		out.Document, out.Unchanged = *out.Before, true
		out.Opening = domain.OpeningOf(required, f.Documents, f.Blockages, asOf)
		return out, nil
	}
	if err := x.Validate(); err != nil {
		return Documented{}, err
	}
	out.Entry = domain.Activity{Account: a.Code, On: asOf, Kind: domain.KindDocument,
		Text: "Document " + domain.DocumentLabel(kind) + ": " + strings.Join(out.Said, "; ")}
	b := &store.Batch{On: asOf, Documents: []store.Rec[domain.Document]{{V: x}}, Activities: []store.ActivityEntry{{Activity: out.Entry}}}
	if _, err := d.st.Apply(ctx, b); err != nil {
		return Documented{}, asFields(err)
	}
	d.wrote()
	out.Document = x
	docs, blocks := f.Documents, f.Blockages
	if g, err := d.st.LoadAccount(a.Code); err == nil {
		docs, blocks = g.Documents, g.Blockages
		out.Entry = newestOf(g.Activities, domain.KindDocument)
		for _, y := range g.Documents {
			if y.Kind == kind {
				out.Document = y
			}
		}
	}
	out.Opening = domain.OpeningOf(required, docs, blocks, asOf)
	return out, nil
}

// sameDocument says whether a rewrite would change nothing but the stamp.
func sameDocument(a, b domain.Document) bool {
	a.Stamp, b.Stamp = domain.Stamp{}, domain.Stamp{}
	return a == b
}

// unrequired refuses a kind the account's segment does not require, naming
// those it does.
func unrequired(kind string, a domain.Account, required []string) error {
	seg := "its segment"
	if a.Segment != "" {
		seg = "segment " + a.Segment
	}
	msg := fmt.Sprintf("%q is not a document %s requires (%s)", domain.Safe(strings.TrimSpace(kind)), seg, strings.Join(required, ", "))
	if strings.TrimSpace(kind) == "" {
		msg = fmt.Sprintf("name the document: %s requires %s", seg, strings.Join(required, ", "))
	} else if near := domain.Nearest(kind, required); near != "" {
		msg += ": did you mean " + near + "?"
	}
	return fieldError("kind", msg)
}

// hashFile is the SHA-256 of a regular file's content, in lower-case hex.
func hashFile(path string) (string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %v", path, unwrapPath(err))
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %v", path, unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a file (a document's scan is one file)", path)
	}
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return "", fmt.Errorf("cannot read %s: %v", path, unwrapPath(err))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// unwrapPath is an os error without the path it repeats.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// ShortHash is a SHA-256 as people compare it at a glance: its first 8
// hex digits.
func ShortHash(h string) string {
	if len(h) > 8 {
		return h[:8]
	}
	return h
}

// BlockageRequest is a blockage to raise.
type BlockageRequest struct {
	Reason string
	Owner  string      // "" is the author
	Since  domain.Date // zero: the business date
}

// Blocked is what raising or resolving a blockage became.
type Blocked struct {
	Account  domain.Account
	Blockage domain.Blockage // as stored, with its id
	Entry    domain.Activity
	Opening  domain.Opening // the file after, as of the business date
}

// RaiseBlockage records what keeps an account from going live, from the
// business date unless given (never after it), owned by the author unless
// given.
func (d *Desk) RaiseBlockage(ctx context.Context, code string, r BlockageRequest) (Blocked, error) {
	if err := permit(ctx, Collector, "raising a blockage"); err != nil {
		return Blocked{}, err
	}
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return Blocked{}, err
	}
	asOf := d.opt.AsOf
	x := domain.Blockage{Account: f.Account.Code, Reason: strings.TrimSpace(r.Reason), Since: r.Since,
		Owner: strings.TrimSpace(r.Owner)}
	if x.Since.IsZero() {
		x.Since = asOf
	}
	if x.Since > asOf {
		return Blocked{}, fieldError("since", fmt.Sprintf("%s is after today (%s): a blockage is recorded once it blocks", x.Since, asOf))
	}
	if x.Owner == "" {
		x.Owner = store.AuthorOf(ctx)
	}
	if err := x.Validate(); err != nil {
		return Blocked{}, err
	}
	text := fmt.Sprintf("Blocked: %s (owner %s", x.Reason, x.Owner)
	if x.Since != asOf {
		text += ", since " + x.Since.String()
	}
	entry := domain.Activity{Account: x.Account, On: asOf, Kind: domain.KindBlockage, Text: text + ")"}
	known := map[uint64]bool{}
	for _, b := range f.Blockages {
		known[b.ID] = true
	}
	return d.writeBlockage(ctx, f, x, entry, func(b domain.Blockage) bool { return !known[b.ID] })
}

// ResolveBlockage resolves an open blockage of an account on the business
// date; the note, if any, goes on its timeline entry. Refused: an id the
// account does not have (the error names its open ones), one already
// resolved, a business date before the blockage began.
func (d *Desk) ResolveBlockage(ctx context.Context, code string, id uint64, note string) (Blocked, error) {
	if err := permit(ctx, Lead, "resolving a blockage"); err != nil {
		return Blocked{}, err
	}
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return Blocked{}, err
	}
	var x *domain.Blockage
	var open []string
	for i, b := range f.Blockages {
		if b.ID == id {
			x = &f.Blockages[i]
		}
		if b.IsOpen() {
			open = append(open, fmt.Sprintf("%d, %s since %s", b.ID, b.Headline(), b.Since))
		}
	}
	asOf := d.opt.AsOf
	switch {
	case x == nil:
		msg := fmt.Sprintf("account %s has no blockage %d", f.Account.Code, id)
		if len(open) == 0 {
			msg += " (it has no open blockage)"
		} else {
			msg += " (its open blockages: " + strings.Join(open, "; ") + ")"
		}
		return Blocked{}, refusal(msg)
	case !x.IsOpen():
		return Blocked{}, refusal(fmt.Sprintf("blockage %d of %s was resolved on %s", id, f.Account.Code, x.ResolvedOn))
	case asOf < x.Since:
		return Blocked{}, fieldError("resolved_on", fmt.Sprintf("the blockage began on %s, after %s", x.Since, asOf))
	}
	y := *x
	y.ResolvedOn, y.Stamp = asOf, domain.Stamp{}
	text := fmt.Sprintf("Blockage %d resolved after %s: %s", y.ID, dayCount(asOf.DaysSince(y.Since)), y.Headline())
	if n := strings.TrimSpace(note); n != "" {
		text += " — " + n
	}
	entry := domain.Activity{Account: y.Account, On: asOf, Kind: domain.KindBlockage, Text: text}
	return d.writeBlockage(ctx, f, y, entry, func(b domain.Blockage) bool { return b.ID == id })
}

// writeBlockage writes the blockage with its timeline entry and reads it
// back as stored: the one mine picks.
func (d *Desk) writeBlockage(ctx context.Context, f *domain.AccountFile, x domain.Blockage, entry domain.Activity, mine func(domain.Blockage) bool) (Blocked, error) {
	b := &store.Batch{On: d.opt.AsOf, Blockages: []store.Rec[domain.Blockage]{{V: x}}, Activities: []store.ActivityEntry{{Activity: entry}}}
	if _, err := d.st.Apply(ctx, b); err != nil {
		return Blocked{}, asFields(err)
	}
	d.wrote()
	out := Blocked{Account: f.Account, Blockage: x, Entry: entry}
	docs, blocks := f.Documents, []domain.Blockage{x}
	if g, err := d.st.LoadAccount(f.Account.Code); err == nil {
		docs, blocks = g.Documents, g.Blockages
		out.Entry = newestOf(g.Activities, domain.KindBlockage)
		for _, y := range g.Blockages {
			if mine(y) {
				out.Blockage = y
			}
		}
	}
	if set, err := d.st.Settings(); err == nil {
		out.Opening = domain.OpeningOf(set.RequiredDocsFor(f.Account.Segment), docs, blocks, d.opt.AsOf)
	}
	return out, nil
}

func dayCount(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
