package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"time"
	"unicode/utf8"
	"unsafe"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// The codec is a compact binary form kept apart from the domain types, so a
// domain field can be renamed without touching stored bytes. Every value
// starts with a version byte for its record type; a decoder that meets a
// version it does not know refuses the value rather than guess.
//
// Primitives: unsigned integers as uvarint, signed as varint, strings and
// byte strings length-prefixed, decimals as exponent + coefficient, dates as
// varint days, instants as a presence byte + varint unix nanoseconds.

// enc appends to a byte slice.
type enc struct{ b []byte }

func (e *enc) u(v uint64)            { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) i(v int64)             { e.b = binary.AppendVarint(e.b, v) }
func (e *enc) int(v int)             { e.i(int64(v)) }
func (e *enc) byte(v byte)           { e.b = append(e.b, v) }
func (e *enc) date(d domain.Date)    { e.i(int64(d)) }
func (e *enc) cur(c domain.Currency) { e.str(string(c)) }

func (e *enc) str(s string) {
	e.u(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *enc) bool(v bool) {
	if v {
		e.byte(1)
	} else {
		e.byte(0)
	}
}

func (e *enc) strs(ss []string) {
	e.u(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *enc) ints(vs []int) {
	e.u(uint64(len(vs)))
	for _, v := range vs {
		e.int(v)
	}
}

// Decimal coefficient kinds.
const (
	decSmall  = 0 // int64 varint
	decBigPos = 1 // magnitude bytes, positive
	decBigNeg = 2 // magnitude bytes, negative
)

func (e *enc) dec(d decimal.Decimal) {
	e.i(int64(d.Exponent()))
	// NumDigits is allocation-free for the usual amounts; 18 digits always fit an int64.
	if d.IsZero() {
		e.byte(decSmall)
		e.i(0)
		return
	}
	if d.NumDigits() <= 18 {
		e.byte(decSmall)
		e.i(d.CoefficientInt64())
		return
	}
	c := d.Coefficient()
	if c.IsInt64() {
		e.byte(decSmall)
		e.i(c.Int64())
		return
	}
	if c.Sign() < 0 {
		e.byte(decBigNeg)
	} else {
		e.byte(decBigPos)
	}
	mag := c.Bytes() // absolute value
	e.u(uint64(len(mag)))
	e.b = append(e.b, mag...)
}

func (e *enc) time(t time.Time) {
	if t.IsZero() {
		e.byte(0)
		return
	}
	e.byte(1)
	e.i(t.UnixNano())
}

func (e *enc) stamp(s domain.Stamp) {
	e.str(s.By)
	e.time(s.At)
}

// errShort and friends say what is wrong with a value; callers wrap them with
// the bucket and key and store.ErrDamaged.
var (
	errShort   = errors.New("value ends early")
	errVarint  = errors.New("bad varint")
	errRange   = errors.New("number out of range")
	errTrailer = errors.New("bytes left over after the value")
	errText    = errors.New("text with a control character or not UTF-8")
	errKey     = errors.New("key part empty, with a control character or not UTF-8")
	errDate    = errors.New("date outside 1900–9999")
)

// dec reads what enc wrote. The first error sticks and every later read
// returns a zero value, so decoders read straight through and check once.
type dec struct {
	b   []byte
	err error
	in  *interner // optional: shares repeated short strings while loading
}

func (d *dec) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.b = nil
}

// u, i and raw take one-byte values (the usual counts, small numbers and
// short strings) without the general decoder: a failed dec has no bytes
// left, so the fast paths need no error check.
func (d *dec) u() uint64 {
	if b := d.b; len(b) > 0 && b[0] < 0x80 {
		d.b = b[1:]
		return uint64(b[0])
	}
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(errVarint)
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) i() int64 {
	if b := d.b; len(b) > 0 && b[0] < 0x80 {
		d.b = b[1:]
		return int64(b[0]>>1) ^ -int64(b[0]&1) // zig-zag, as binary.Varint
	}
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail(errVarint)
		return 0
	}
	d.b = d.b[n:]
	return v
}

