package bolt

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"time"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// checkFacts makes every account's ledger and facts again from its records
// and compares them, by value, with what is stored; it also reports stored
// values of accounts that do not exist.
func checkFacts(b *buckets, codes map[string]bool, bad badKeys, p *problems) {
	list := slices.Sorted(maps.Keys(codes))
	in := newInterner()
	nothing := func() {}
	ledgers, errs := deriveLedgers(b, list, in, nothing)
	compareDerived(b, list, ledgers, errs, bucketLedgers, "its documents", bad, p,
		func(v []byte) (any, error) {
			var x domain.Facts
			return x, decodeLedger(v, &x, nil)
		})
	facts, errs := deriveFacts(b, list, in, nothing, func(code string) (bool, error) { return hasDocuments(b, code), nil })
	compareDerived(b, list, facts, errs, bucketFacts, "its records", bad, p,
		func(v []byte) (any, error) {
			var x struct {
				Facts  domain.Facts
				Ledger bool
			}
			var err error
			x.Ledger, err = decodeFacts("", v, &x.Facts, nil)
			return x, err
		})
	for _, bk := range [][]byte{bucketLedgers, bucketFacts} {
		_ = b.tx.Bucket(bk).ForEach(func(k, _ []byte) error {
			if !codes[string(k)] {
				p.at(bk, k, "account %s does not exist", k)
			}
			return nil
		})
	}
}

// compareDerived compares each account's stored value with the one made
// again from its records (want; nil: there should be none).
func compareDerived(b *buckets, codes []string, wants [][]byte, errs []error,
	bucket []byte, from string, bad badKeys, p *problems, decode func([]byte) (any, error)) {
	bk := b.tx.Bucket(bucket)
	for i, code := range codes {
		k, want := []byte(code), wants[i]
		if bad.has(bucket, k) {
			continue // its checksum failed: reported
		}
		got, err := get(bk, bucket, k)
		if err != nil {
			p.at(bucket, k, "%s", causeOf(err))
			continue
		}
		switch {
		case errs[i] != nil:
			p.at(bucket, k, "cannot be made from %s: %v", from, errs[i])
		case want == nil && got != nil:
			p.at(bucket, k, "stored, but %s make none", from)
		case want != nil && got == nil:
			p.at(bucket, k, "missing")
		case !bytes.Equal(want, got):
			// The same figures may be written with other exponents (1.50
			// and 1.5) by another version of the arithmetic: compare values.
			g, err := decode(got)
			if err != nil {
				p.at(bucket, k, "%v", err)
				break
			}
			if w, _ := decode(want); !sameValue(reflect.ValueOf(g), reflect.ValueOf(w)) {
				p.at(bucket, k, "differs from what %s make", from)
			}
		}
	}
}

// checkChangelog checks that every entry decodes, none is beyond the
// counter, and they run without a gap up to it.
func checkChangelog(b *buckets, bad badKeys, p *problems) {
	now, err := readChanges(b)
	if err != nil {
		return // reported with the meta bucket
	}
	var first, last, count uint64
	_ = b.changelog.ForEach(func(k, v []byte) error {
		n, err := readU64(k)
		switch {
		case err != nil:
			p.at(bucketChangelog, k, "%v", err)
		case n > now:
			p.note(string(bucketChangelog), fmt.Sprintf("%s %d: beyond the change counter %d", bucketChangelog, n, now))
		default:
			if count == 0 {
				first = n
			}
			last = n
			count++
		}
		if bad.has(bucketChangelog, k) {
			return nil
		}
		body, _ := unseal(bucketChangelog, k, v)
		if _, err := decodeChange(body); err != nil {
			p.at(bucketChangelog, k, "%v", err)
		}
		return nil
	})
	switch {
	case count > 0 && (last != now || last-first+1 != count):
		p.note(string(bucketChangelog), fmt.Sprintf("%s: entries %d…%d are %d, not every one up to the counter %d",
			bucketChangelog, first, last, count, now))
	case count == 0 && now > 0:
		p.note(string(bucketChangelog), fmt.Sprintf("%s: no entries, but the counter is %d", bucketChangelog, now))
	}
}

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	instantType = reflect.TypeFor[time.Time]()
)

// sameValue compares two values as what they mean: decimals by value,
// instants with Equal, a nil slice like an empty one.
func sameValue(a, b reflect.Value) bool {
	switch a.Type() {
	case decimalType:
		return a.Interface().(decimal.Decimal).Equal(b.Interface().(decimal.Decimal))
	case instantType:
		return a.Interface().(time.Time).Equal(b.Interface().(time.Time))
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Pointer:
		return a.IsNil() == b.IsNil() && (a.IsNil() || sameValue(a.Elem(), b.Elem()))
	}
	return a.Equal(b)
}
