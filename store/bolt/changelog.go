package bolt

import (
	"fmt"
	"slices"

	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// The change log says which accounts each committed write touched, so that a
// workstation rereads only those (SPEC §6). Every committing write moves the
// change counter and logs its entry under the new value, in the same
// transaction: entries are contiguous from the oldest kept to the counter.

// change is one write's entry.
type change struct {
	accounts []string // sorted, each once
	settings bool
	// all: the write may have changed every account (a migration, or more
	// than changeListMax accounts). Readers read the whole book again, a
	// page at a time, rather than so many accounts in one transaction.
	all bool
}

// changeListMax is the most accounts an entry (and Changed) lists: the
// facts of that many accounts are about two pages of a book-wide read.
const changeListMax = 1000

// changelogKeep is how many entries the log keeps; older ones are pruned a
// few per write. A variable so a test can watch the pruning.
var changelogKeep uint64 = 20_000

// pruneStep is how many old entries one write deletes at most: more than the
// one it adds, so the log shrinks back after the limit is lowered.
const pruneStep = 4

const vChange = 1

// Flags of an entry.
const (
	changeSettings = 1 << iota
	changeAll
)

// Changelog entry: version, flags, the accounts.
func appendChange(dst []byte, c change) []byte {
	e := enc{b: dst}
	e.byte(vChange)
	var flags byte
	if c.settings {
		flags |= changeSettings
	}
	if c.all {
		flags |= changeAll
	}
	e.byte(flags)
	e.strs(c.accounts)
	return e.b
}

func decodeChange(v []byte) (change, error) {
	d := dec{b: v}
	d.version(vChange)
	flags := d.byte()
	if flags&^(changeSettings|changeAll) != 0 {
		d.fail(fmt.Errorf("unknown change flags %#x", flags))
	}
	c := change{settings: flags&changeSettings != 0, all: flags&changeAll != 0, accounts: d.strs()}
	return c, d.done()
}

// bumpChanges moves the change counter that other processes poll and logs
// what the write changed.
func bumpChanges(tx *bbolt.Tx, c change) error {
	meta := tx.Bucket(bucketMeta)
	n, err := readCounter(meta, metaChanges)
	if err != nil {
		return err
	}
	n++
	if err := putSealed(meta, bucketMeta, metaChanges, u64(n)); err != nil {
		return err
	}
	if len(c.accounts) > changeListMax {
		c.accounts, c.all = nil, true
	}
	log := tx.Bucket(bucketChangelog)
	log.FillPercent = bulkFill // keys only ever grow: keep the pages full
	if err := putSealed(log, bucketChangelog, u64(n), appendChange(nil, c)); err != nil {
		return err
	}
	return prune(log, n)
}

// prune deletes up to pruneStep entries older than the last changelogKeep.
func prune(log *bbolt.Bucket, now uint64) error {
	if now <= changelogKeep {
		return nil
	}
	oldest := now - changelogKeep + 1
	var old [][]byte
	c := log.Cursor()
	for k, _ := c.First(); k != nil && len(old) < pruneStep; k, _ = c.Next() {
		if n, err := readU64(k); err == nil && n >= oldest {
			break
		}
		old = append(old, k) // damaged keys go too: Check reports them meanwhile
	}
	for _, k := range old { // bbolt: never delete while a cursor walks
		if err := guardedDelete(log, bucketChangelog, k); err != nil {
			return err
		}
	}
	return nil
}

// Changed says which accounts the writes after change since touched, in
// one read transaction.
func (s *Store) Changed(since uint64) (store.Changed, error) {
	var out store.Changed
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx)
		if err != nil {
			return err
		}
		out, err = changedIn(b, since)
		return err
	})
	if err != nil {
		return store.Changed{}, err
	}
	return out, nil
}

// changedIn is Changed inside a transaction.
func changedIn(b *buckets, since uint64) (store.Changed, error) {
	out := store.Changed{Since: since}
	var err error
	if out.Now, err = readChanges(b); err != nil {
		return out, err
	}
	if since >= out.Now {
		out.All = since > out.Now // a counter from another book, or from before a restore
		return out, nil
	}
	c := b.changelog.Cursor()
	k, v := c.Seek(u64(since + 1))
	if n, err := readU64(k); err != nil || n != since+1 {
		out.All = true // pruned, or older than the log
		return out, nil
	}
	// The entries run without a gap up to the counter (every commit logs
	// one, pruning takes the oldest): a gap is an entry lost to damage,
	// and the accounts it named would be missed.
	seen := map[string]bool{}
	next := since + 1
	for ; k != nil; k, v = c.Next() {
		if n, err := readU64(k); err != nil || n != next {
			return out, damaged(bucketChangelog, k, fmt.Errorf("entry %d expected here", next))
		}
		next++
		body, err := opened(bucketChangelog, k, v)
		if err != nil {
			return out, err
		}
		e, err := decodeChange(body)
		if err != nil {
			return out, damaged(bucketChangelog, k, err)
		}
		if e.all {
			out.All = true
			break
		}
		out.Settings = out.Settings || e.settings
		for _, code := range e.accounts {
			if !seen[code] {
				seen[code] = true
				out.Accounts = append(out.Accounts, code)
			}
		}
		if len(out.Accounts) > changeListMax {
			out.All = true
			break
		}
	}
	if !out.All && next != out.Now+1 {
		return out, damaged(bucketChangelog, u64(next), fmt.Errorf("missing: the change counter is %d", out.Now))
	}
	if out.All {
		out.Accounts, out.Settings = nil, false
	}
	slices.Sort(out.Accounts)
	return out, nil
}

// guardBatch refuses a batch whose Guard accounts were written after its Since
// counter (store.ErrConflict), inside the write's own transaction.
func guardBatch(b *buckets, batch *store.Batch) error {
	if len(batch.Guard) == 0 {
		return nil
	}
	ch, err := changedIn(b, batch.Since)
	if err != nil {
		return err
	}
	for _, code := range batch.Guard {
		if ch.All || slices.Contains(ch.Accounts, code) {
			return fmt.Errorf("%w: %s", store.ErrConflict, code)
		}
	}
	return nil
}
