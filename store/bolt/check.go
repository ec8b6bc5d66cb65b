package bolt

import (
	"bytes"
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// checkLimit is how many problems Check lists; the rest are counted.
const checkLimit = 10

// problems gathers what Check finds.
type problems struct {
	list []string
	more int
}

func (p *problems) add(format string, args ...any) {
	if len(p.list) < checkLimit {
		p.list = append(p.list, fmt.Sprintf(format, args...))
	} else {
		p.more++
	}
}

func (p *problems) err(path string) error {
	if len(p.list) == 0 {
		return nil
	}
	msg := strings.Join(p.list, "\n  ")
	if p.more > 0 {
		msg += fmt.Sprintf("\n  … and %d more", p.more)
	}
	return fmt.Errorf("%w: %s:\n  %s", store.ErrDamaged, path, msg)
}

// Check walks the whole file: bbolt's page structure (our own safe walk, then
// tx.Check), then every record, index entry and reference of the book.
func (s *Store) Check() error {
	var p problems
	err := s.view(func(tx *bbolt.Tx) error {
		for _, msg := range rawCheck(tx) {
			p.add("bbolt: %s", msg)
		}
		if len(p.list) > 0 {
			return nil // the pages are not safe to walk further
		}
		for err := range tx.Check() {
			p.add("bbolt: %v", err)
		}
		if len(p.list) > 0 {
			return nil
		}
		checkBook(tx, &p)
		return nil
	})
	if err != nil {
		return err
	}
	return p.err(s.path)
}

// checkBook is the logical walk. A panic here (a page bbolt could read but
// we cannot make sense of) is one more problem, not the end of the report.
func checkBook(tx *bbolt.Tx, p *problems) {
	defer func() {
		if r := recover(); r != nil {
			p.add("walk stopped: %v", r)
		}
	}()
	b, err := bucketsOf(tx)
	if err != nil {
		p.add("%v", err)
		return
	}
	if _, err := readSettings(b); err != nil {
		p.add("%v", err)
	}
	if _, err := readU64(b.meta.Get(metaChanges)); err != nil {
		p.add("meta %q: %v", metaChanges, err)
	}
	n := 0
	_ = b.migrations.ForEach(func(k, v []byte) error {
		n++
		if _, err := decodeMigration(v); err != nil {
			p.add("migrations %x: %v", k, err)
		}
		return nil
	})
	if uint64(n) != schemaVersion {
		p.add("schema version %d but %d migrations recorded", schemaVersion, n)
	}

	codes := map[string]bool{}
	_ = b.accounts.ForEach(func(k, v []byte) error {
		codes[string(k)] = true
		if _, err := decodeAccount(string(k), v, nil); err != nil {
			p.add("accounts %q: %v", k, err)
		}
		return nil
	})
	for _, kind := range fileKinds {
		checkKind(b, kind, codes, p)
	}
	for _, bucket := range [][]byte{bucketInvoices, bucketPayments, bucketCredits} {
		checkIndex(b.tx.Bucket(bucket), indexOf[string(bucket)], bucket, p)
	}
	checkFacts(b, codes, p)
	checkChangelog(b, p)
}

// checkKind decodes every record of a bucket and checks that its account
// exists and that what it points at (activity ids) exists too.
func checkKind(b *buckets, kind fileKind, codes map[string]bool, p *problems) {
	in := newInterner()
	var scratch domain.AccountFile
	_ = b.tx.Bucket(kind.name()).ForEach(func(k, v []byte) error {
		code, own, err := splitKey(k)
		if err != nil {
			p.add("%s %q: %v", kind.name(), k, err)
			return nil
		}
		if !codes[string(code)] {
			p.add("%s %q: account %s does not exist", kind.name(), k, code)
		}
		scratch = domain.AccountFile{}
		if err := kind.add(&scratch, string(code), own, v, in); err != nil {
			p.add("%s %q: %v", kind.name(), k, err)
			return nil
		}
		for _, ref := range activityRefs(&scratch) {
			if ref != 0 && b.activities.Get(idKey(string(code), ref)) == nil {
				p.add("%s %q: activity %d does not exist", kind.name(), k, ref)
			}
		}
		return nil
	})
}

// activityRefs lists the activity ids a just-decoded record points at.
func activityRefs(f *domain.AccountFile) []uint64 {
	var out []uint64
	for _, x := range f.Promises {
		out = append(out, x.Activity)
	}
	for _, x := range f.FollowUps {
		out = append(out, x.Activity)
	}
	for _, x := range f.Activities {
		out = append(out, x.Corrects)
	}
	return out
}

// checkIndex checks both directions: every document is indexed under its
// account, and every index entry names a document of that account.
func checkIndex(records *bbolt.Bucket, idxName []byte, name []byte, p *problems) {
	idx := records.Tx().Bucket(idxName)
	_ = records.ForEach(func(k, _ []byte) error {
		code, own, err := splitKey(k)
		if err != nil {
			return nil // reported by checkKind
		}
		if owner := idx.Get(own); !bytes.Equal(owner, code) {
			p.add("%s %q: index %s says account %q", name, k, idxName, owner)
		}
		return nil
	})
	_ = idx.ForEach(func(number, code []byte) error {
		if records.Get(recKey(string(code), string(number))) == nil {
			p.add("%s %q: no %s record on account %q", idxName, number, name, code)
		}
		return nil
	})
}