// varints reads len(dst) signed varints at once: the ledger's millions of
// small numbers read in a loop on local variables, one-byte values without
// a call, rather than a method call each.
func (d *dec) varints(dst []int64) {
	b := d.b
	for k := range dst {
		if len(b) > 0 && b[0] < 0x80 {
			dst[k] = int64(b[0]>>1) ^ -int64(b[0]&1) // zig-zag, as binary.Varint
			b = b[1:]
			continue
		}
		v, n := binary.Varint(b)
		if n <= 0 {
			d.fail(errVarint)
			clear(dst)
			return
		}
		dst[k], b = v, b[n:]
	}
	d.b = b
}

func (d *dec) int() int {
	v := d.i()
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.fail(errRange)
		return 0
	}
	return int(v)
}

func (d *dec) id() uint64 { return d.u() }

func (d *dec) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.fail(errShort)
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *dec) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	default:
		d.fail(fmt.Errorf("bad boolean"))
		return false
	}
}

func (d *dec) raw() []byte {
	if b := d.b; len(b) > 0 && int(b[0]) < min(len(b), 0x80) {
		n := 1 + int(b[0])
		d.b = b[n:]
		return b[1:n:n]
	}
	n := d.u()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.fail(errShort)
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

// Every string a decoder returns is checked (SPEC §6 "Integrity"): UTF-8,
// no control character (C0, DEL, C1) and no line or paragraph separator;
// free text (str: notes, reasons, summaries) may also hold line breaks and
// tabs. A value that breaks this is refused, never shown.

// str reads free text the caller keeps; it is always a copy (bbolt's bytes
// die with the transaction).
func (d *dec) str() string {
	b := d.raw()
	if !textOK(b, true) {
		d.fail(errText)
		return ""
	}
	if d.in != nil {
		return d.in.str(b)
	}
	return string(b)
}

// line reads a one-line string (a name, a phone number), copied like str.
func (d *dec) line() string {
	b := d.raw()
	if !textOK(b, false) {
		d.fail(errText)
		return ""
	}
	if d.in != nil {
		return d.in.str(b)
	}
	return string(b)
}

// key is a string from the record's key, copied like str: one line, not empty.
func (d *dec) key(b []byte) string {
	if len(b) == 0 || !textOK(b, false) {
		d.fail(errKey)
		return ""
	}
	if d.in != nil {
		return d.in.str(b)
	}
	return string(b)
}

// keyWord is key for a short word many accounts' keys repeat (the kind of
// an opening document), shared through the interner like word.
func (d *dec) keyWord(b []byte) string {
	if len(b) == 0 || !textOK(b, false) {
		d.fail(errKey)
		return ""
	}
	if d.in != nil {
		return d.in.get(b)
	}
	return string(b)
}

// word reads a short, often repeated one-line string (currency, kind,
// status, author), shared through the interner when there is one.
func (d *dec) word() string {
	b := d.raw()
	if !textOK(b, false) {
		d.fail(errText)
		return ""
	}
	if d.in != nil {
		return d.in.get(b)
	}
	return string(b)
}

// cur reads a currency, which must be one acctdesk knows.
func (d *dec) cur() domain.Currency {
	c := domain.Currency(d.word())
	if d.err == nil && !c.Valid() {
		d.fail(fmt.Errorf("unknown currency %q", c))
	}
	return c
}

// date reads a date: none (zero), or one in 1900–9999 (SPEC §6).
func (d *dec) date() domain.Date {
	v := d.i()
	if v != 0 && (v < int64(domain.FirstDate) || v > int64(domain.LastDate)) {
		d.fail(errDate)
		return 0
	}
	return domain.Date(v)
}

// amount checks a decoded amount: at most domain.MaxAmount either way (SPEC
// §6), more than zero when positive, not below zero when nonNegative.
func (d *dec) amount(a decimal.Decimal, sign int) {
	if d.err != nil {
		return
	}
	switch {
	case !inRange(a):
		d.fail(fmt.Errorf("amount %s is beyond 10^15", a))
	case sign > 0 && a.Sign() <= 0:
		d.fail(fmt.Errorf("amount %s is not more than zero", a))
	case sign == 0 && a.Sign() < 0:
		d.fail(fmt.Errorf("amount %s is below zero", a))
	}
}

// Signs amount asks for.
const (
	anySign     = -1
	nonNegative = 0
	positive    = 1
)

// places checks that an amount has no more decimal places than its currency.
func (d *dec) places(a decimal.Decimal, c domain.Currency) {
	if d.err != nil || !hasPlaces(a, c.Places()) {
		d.fail(fmt.Errorf("amount %s has more decimal places than %s allows", a, c))
	}
}

// inRange reports whether |a| ≤ domain.MaxAmount, without allocating for
// the usual amounts: a has NumDigits+Exponent digits before the point.
func inRange(a decimal.Decimal) bool {
	if a.IsZero() {
		return true
	}
	switch n := int64(a.NumDigits()) + int64(a.Exponent()); {
	case n <= 15:
		return true
	case n > 16:
		return false
	}
	return a.Abs().Cmp(domain.MaxAmount) <= 0
}

// hasPlaces reports whether a needs at most places decimals (trailing zeros
// do not count, as in domain validation).
func hasPlaces(a decimal.Decimal, places int32) bool {
	exp := a.Exponent()
	if exp >= -places || a.IsZero() {
		return true
	}
	k, digits := int64(-places)-int64(exp), int64(a.NumDigits()) // k zeros must end the coefficient
	if k >= digits {
		return false // more zeros than digits: a coefficient that is not zero cannot
	}
	if digits <= 18 {
		c := a.CoefficientInt64()
		for ; k > 0; k-- {
			if c%10 != 0 {
				return false
			}
			c /= 10
		}
		return true
	}
	return a.Equal(a.Round(places))
}

// textOK reports whether b is UTF-8 with no control character and no line
// or paragraph separator; multiline allows line breaks and tabs. Plain
// ASCII is checked a byte at a time, the rest rune by rune.
func textOK(b []byte, multiline bool) bool {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= 0x20 && c < 0x7f:
		case c >= 0x80:
			return runesOK(b[i:], multiline)
		case multiline && (c == '\n' || c == '\t'):
		default:
			return false
		}
	}
	return true
}

