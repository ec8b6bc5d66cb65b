package desk

import (
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
)

// TestResolveCode: a code typed in any case is the account's (issue 10,
// item 17); two codes that differ only in case are never guessed between;
// an unknown code is not found, with the nearest suggested.
func TestResolveCode(t *testing.T) {
	acct := func(code, owner string) *domain.AccountFile {
		return &domain.AccountFile{Account: domain.Account{Code: code, Name: code, Tier: 2, Owner: owner, Status: "active",
			Terms: "term", TermsDays: 30, Currency: "NGN"}}
	}
	st := memstore.From(domain.DefaultSettings(), []*domain.AccountFile{
		acct("OKAF01", "ada"), acct("Kano-1", "Tunde"), acct("dup", "ada"), acct("DUP", "ada"), acct("Dup", "bola"),
	})
	d := New(st, Options{AsOf: asOf})
	for typed, want := range map[string]string{"OKAF01": "OKAF01", "okaf01": "OKAF01", "OkAf01": "OKAF01", "kano-1": "Kano-1",
		"KANO-1": "Kano-1", "dup": "dup", "DUP": "DUP"} {
		if got, err := d.ResolveCode(typed); err != nil || got != want {
			t.Errorf("ResolveCode(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
	if got, err := d.ResolveCode("dUp"); err == nil || !strings.Contains(err.Error(), "DUP and Dup and dup") && !strings.Contains(err.Error(), "differ only in case") {
		t.Errorf("dUp: %q %v; want refused, the codes named", got, err)
	}
	_, err := d.ResolveCode("OKAF1")
	if !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "did you mean OKAF01?") {
		t.Errorf("OKAF1: %v", err)
	}

	// Owners, in any case; none is a NoOwner naming them all.
	if got, err := d.ResolveOwner("tunde"); err != nil || got != "Tunde" {
		t.Errorf("ResolveOwner(tunde) = %q %v", got, err)
	}
	_, err = d.ResolveOwner("nobody")
	var no NoOwner
	if !errors.As(err, &no) || strings.Join(no.Owners, ",") != "Tunde,ada,bola" ||
		err.Error() != `no account is owned by "nobody" (owners: Tunde, ada, bola)` {
		t.Errorf("nobody: %v", err)
	}
}
