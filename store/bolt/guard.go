package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"

	bbolt "go.etcd.io/bbolt"
)

// A write makes bbolt turn the pages on the way to each key it puts or
// deletes into nodes, copying every key and value each page says it holds.
// bbolt trusts those pages: a damaged length there has it copy gigabytes,
// or leave a pointer into the Go heap that the collector dies on — neither
// a panic that run can recover. So before each put, delete or sequence a
// write makes, guard reads the same way down from the file (as rawCheck
// does, with bounds-checked slices) and refuses the write, as damage, when a
// page on it is not well formed. A delete may make bbolt merge a page with
// a neighbour, so the neighbours on its way are checked too. Each page is
// checked once per transaction.

// guard is one write transaction's checked pages.
type guard struct {
	tx       *bbolt.Tx
	f        *os.File // bbolt's handle, or one opened on first need
	opened   bool     // f was opened here, and is closed with the guard
	scratch  []byte   // a leaf's bytes, read and checked, then not needed
	pageSize int
	hwm      uint64                   // first page past the data, as of the transaction
	checked  map[pageKind]checkedPage // pages found well formed
	buckets  map[string]bool          // buckets whose way in the root tree was checked

	// The leaf the last way down a bucket's tree reached, and the keys it
	// holds: lo ≤ key < hi (nil: no bound). The keys of an import come
	// sorted, and nearly all of them land in the leaf the one before did.
	last     uint64
	lo, hi   []byte
	haveLast bool
}

// pageKind names a page and the tree it was read as part of: the root
// tree's leaves hold buckets, a bucket's leaves hold values.
type pageKind struct {
	id   uint64
	root bool
}

// checkedPage is what a checked page leaves for the way down: a branch's
// elements (a leaf's are not needed again) and the page's first key.
type checkedPage struct {
	branch []branchElem
	first  []byte
}

type branchElem struct {
	key   []byte
	child uint64
}

// guards holds the guard of each write transaction in progress.
var guards sync.Map // *bbolt.Tx → *guard

// guardTx gives tx a guard that reads the file through f (bbolt's own
// handle; nil: open one when needed); the returned func drops it.
func guardTx(tx *bbolt.Tx, f *os.File) func() {
	g := &guard{tx: tx, f: f, pageSize: tx.DB().Info().PageSize, checked: map[pageKind]checkedPage{}, buckets: map[string]bool{}}
	g.hwm = uint64(tx.Size()) / uint64(g.pageSize)
	guards.Store(tx, g)
	return func() {
		guards.Delete(tx)
		if g.opened {
			g.f.Close()
		}
	}
}

// guardOf is tx's guard (one made on the spot for a transaction run
// otherwise, as in tests).
func guardOf(tx *bbolt.Tx) *guard {
	if g, ok := guards.Load(tx); ok {
		return g.(*guard)
	}
	guardTx(tx, nil)
	g, _ := guards.Load(tx)
	return g.(*guard)
}

// errMalformed is a page on a write's way that bbolt could not read safely.
var errMalformed = errors.New("a page of the file is malformed")

// way checks the pages a write of key in bucket bk (named name) reaches:
// the way to the bucket in the root tree (which holds small buckets
// whole), then the way to key in the bucket's own tree. near: the
// neighbours on the way too (for a delete); rootOnly: the way stops at the
// bucket's root page.
func (g *guard) way(bk *bbolt.Bucket, name, key []byte, near, rootOnly bool) error {
	if !g.buckets[string(name)] {
		if _, _, err := g.down(uint64(g.tx.Cursor().Bucket().Root()), true, name, false); err != nil {
			return damaged(name, key, err)
		}
		g.buckets[string(name)] = true
	}
	root := uint64(bk.Root())
	if root == 0 {
		return nil // held whole in the root tree's leaf, checked with it
	}
	if rootOnly {
		_, err := g.page(root, false)
		if err != nil {
			return damaged(name, key, err)
		}
		return nil
	}
	if !near && g.haveLast && g.last == root && (g.lo == nil || bytes.Compare(g.lo, key) <= 0) && (g.hi == nil || bytes.Compare(key, g.hi) < 0) {
		return nil // the leaf the last key reached, from the same root
	}
	lo, hi, err := g.down(root, false, key, near)
	if err != nil {
		return damaged(name, key, err)
	}
	g.last, g.lo, g.hi, g.haveLast = root, lo, hi, true
	return nil
}

