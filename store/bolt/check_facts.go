package bolt

import (
	"bytes"
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
func checkFacts(b *buckets, codes map[string]bool, p *problems) {
	list := slices.Sorted(maps.Keys(codes))
	in := newInterner()
	nothing := func() {}
	ledgers, errs := deriveLedgers(b, list, in, nothing)
	compareDerived(b.ledgers.Get, list, ledgers, errs, bucketLedgers, "its documents", p,
		func(v []byte) (domain.Facts, error) {
			var x domain.Facts
			return x, decodeLedger(v, &x, nil)
		})
	facts, errs := deriveFacts(b, list, in, nothing)
	compareDerived(b.facts.Get, list, facts, errs, bucketFacts, "its records", p,
		func(v []byte) (domain.Facts, error) {
			var x domain.Facts
			return x, decodeFacts("", v, &x, nil)
		})
	for _, bk := range [][]byte{bucketLedgers, bucketFacts} {
		_ = b.tx.Bucket(bk).ForEach(func(k, _ []byte) error {
			if !codes[string(k)] {
				p.add("%s %q: account %s does not exist", bk, k, k)
			}
			return nil
		})
	}
}

// compareDerived compares each account's stored value (get) with the one
// made again from its records (want; nil: there should be none).
func compareDerived(get func([]byte) []byte, codes []string, wants [][]byte, errs []error,
	bucket []byte, from string, p *problems, decode func([]byte) (domain.Facts, error)) {
	for i, code := range codes {
		k, want, got := []byte(code), wants[i], get([]byte(code))
		switch {
		case errs[i] != nil:
			p.add("%s %q: cannot be made from %s: %v", bucket, k, from, errs[i])
		case want == nil && got != nil:
			p.add("%s %q: stored, but %s make none", bucket, k, from)
		case want != nil && got == nil:
			p.add("%s %q: missing", bucket, k)
		case !bytes.Equal(want, got):
			// The same figures may be written with other exponents (1.50
			// and 1.5) by another version of the arithmetic: compare values.
			g, err := decode(got)
			if err != nil {
				p.add("%s %q: %v", bucket, k, err)
				break
			}
			if w, _ := decode(want); !sameValue(reflect.ValueOf(g), reflect.ValueOf(w)) {
				p.add("%s %q: differs from what %s make", bucket, k, from)
			}
		}
	}
}

// checkChangelog checks that every entry decodes and none is beyond the counter.
func checkChangelog(b *buckets, p *problems) {
	now, err := readChanges(b)
	if err != nil {
		return // reported with the meta bucket
	}
	_ = b.changelog.ForEach(func(k, v []byte) error {
		n, err := readU64(k)
		switch {
		case err != nil:
			p.add("%s %q: %v", bucketChangelog, k, err)
		case n > now:
			p.add("%s %d: beyond the change counter %d", bucketChangelog, n, now)
		}
		if _, err := decodeChange(v); err != nil {
			p.add("%s %q: %v", bucketChangelog, k, err)
		}
		return nil
	})
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
