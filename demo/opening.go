package demo

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"acctdesk/domain"
)

// The account-opening file (SPEC §11.3), kept by the book's administrator:
// every account has the documents its segment requires (RequiredDocs). An
// account signed within the last 400 days has each on its timeline, and
// about one in six of those gone live (and Abuja Metro Estates) still has
// one to validate (a report openings pending document); about one in five had a blockage, resolved
// before it went live. The onboarding accounts show the rest: Greenfield
// Solar, signed 25 days ago, has its registration and contract validated,
// its tax identifier received (scanned twice: the first scan was
// illegible) and not validated, its signatory's ID missing, and a credit
// check that still blocks it; Enugu Coal, signed 6 days ago, waits for
// three of its five. Accounts signed earlier have theirs from the old
// system, received and validated around their signing, with no timeline
// entry. The scans are references to the document store; their SHA-256 is
// of what the demo says they hold.

// cast is the scripted account's name as the script writes it, "" for a
// drawn one.
func (a *acct) cast() string {
	if a.scripted() {
		return script[a.p.idx].name
	}
	return ""
}

// admin is the book's customer-account administrator.
const admin = "bisola"

// recentOpening is how far back an opening is on the timeline.
const recentOpening = 400

func (a *acct) opening() {
	p, r, A := a.p, a.o, a.asOf
	kinds := requiredDocsFor(p.segment)
	recent := p.opened > A.AddDays(-recentOpening)
	if p.status == "onboarding" {
		a.onboardingFile(kinds)
		return
	}
	// Received in the week around the signing, validated within three
	// days, and all of it by the day the account went live.
	pending := recent && (a.cast() == "Abuja Metro Estates" || !a.scripted() && r.chance(1.0/6))
	for i, k := range kinds {
		in := p.opened.AddDays(r.between(-5, 1))
		ok := minDate(in.AddDays(r.between(0, 3)), p.live)
		if pending && i == len(kinds)-1 {
			ok = 0
			in = p.opened
		}
		d := a.document(k, in, ok, 1, "")
		if recent {
			a.docEntry(d, "")
		}
	}
	if recent && r.chance(0.2) && p.live > p.opened.AddDays(2) {
		since := p.opened.AddDays(1)
		resolved := p.live.AddDays(-r.between(0, 1))
		a.block(pick(r, []string{"credit check — bank reference", "direct debit mandate not signed",
			"site inspection of the tank farm", "insurance certificate of the trucks"}), since, resolved, admin)
	}
}

// onboardingFile is the opening file of an account not live yet.
func (a *acct) onboardingFile(kinds []string) {
	p, r := a.p, a.o
	o := p.opened
	switch a.cast() {
	case "Greenfield Solar & Power":
		a.docEntry(a.document("signed-contract", o, o.AddDays(1), 1, ""), "")
		a.docEntry(a.document("company-registration", o.AddDays(2), o.AddDays(4), 1, "CAC certificate, certified true copy"), "")
		first := a.document("tax-identifier", o.AddDays(9), 0, 1, "")
		a.docEntry(first, "")
		second := a.document("tax-identifier", o.AddDays(9), 0, 2, "the first scan was illegible; rescanned from the original")
		a.docEntry(second, first.SHA256)
		a.block("credit check — Zenith bank reference", o.AddDays(5), 0, "Ifeanyi Okoro (CFO)")
		a.block("direct debit mandate not signed", o.AddDays(3), o.AddDays(12), admin)
		return
	case "Enugu Coal Logistics":
		a.docEntry(a.document("signed-contract", o, o.AddDays(1), 1, ""), "")
		a.docEntry(a.document("company-registration", o.AddDays(1), o.AddDays(2), 1, ""), "")
		return
	}
	// Another one (a bigger book's): the first half in, the rest missing.
	for _, k := range kinds[:len(kinds)/2] {
		in := minDate(o.AddDays(r.between(0, 5)), a.asOf.AddDays(-1))
		a.docEntry(a.document(k, in, 0, 1, ""), "")
	}
}

// document adds a document of the account's file (the scan's version v),
// replacing an earlier record of the same kind.
func (a *acct) document(kind string, received, validated domain.Date, v int, note string) domain.Document {
	p := a.p
	d := domain.Document{Account: p.code, Kind: kind, Received: received, Note: note,
		File:   fmt.Sprintf("/srv/kyc/%s/%s.pdf", p.code, kind),
		SHA256: scanHash(p.code, kind, v)}
	if v > 1 {
		d.File = fmt.Sprintf("/srv/kyc/%s/%s-%d.pdf", p.code, kind, v)
	}
	last := received
	if !validated.IsZero() {
		d.ValidatedOn, d.ValidatedBy, last = validated, admin, validated
	}
	d.Stamp = stamp(admin, last, 10*60+len(a.documents))
	for i := range a.documents {
		if a.documents[i].Kind == kind {
			a.documents[i] = d
			return d
		}
	}
	a.documents = append(a.documents, d)
	return d
}

// docEntry puts a document on the timeline as the desk writes it, on the
// day it was last changed; was is the SHA-256 of a scan it replaced.
func (a *acct) docEntry(d domain.Document, was string) {
	var said []string
	on := d.Received
	if was != "" {
		said = append(said, fmt.Sprintf("the scan changed (sha256 %s → %s)", was[:8], d.SHA256[:8]), "file "+d.File)
	} else {
		said = append(said, "received "+d.Received.String(), fmt.Sprintf("file %s (sha256 %s)", d.File, d.SHA256[:8]))
	}
	if !d.ValidatedOn.IsZero() {
		said, on = append(said, "validated by "+d.ValidatedBy), d.ValidatedOn
	}
	if d.Note != "" {
		said = append(said, "note: "+d.Note)
	}
	text := "Document " + domain.DocumentLabel(d.Kind) + ": " + joinSaid(said)
	a.acts = append(a.acts, act{on: on, minute: 10*60 + len(a.acts)%50, kind: domain.KindDocument, text: text, fixedNext: true, by: admin})
}

func joinSaid(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "; "
		}
		out += x
	}
	return out
}

// block adds a blockage from since (resolved on resolved, unless zero),
// with its timeline entries.
func (a *acct) block(reason string, since, resolved domain.Date, owner string) {
	b := domain.Blockage{Account: a.p.code, Reason: reason, Since: since, Owner: owner, ResolvedOn: resolved,
		Stamp: stamp(admin, maxDate(since, resolved), 11*60)}
	a.blockages = append(a.blockages, b)
	a.acts = append(a.acts, act{on: since, minute: 11 * 60, kind: domain.KindBlockage, fixedNext: true, by: admin,
		text: fmt.Sprintf("Blocked: %s (owner %s)", reason, owner)})
	if !resolved.IsZero() {
		// The id is the store's, not known here: the entry names none.
		a.acts = append(a.acts, act{on: resolved, minute: 11*60 + 5, kind: domain.KindBlockage, fixedNext: true, by: admin,
			text: fmt.Sprintf("Blockage resolved after %d days: %s", resolved.DaysSince(since), b.Headline())})
	}
}

// scanHash is the SHA-256 of what the demo says scan v of a document holds.
func scanHash(code, kind string, v int) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s %s scan %d", code, kind, v)))
	return hex.EncodeToString(h[:])
}
