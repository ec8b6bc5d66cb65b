package account

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// The Opening tab (SPEC §11.3): each document the account's segment
// requires — received, validated (when, by whom), its file with the
// SHA-256 shortened, the note — with what is missing said in the title,
// then the blockages, open ones first. As of the tab's date: a document
// received or validated later shows so, muted, and counts as not yet.

const openingTabName = "Opening"

func openingTab(f *domain.AccountFile, set domain.Settings, asOf domain.Date) Tab {
	a := f.Account
	required := set.RequiredDocsFor(a.Segment)
	o := domain.OpeningOf(required, f.Documents, f.Blockages, asOf)
	docs := Section{
		Title: openingTitle(a, o, asOf),
		Cols: []common.Column{
			{Title: "Document", Width: 20, Min: 15, Max: 26},
			{Title: "Received", Width: common.DateWidth, Max: common.DateWidth + 8},
			{Title: "Validated", Width: 11, Max: common.DateWidth + 8},
			{Title: "By", Width: 8, Min: 5, Max: 16, Drop: 3},
			{Title: "Scan", Width: 22, Min: 12, Max: 40, Drop: 2},
			{Title: "Note", Width: 12, Min: 6, Max: 200, Drop: 1, Fill: true},
		},
		Empty: "The segment requires no document.",
	}
	seen := map[string]bool{}
	for _, kind := range required {
		seen[kind] = true
		d, ok := documentOn(f.Documents, kind)
		docs.Rows = append(docs.Rows, documentRow(kind, d, ok, true, asOf))
		docs.More = append(docs.More, documentMore(a.Code, kind, d, ok))
	}
	for _, d := range f.Documents { // recorded, but the segment no longer requires them
		if !seen[d.Kind] {
			docs.Rows = append(docs.Rows, documentRow(d.Kind, d, true, false, asOf))
			docs.More = append(docs.More, documentMore(a.Code, d.Kind, d, true))
		}
	}
	return Tab{Name: openingTabName, Short: "Opening", Sections: []Section{docs, blockagesSection(f.Blockages, asOf)}}
}

// openingTitle says where the account stands: live or not, and what its
// opening file lacks.
func openingTitle(a domain.Account, o domain.Opening, asOf domain.Date) string {
	var s string
	switch {
	case a.OpenedOn.IsZero():
		s = "Not signed"
	case a.OpenedOn > asOf:
		s = "Signs " + common.Day(a.OpenedOn, asOf)
	case !a.LiveOn.IsZero() && a.LiveOn <= asOf:
		s = fmt.Sprintf("Live %s, %s after signing", common.Day(a.LiveOn, asOf), plural(max(a.LiveOn.DaysSince(a.OpenedOn), 0), "day", "days"))
	case a.Live(asOf):
		s = fmt.Sprintf("Signed %s, live (%s; no live date)", common.Day(a.OpenedOn, asOf), a.Status)
	default:
		s = fmt.Sprintf("Signed %s (%s), not live", common.Day(a.OpenedOn, asOf), plural(asOf.DaysSince(a.OpenedOn), "day", "days"))
	}
	return s + " · " + common.Clean(o.String())
}

func documentOn(docs []domain.Document, kind string) (domain.Document, bool) {
	for _, d := range docs {
		if d.Kind == kind {
			return d, true
		}
	}
	return domain.Document{}, false
}

