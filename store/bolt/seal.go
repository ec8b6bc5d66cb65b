package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"

	bbolt "go.etcd.io/bbolt"
)

// Every value of a book (schema 3 on) is sealed: it ends with a CRC-32C of
// the bucket's name, the key and the value, so that a changed byte of a
// value or of its key, a value moved to another key or another bucket, and
// a value cut short or run long are all refused when read (SPEC §6
// "Integrity"). bbolt checksums nothing but its meta pages; the seal is
// what lets every reader tell a damaged record from a different one.
//
// seal appends the sum when a value is written; unseal verifies it and
// gives the value back without it. Every read of a stored value goes
// through unseal (get, or a cursor's value), and every decoder is handed
// only what unseal returned.

// sealSize is the length of the sum at the end of every value.
const sealSize = 4

var castagnoli = crc32.MakeTable(crc32.Castagnoli) // hardware-accelerated where the CPU has it

// sum is the CRC-32C of len(bucket) bucket len(key) key value: the lengths
// keep the three apart, so no other split of the same bytes has the same sum.
func sum(bucket, key, v []byte) uint32 {
	var n [2 * binary.MaxVarintLen64]byte
	h := crc32.Update(0, castagnoli, binary.AppendUvarint(n[:0], uint64(len(bucket))))
	h = crc32.Update(h, castagnoli, bucket)
	h = crc32.Update(h, castagnoli, binary.AppendUvarint(n[:0], uint64(len(key))))
	h = crc32.Update(h, castagnoli, key)
	return crc32.Update(h, castagnoli, v)
}

// seal appends v's sum; it writes into v's spare capacity when there is
// room (arena.keep leaves it), so sealing a planned write allocates nothing.
func seal(bucket, key, v []byte) []byte {
	return binary.BigEndian.AppendUint32(v, sum(bucket, key, v))
}

// errSeal says a value's sum does not match it, its key and its bucket.
var errSeal = errors.New("checksum mismatch: the value, its key or its place was changed")

// errNested is a bucket where a value should be (a flipped element flag).
var errNested = errors.New("a nested bucket where a value should be")

// unseal checks a value read from bucket under key and returns it without
// its sum. v nil (no such key) is returned as nil, nil: the caller decides
// whether the key must exist.
func unseal(bucket, key, v []byte) ([]byte, error) {
	if v == nil {
		return nil, nil
	}
	if len(v) < sealSize {
		return nil, fmt.Errorf("%w (%d bytes, shorter than the checksum)", errSeal, len(v))
	}
	body := v[: len(v)-sealSize : len(v)-sealSize]
	if binary.BigEndian.Uint32(v[len(v)-sealSize:]) != sum(bucket, key, body) {
		return nil, errSeal
	}
	return body, nil
}

// get reads and checks the value of key in bucket bk (named name): nil when
// the key is absent, an error naming bucket and key when it is damaged.
func get(bk *bbolt.Bucket, name, key []byte) ([]byte, error) {
	k, v := bk.Cursor().Seek(key)
	if k == nil || string(k) != string(key) {
		return nil, nil
	}
	return opened(name, key, v)
}

// must is get for a key that must exist.
func must(bk *bbolt.Bucket, name, key []byte) ([]byte, error) {
	v, err := get(bk, name, key)
	if err == nil && v == nil {
		err = damaged(name, key, errors.New("missing"))
	}
	return v, err
}

// opened checks a value a cursor met under k.
func opened(name, k, v []byte) ([]byte, error) {
	if v == nil {
		return nil, damaged(name, k, errNested)
	}
	body, err := unseal(name, k, v)
	if err != nil {
		return nil, damaged(name, k, err)
	}
	return body, nil
}

// putSealed seals v and writes it under key.
func putSealed(bk *bbolt.Bucket, name, key, v []byte) error {
	if err := guardedPut(bk, name, key, seal(name, key, v)); err != nil {
		return fmt.Errorf("write %s %q: %w", name, key, err)
	}
	return nil
}

// bbolt finds a key by binary search down its B+tree, trusting the keys of
// branch and leaf pages, which nothing checksums: one damaged key can send a
// seek past the records it looks for, and they would be silently missing.
// The value sums catch a damaged key when its value is read; seekChecked
// and stopKey make sure the values read around a seek are, so that a
// misled seek is caught too. Keys come strictly increasing in a whole tree:
// the key a seek lands on is the first not below from, and the one before
// it is below from. A key damaged out of order, where the search compared
// it, is one of those two neighbours (or the first key not taken), and its
// sum fails.

// seekChecked is c.Seek(from) on a new cursor of bk (named name), checked:
// the key found is not below from, the key before it is below from, and
// that key's value is whole.
func seekChecked(bk *bbolt.Bucket, name, from []byte, walked bool) (c *bbolt.Cursor, k, v []byte, err error) {
	c = bk.Cursor()
	k, v = c.Seek(from)
	if walked {
		return c, k, v, nil
	}
	if k != nil && bytes.Compare(k, from) < 0 {
		return nil, nil, nil, damaged(name, k, fmt.Errorf("a seek for %q found this key below it: keys out of order", from))
	}
	back := bk.Cursor()
	var pk, pv []byte
	if k == nil {
		pk, pv = back.Last()
	} else {
		back.Seek(from)
		pk, pv = back.Prev()
	}
	if pk == nil {
		return c, k, v, nil
	}
	if bytes.Compare(pk, from) >= 0 {
		return nil, nil, nil, damaged(name, pk, fmt.Errorf("a seek for %q went past this key: keys out of order", from))
	}
	if _, err := opened(name, pk, pv); err != nil {
		return nil, nil, nil, err
	}
	return c, k, v, nil
}

// stopKey checks the key (and value) a prefix scan stopped at, if any.
func stopKey(name, k, v []byte, walked bool) error {
	if k == nil || walked {
		return nil
	}
	_, err := opened(name, k, v)
	return err
}