func runesOK(b []byte, multiline bool) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			return false
		case r == '\n' || r == '\t':
			if !multiline {
				return false
			}
		case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0x2028, r == 0x2029:
			return false
		}
		b = b[n:]
	}
	return true
}

func (d *dec) count() int {
	n := d.u()
	// Every element takes at least one byte: a larger count is garbage, and
	// refusing it keeps a damaged length from allocating gigabytes.
	if n > uint64(len(d.b)) {
		d.fail(errShort)
		return 0
	}
	return int(n)
}

func (d *dec) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.word()
	}
	if d.err != nil {
		return nil
	}
	return out
}

func (d *dec) ints() []int {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]int, n)
	for i := range out {
		out[i] = d.int()
	}
	return out
}

// maxDecimalBytes bounds a big coefficient (about 150 digits).
const maxDecimalBytes = 64

// maxExponent bounds a stored decimal's exponent either way: amounts and
// quantities have a few places, and an exponent of millions would make
// every sum with it rescale by a power of ten as long.
const maxExponent = 64

func (d *dec) dec() decimal.Decimal {
	exp := d.i()
	if exp < -maxExponent || exp > maxExponent {
		d.fail(errRange)
		return decimal.Decimal{}
	}
	kind := d.byte()
	if d.err != nil {
		return decimal.Decimal{}
	}
	switch kind {
	case decSmall:
		c := d.i()
		if d.err != nil || (c == 0 && exp == 0) {
			return decimal.Decimal{} // the zero value, no allocation
		}
		if d.in != nil {
			return d.in.decimal(c, int32(exp))
		}
		return decimal.New(c, int32(exp))
	case decBigPos, decBigNeg:
		mag := d.raw()
		if d.err != nil {
			return decimal.Decimal{}
		}
		if len(mag) > maxDecimalBytes {
			d.fail(errRange)
			return decimal.Decimal{}
		}
		return decimal.NewFromBigInt(bigInt(mag, kind == decBigNeg), int32(exp))
	default:
		d.fail(fmt.Errorf("bad decimal kind %d", kind))
		return decimal.Decimal{}
	}
}