// down walks from page root to the leaf where key belongs, choosing the
// child at each branch as bbolt's search does, and checks each page on
// the way (and, when near, every child of each branch on it). It returns
// the bounds of the keys that reach the same leaf (nil: none).
func (g *guard) down(root uint64, rootTree bool, key []byte, near bool) (lo, hi []byte, err error) {
	id, want := root, []byte(nil)
	for depth := 0; depth <= maxTreeDepth; depth++ {
		p, err := g.page(id, rootTree)
		if err != nil {
			return nil, nil, err
		}
		if want != nil && !bytes.Equal(p.first, want) {
			return nil, nil, fmt.Errorf("%w: page %d begins with %q, its branch says %q", errMalformed, id, p.first, want)
		}
		if p.branch == nil {
			return lo, hi, nil
		}
		if near {
			for _, e := range p.branch {
				if _, err := g.page(e.child, rootTree); err != nil {
					return nil, nil, err
				}
			}
		}
		// The first element not below key, or the one before when it is
		// not key itself (bbolt's Cursor.searchBranch).
		i := sort.Search(len(p.branch), func(i int) bool { return bytes.Compare(p.branch[i].key, key) >= 0 })
		if i == len(p.branch) || (i > 0 && !bytes.Equal(p.branch[i].key, key)) {
			i--
		}
		if i > 0 {
			lo = p.branch[i].key
		}
		if i+1 < len(p.branch) {
			hi = p.branch[i+1].key
		}
		id, want = p.branch[i].child, p.branch[i].key
	}
	return nil, nil, fmt.Errorf("%w: a tree deeper than %d", errMalformed, maxTreeDepth)
}

// page reads and checks page id (of the root tree, or of a bucket's) once
// per transaction.
func (g *guard) page(id uint64, rootTree bool) (checkedPage, error) {
	k := pageKind{id, rootTree}
	if p, ok := g.checked[k]; ok {
		return p, nil
	}
	buf, err := g.read(id)
	if err != nil {
		return checkedPage{}, err
	}
	p, err := checkPage(buf, id, g.hwm, rootTree)
	if err != nil {
		return checkedPage{}, err
	}
	g.checked[k] = p
	return p, nil
}

// read reads page id and its overflow from the file into scratch: what is
// kept of it (a branch's keys, a page's first key) is copied out.
func (g *guard) read(id uint64) ([]byte, error) {
	if id < 2 || id >= g.hwm {
		return nil, fmt.Errorf("%w: page %d is outside the data (2…%d)", errMalformed, id, g.hwm-1)
	}
	if g.f == nil {
		f, err := os.Open(g.tx.DB().Path())
		if err != nil {
			return nil, err
		}
		g.f, g.opened = f, true
	}
	if len(g.scratch) < g.pageSize {
		g.scratch = make([]byte, g.pageSize)
	}
	buf := g.scratch[:g.pageSize]
	if _, err := g.f.ReadAt(buf, int64(id)*int64(g.pageSize)); err != nil && err != io.EOF {
		return nil, err
	}
	if overflow := uint64(ne.Uint32(buf[12:])); overflow > 0 {
		if id+overflow >= g.hwm {
			return nil, fmt.Errorf("%w: page %d overflows past the data (%d more pages)", errMalformed, id, overflow)
		}
		if n := int(overflow+1) * g.pageSize; len(g.scratch) < n {
			g.scratch = make([]byte, n)
		}
		buf = g.scratch[:int(overflow+1)*g.pageSize]
		if _, err := g.f.ReadAt(buf, int64(id)*int64(g.pageSize)); err != nil && err != io.EOF {
			return nil, err
		}
	}
	return buf, nil
}

