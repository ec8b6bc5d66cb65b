package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
)

// openingStore is the sample book with ACC007's opening file (signed
// 2026-10-20, onboarding): the company registration validated, the tax
// identifier in with its scan and not validated, a blockage open and one
// resolved; the signatory's ID and the signed contract missing.
func openingStore(t *testing.T) *memstore.Store {
	t.Helper()
	st := sample.Store()
	ada := store.WithAuthor(context.Background(), "ada")
	scan := filepath.Join(t.TempDir(), "tax-pin.pdf")
	if err := os.WriteFile(scan, []byte("abc"), 0o600); err != nil {
		t.Fatal(err)
	}
	at := func(day string) *desk.Desk { return desk.New(st, desk.Options{AsOf: domain.MustDate(day)}) }
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(at("2026-10-22").RecordDocument(ada, "ACC007", desk.DocumentRequest{Kind: "company-registration", Note: "CAC certificate, certified copy"}))
	must(at("2026-10-26").RecordDocument(ada, "ACC007", desk.DocumentRequest{Kind: "company-registration", Validated: true}))
	must(at("2026-11-03").RecordDocument(ada, "ACC007", desk.DocumentRequest{Kind: "tax-identifier", File: scan}))
	must(at("2026-10-28").RaiseBlockage(ada, "ACC007", desk.BlockageRequest{Reason: "bank reference from Zenith outstanding", Owner: "bola"}))
	must(at("2026-11-04").RaiseBlockage(ada, "ACC007", desk.BlockageRequest{Reason: "credit check"}))
	b, err := st.LoadAccount("ACC007")
	if err != nil || len(b.Blockages) != 2 {
		t.Fatalf("blockages %v %v", b, err)
	}
	must(at("2026-11-10").ResolveBlockage(ada, "ACC007", b.Blockages[0].ID, "reference came in"))
	return st
}

// The Opening tab (second to last: shift+tab twice from the open items).
func TestGoldenOpening(t *testing.T) {
	for _, c := range []struct{ w, h int }{{80, 24}, {160, 48}} {
		t.Run("account_opening_"+sizeName(c.w, c.h), func(t *testing.T) {
			m := loadedOn(t, openingStore(t), c.w, c.h)
			press(m, ":", "ACC007", "enter", "shift+tab", "shift+tab")
			view := m.View()
			checkFits(t, view, c.w, c.h)
			for _, want := range []string{"[Opening]", "missing", "to validate", "ba7816bf", "Blockages · 1 open", "credit check"} {
				if !strings.Contains(view, want) {
					t.Errorf("the Opening tab lacks %q:\n%s", want, view)
				}
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}

// enter on the scanned document shows its whole SHA-256 and its path.
func TestOpeningDetail(t *testing.T) {
	m := loadedOn(t, openingStore(t), 120, 40)
	press(m, ":", "ACC007", "enter", "shift+tab", "shift+tab", "j", "enter")
	v := m.View()
	for _, want := range []string{"SHA-256: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "tax-pin.pdf"} {
		if !strings.Contains(v, want) {
			t.Errorf("the detail lacks %q:\n%s", want, v)
		}
	}
}