func (d *dec) time() time.Time {
	switch d.byte() {
	case 0:
		return time.Time{}
	case 1:
		n := d.i()
		if d.err != nil {
			return time.Time{}
		}
		return time.Unix(0, n).UTC()
	default:
		d.fail(fmt.Errorf("bad instant"))
		return time.Time{}
	}
}

func (d *dec) stamp() domain.Stamp {
	return domain.Stamp{By: d.word(), At: d.time()}
}

// version reads the leading version byte and refuses one it does not know.
func (d *dec) version(known byte) {
	v := d.byte()
	if d.err == nil && v != known {
		d.fail(fmt.Errorf("record version %d, this acctdesk reads %d", v, known))
	}
}

// done reports the first error, or leftover bytes.
func (d *dec) done() error {
	if d.err != nil {
		return d.err
	}
	if len(d.b) != 0 {
		return errTrailer
	}
	return nil
}

// bigInt is the slow path of decimals, kept apart so dec stays small.
func bigInt(mag []byte, neg bool) *big.Int {
	c := new(big.Int).SetBytes(mag)
	if neg {
		c.Neg(c)
	}
	return c
}

// interner makes the strings of many records cheaply. Short repeated words
// are shared, so a million invoices in NGN hold one "NGN"; other strings
// are copied into blocks rather than allocated one by one. It starts
// small (one account's records in a logged call) and grows with the work.
type interner struct {
	m        map[string]string
	last     [256]string // direct-mapped cache in front of m
	block    []byte
	decs     *[1024]decSlot // made once many decimals have come
	uncached int
}

// decSlot caches a decimal: quantities, limits and round amounts repeat, and
// each new decimal costs an allocation. Sharing one is safe: a Decimal never
// changes its coefficient in place.
type decSlot struct {
	c   int64
	exp int32
	set bool
	d   decimal.Decimal
}

func (in *interner) decimal(c int64, exp int32) decimal.Decimal {
	if in.decs == nil {
		if in.uncached < 256 { // a few decimals do not pay for the cache
			in.uncached++
			return decimal.New(c, exp)
		}
		in.decs = new([1024]decSlot)
	}
	s := &in.decs[(uint64(c)*0x9E3779B97F4A7C15+uint64(uint32(exp)))>>54]
	if s.set && s.c == c && s.exp == exp {
		return s.d
	}
	*s = decSlot{c: c, exp: exp, set: true, d: decimal.New(c, exp)}
	return s.d
}

func newInterner() *interner { return &interner{m: make(map[string]string, 16)} }

func (in *interner) get(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	slot := &in.last[(len(b)*31+int(b[0])*7+int(b[len(b)-1]))%len(in.last)]
	if *slot == string(b) { // no allocation for the comparison
		return *slot
	}
	s, ok := in.m[string(b)] // nor for the lookup
	if !ok {
		s = in.str(b)
		if len(b) <= 64 && len(in.m) < 1<<14 {
			in.m[s] = s
		}
	}
	*slot = s
	return s
}

// str copies b into the current block. The block is never written again
// where a string points, so the strings stay immutable.
func (in *interner) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > 1024 {
		return string(b)
	}
	if cap(in.block)-len(in.block) < len(b) {
		// Blocks grow from 1 KiB to 64 KiB.
		in.block = make([]byte, 0, max(min(2*cap(in.block), 64<<10), 1<<10))
	}
	start := len(in.block)
	in.block = append(in.block, b...)
	return unsafe.String(&in.block[start], len(b))
}