// checkPage checks a branch or leaf page as bbolt will read it: its id, its
// elements within it, its keys in strictly increasing order, a branch's
// children within the data, a small bucket's page within its value.
func checkPage(p []byte, id, hwm uint64, rootTree bool) (checkedPage, error) {
	bad := func(format string, args ...any) (checkedPage, error) {
		return checkedPage{}, fmt.Errorf("%w: page %d: %s", errMalformed, id, fmt.Sprintf(format, args...))
	}
	if got := ne.Uint64(p); got != id {
		return bad("says it is page %d", got)
	}
	switch flags := ne.Uint16(p[8:]); flags {
	case flagBranch:
		n := int(ne.Uint16(p[10:]))
		if n == 0 || pageHeaderSize+n*elementSize > len(p) {
			return bad("%d branch elements do not fit", n)
		}
		elems := make([]branchElem, n)
		var keys []byte // one copy of every key: p is scratch
		for i := range n {
			e := pageHeaderSize + i*elementSize
			pos, ksize := uint64(ne.Uint32(p[e:])), uint64(ne.Uint32(p[e+4:]))
			if uint64(e)+pos+ksize > uint64(len(p)) || ksize == 0 {
				return bad("element %d lies outside the page", i)
			}
			key := p[uint64(e)+pos : uint64(e)+pos+ksize]
			if i > 0 && bytes.Compare(elems[i-1].key, key) >= 0 {
				return bad("element %d's key is out of order", i)
			}
			child := ne.Uint64(p[e+8:])
			if child < 2 || child >= hwm {
				return bad("element %d names page %d, outside the data", i, child)
			}
			elems[i] = branchElem{key: key, child: child}
		}
		for i := range elems {
			keys = append(keys, elems[i].key...)
		}
		for i, at := 0, 0; i < n; i++ {
			k := len(elems[i].key)
			elems[i].key = keys[at : at+k : at+k]
			at += k
		}
		return checkedPage{branch: elems, first: elems[0].key}, nil
	case flagLeaf:
		first, err := checkLeaf(p, hwm, rootTree)
		if err != nil {
			return bad("%v", err)
		}
		return checkedPage{first: bytes.Clone(first)}, nil // p is scratch
	default:
		return bad("flags %#x, not a branch or leaf", flags)
	}
}

// checkLeaf checks a leaf page, or a small bucket's page inside a value
// (top: a leaf of the root tree, which holds buckets, small ones whole).
func checkLeaf(p []byte, hwm uint64, top bool) ([]byte, error) {
	if len(p) < pageHeaderSize || ne.Uint16(p[8:]) != flagLeaf {
		return nil, errors.New("a bucket's page is not a leaf")
	}
	n := int(ne.Uint16(p[10:]))
	if pageHeaderSize+n*elementSize > len(p) {
		return nil, fmt.Errorf("%d leaf elements do not fit", n)
	}
	var first, prev []byte
	for i := range n {
		e := pageHeaderSize + i*elementSize
		flags := ne.Uint32(p[e:])
		pos, ksize, vsize := uint64(ne.Uint32(p[e+4:])), uint64(ne.Uint32(p[e+8:])), uint64(ne.Uint32(p[e+12:]))
		end := uint64(e) + pos + ksize + vsize
		if end > uint64(len(p)) || ksize == 0 {
			return nil, fmt.Errorf("element %d lies outside the page", i)
		}
		key := p[uint64(e)+pos : uint64(e)+pos+ksize]
		if i == 0 {
			first = key
		} else if bytes.Compare(prev, key) >= 0 {
			return nil, fmt.Errorf("element %d's key is out of order", i)
		}
		prev = key
		// acctdesk keeps buckets in the root tree only, and nothing else.
		if (flags&leafBucketFlag != 0) != top {
			return nil, fmt.Errorf("element %d: a bucket where a value belongs, or a value where a bucket does", i)
		}
		if !top {
			continue
		}
		v := p[uint64(e)+pos+ksize : end]
		if len(v) < 16 {
			return nil, fmt.Errorf("element %d: a bucket's header is %d bytes", i, len(v))
		}
		if root := ne.Uint64(v); root == 0 {
			if _, err := checkLeaf(v[16:], hwm, false); err != nil {
				return nil, fmt.Errorf("the small bucket %q: %v", key, err)
			}
		} else if root < 2 || root >= hwm {
			return nil, fmt.Errorf("the bucket %q has its root at page %d, outside the data", key, root)
		}
	}
	return first, nil
}

// guardedPut is bk.Put after guard has checked the way to key.
func guardedPut(bk *bbolt.Bucket, name, key, v []byte) error {
	if err := guardOf(bk.Tx()).way(bk, name, key, false, false); err != nil {
		return err
	}
	return bk.Put(key, v)
}

// guardedDelete is bk.Delete after guard has checked the way to key and
// its neighbours.
func guardedDelete(bk *bbolt.Bucket, name, key []byte) error {
	if err := guardOf(bk.Tx()).way(bk, name, key, true, false); err != nil {
		return err
	}
	return bk.Delete(key)
}

// guardedSequence is bk.NextSequence after guard has checked the bucket's
// root page, the one page bbolt reads to set it.
func guardedSequence(bk *bbolt.Bucket, name []byte) (uint64, error) {
	g := guardOf(bk.Tx())
	if err := g.way(bk, name, nil, false, true); err != nil {
		return 0, err
	}
	return bk.NextSequence()
}