// documentRow is a document's row; a required one not recorded is missing.
func documentRow(kind string, d domain.Document, ok, required bool, asOf domain.Date) []Cell {
	name := Cell{Text: common.Clean(domain.DocumentLabel(kind))}
	if !required {
		name = Cell{Text: name.Text + " (not required)", Alt: name.Text, Tone: Muted}
	}
	later := func(on domain.Date) Cell {
		return Cell{Text: common.Day(on, asOf) + " (later)", Alt: common.Day(on, asOf), Tone: Muted}
	}
	received := Cell{Text: "missing", Tone: Bad}
	validated := Cell{}
	switch {
	case !ok || d.Received.IsZero():
	case d.Received > asOf:
		received = later(d.Received)
	default:
		received = Cell{Text: common.Day(d.Received, asOf)}
		validated = Cell{Text: "to validate", Tone: Warn}
	}
	by := Cell{}
	if ok && !d.ValidatedOn.IsZero() {
		by = Cell{Text: common.Clean(d.ValidatedBy)}
		if d.ValidatedOn > asOf {
			validated, by.Tone = later(d.ValidatedOn), Muted
		} else {
			validated = Cell{Text: common.Day(d.ValidatedOn, asOf), Tone: Good}
		}
	}
	if !required {
		received.Tone, validated.Tone = Muted, Muted
	}
	file := Cell{}
	if ok && d.File != "" {
		// The hash first: when the column is narrow, what tells a
		// changed scan stays.
		file = Cell{Text: common.Clean(filepath.Base(d.File)), Tone: Muted}
		if d.SHA256 != "" {
			file.Text = desk.ShortHash(d.SHA256) + " " + file.Text
		}
	}
	return []Cell{name, received, validated, by, file, {Text: common.Clean(d.Note)}}
}

// documentMore is what a document's detail (enter) shows beyond its cells.
func documentMore(code, kind string, d domain.Document, ok bool) []string {
	if !ok {
		return []string{"Not recorded: acctdesk doc " + common.Clean(code) + " --kind " + common.Clean(kind) + " records it."}
	}
	var out []string
	if d.File != "" {
		out = append(out, "File: "+common.Clean(d.File))
	}
	if d.SHA256 != "" {
		out = append(out, "SHA-256: "+d.SHA256)
	}
	if !d.ValidatedOn.IsZero() {
		out = append(out, fmt.Sprintf("Validated on %s by %s", d.ValidatedOn, common.Clean(d.ValidatedBy)))
	}
	if d.Note != "" {
		out = append(out, "Note: "+common.Clean(d.Note))
	}
	if d.Stamp.By != "" {
		out = append(out, "Recorded by "+common.Clean(d.Stamp.By)+", "+d.Stamp.At.UTC().Format("2006-01-02 15:04")+" UTC")
	}
	return out
}

// blockagesSection lists the blockages: open ones (on the tab's date)
// first, newest first within each.
func blockagesSection(bs []domain.Blockage, asOf domain.Date) Section {
	sec := Section{
		Title: "Blockages",
		Cols: []common.Column{
			{Title: "ID", Width: 4, Right: true},
			{Title: "Since", Width: common.DateWidth},
			{Title: "Status", Width: 17, Min: 8},
			{Title: "Owner", Width: 10, Min: 6, Max: 16, Drop: 1},
			{Title: "Reason", Width: 20, Min: 10, Max: 200, Fill: true},
		},
		Empty: "Nothing blocks the account.",
	}
	var open, closed []domain.Blockage
	for _, b := range bs {
		switch {
		case b.Since > asOf:
		case b.OpenOn(asOf):
			open = append(open, b)
		default:
			closed = append(closed, b)
		}
	}
	for _, group := range [][]domain.Blockage{open, closed} {
		for i := len(group) - 1; i >= 0; i-- {
			b := group[i]
			status := Cell{Text: "open, " + plural(asOf.DaysSince(b.Since), "day", "days"), Alt: "open", Tone: Bad}
			if !b.OpenOn(asOf) {
				status = Cell{Text: "resolved " + common.Day(b.ResolvedOn, asOf), Alt: "resolved", Tone: Good}
			}
			sec.Rows = append(sec.Rows, []Cell{{Text: strconv.FormatUint(b.ID, 10)}, {Text: common.Day(b.Since, asOf)}, status,
				{Text: common.Clean(b.Owner)}, {Text: common.Clean(b.Reason)}})
			more := []string{"Reason:"}
			for _, l := range strings.Split(b.Reason, "\n") {
				more = append(more, common.Clean(l))
			}
			sec.More = append(sec.More, more)
		}
	}
	if len(open) > 0 {
		sec.Title = fmt.Sprintf("Blockages · %d open", len(open))
	}
	return sec
}
