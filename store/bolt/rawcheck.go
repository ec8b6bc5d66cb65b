package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"

	bbolt "go.etcd.io/bbolt"
)

// rawCheck walks bbolt's page structure by reading the file itself, with
// bounds-checked Go slices. It exists because bbolt's own tx.Check runs in a
// goroutine of its own: a damaged page makes it panic or fault there, where no
// recover can reach, and the whole process dies. tx.Check is only run once
// this walk has found every page it will touch to be well formed.
//
// The layout mirrors go.etcd.io/bbolt/internal/common (format version 2):
// a 16-byte page header {id u64, flags u16, count u16, overflow u32}, then
// 16-byte elements; branch {pos u32, ksize u32, pgid u64}, leaf {flags u32,
// pos u32, ksize u32, vsize u32}; a bucket value is {root u64, sequence u64}
// followed, when root is 0, by an inline leaf page.

const (
	pageHeaderSize   = 16
	elementSize      = 16
	flagBranch       = 0x01
	flagLeaf         = 0x02
	flagMeta         = 0x04
	flagFreelist     = 0x10
	leafBucketFlag   = 0x01
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	noFreelist       = ^uint64(0)
	maxTreeDepth     = 64
	rawProblemsLimit = 10
)

var ne = binary.NativeEndian // bbolt writes its structs in the machine's byte order

type rawWalker struct {
	f        *os.File
	size     int64
	pageSize int
	hwm      uint64 // first page id past the data
	seen     map[uint64]bool
	problems []string
}

type rawMeta struct {
	root, freelist, pgid, txid uint64
	pageSize                   uint32
	err                        string
}

// rawCheck returns the structural problems of the file a read transaction sees.
func rawCheck(tx *bbolt.Tx) []string {
	return rawWalk(tx, true)
}

// rawPreflight checks only what opening the file for writing reads: the meta
// page, the file size and the freelist. bbolt loads the freelist inside
// Open, where a panic would leave the file mapped, and so locked, for the
// rest of the process; this look under a shared lock comes first.
func rawPreflight(tx *bbolt.Tx) []string {
	return rawWalk(tx, false)
}

func rawWalk(tx *bbolt.Tx, trees bool) []string {
	f, err := os.Open(tx.DB().Path())
	if err != nil {
		return []string{err.Error()}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return []string{err.Error()}
	}
	w := &rawWalker{f: f, size: info.Size(), pageSize: tx.DB().Info().PageSize, seen: map[uint64]bool{}}
	w.walk(uint64(tx.ID()), trees)
	return w.problems
}

func (w *rawWalker) problem(format string, args ...any) {
	if len(w.problems) < rawProblemsLimit {
		w.problems = append(w.problems, fmt.Sprintf(format, args...))
	}
}

func (w *rawWalker) walk(txid uint64, trees bool) {
	var meta *rawMeta
	for id := uint64(0); id < 2; id++ {
		m := w.readMeta(id)
		switch {
		case m.err != "":
			// bbolt falls back on the other meta page without a word,
			// which loses the last commit when the damaged one was the
			// newer; and tx.Check asserts (in a goroutine no recover
			// reaches) that both pages say who they are.
			w.problem("%s", m.err)
		case m.txid == txid:
			meta = &m
		}
	}
	if meta == nil {
		w.problem("no valid meta page for transaction %d", txid)
		return
	}
	w.walkFrom(meta, trees)
}

// walkFrom checks the file from a meta page: its size, the freelist and,
// when trees, every B+tree.
func (w *rawWalker) walkFrom(meta *rawMeta, trees bool) {
	w.hwm = meta.pgid
	if need := int64(w.hwm) * int64(w.pageSize); w.size < need {
		w.problem("file is truncated: %d bytes, the meta page needs %d", w.size, need)
		return
	}
	w.seen[0], w.seen[1] = true, true
	if meta.freelist != noFreelist {
		w.freelist(meta.freelist)
	}
	if trees {
		w.tree(meta.root, 0)
	}
}

func (w *rawWalker) readMeta(id uint64) rawMeta {
	// The header and the meta fields are all of the page that is read.
	buf := make([]byte, pageHeaderSize+64)
	if _, err := w.f.ReadAt(buf, int64(id)*int64(w.pageSize)); err != nil {
		return rawMeta{err: err.Error()}
	}
	m := buf[pageHeaderSize:]
	if ne.Uint64(buf) != id || ne.Uint16(buf[8:]) != flagMeta {
		return rawMeta{err: fmt.Sprintf("page %d is not a meta page", id)}
	}
	if ne.Uint32(m) != boltMagic || ne.Uint32(m[4:]) != boltVersion {
		return rawMeta{err: fmt.Sprintf("meta page %d: bad magic or version", id)}
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != ne.Uint64(m[56:]) {
		return rawMeta{err: fmt.Sprintf("meta page %d: checksum mismatch", id)}
	}
	return rawMeta{
		pageSize: ne.Uint32(m[8:]),
		root:     ne.Uint64(m[16:]),
		freelist: ne.Uint64(m[32:]),
		pgid:     ne.Uint64(m[40:]),
		txid:     ne.Uint64(m[48:]),
	}
}

// page reads a page with its overflow, checking its id and that it lies
// below the high-water mark. It returns nil after reporting a problem.
func (w *rawWalker) page(id uint64, what string) []byte {
	if id < 2 || id >= w.hwm {
		w.problem("%s page %d is outside the data (2…%d)", what, id, w.hwm-1)
		return nil
	}
	if w.seen[id] {
		w.problem("%s page %d is referenced twice (or is also free)", what, id)
		return nil
	}
	buf := make([]byte, w.pageSize)
	if _, err := w.f.ReadAt(buf, int64(id)*int64(w.pageSize)); err != nil && err != io.EOF {
		w.problem("%s page %d: %v", what, id, err)
		return nil
	}
	if got := ne.Uint64(buf); got != id {
		w.problem("%s page %d says it is page %d", what, id, got)
		return nil
	}
	overflow := uint64(ne.Uint32(buf[12:]))
	if id+overflow >= w.hwm {
		w.problem("%s page %d overflows past the data (%d more pages)", what, id, overflow)
		return nil
	}
	for i := uint64(0); i <= overflow; i++ {
		w.seen[id+i] = true
	}
	if overflow > 0 {
		buf = make([]byte, int(overflow+1)*w.pageSize)
		if _, err := w.f.ReadAt(buf, int64(id)*int64(w.pageSize)); err != nil {
			w.problem("%s page %d: %v", what, id, err)
			return nil
		}
	}
	return buf
}

func (w *rawWalker) freelist(id uint64) {
	p := w.page(id, "freelist")
	if p == nil {
		return
	}
	if flags := ne.Uint16(p[8:]); flags != flagFreelist {
		w.problem("freelist page %d has flags %#x", id, flags)
		return
	}
	count, start := uint64(ne.Uint16(p[10:])), pageHeaderSize
	if count == 0xFFFF {
		count, start = ne.Uint64(p[pageHeaderSize:]), pageHeaderSize+8
	}
	if count > uint64(len(p)-start)/8 {
		w.problem("freelist page %d lists %d pages, more than it holds", id, count)
		return
	}
	// bbolt writes the list sorted, each page once: a page out of order is
	// a damaged entry, which a write would hand out as free.
	prev := uint64(0)
	for i := range count {
		free := ne.Uint64(p[start+int(i)*8:])
		if free < 2 || free >= w.hwm {
			w.problem("freelist page %d lists page %d outside the data", id, free)
			return
		}
		if free <= prev {
			w.problem("freelist page %d lists page %d after page %d: out of order", id, free, prev)
			return
		}
		prev = free
		w.seen[free] = true
	}
}

// tree checks a B+tree rooted at page id, and every bucket below it, and
// returns the tree's first key (nil after a problem).
//
// A branch element's key must be its child's first key: bbolt finds the
// element to update by that key when the child is written again, and one
// that differs (a damaged byte, which nothing checksums) makes it add a
// second element instead, leaving the old page referenced and free at once.
// bbolt's own check accepts any key not above the child's first.
func (w *rawWalker) tree(id uint64, depth int) []byte {
	if depth > maxTreeDepth || len(w.problems) >= rawProblemsLimit {
		if depth > maxTreeDepth {
			w.problem("page %d: tree deeper than %d", id, maxTreeDepth)
		}
		return nil
	}
	p := w.page(id, "tree")
	if p == nil {
		return nil
	}
	switch flags := ne.Uint16(p[8:]); flags {
	case flagBranch:
		n := int(ne.Uint16(p[10:]))
		if n == 0 || pageHeaderSize+n*elementSize > len(p) {
			w.problem("branch page %d: %d elements do not fit", id, n)
			return nil
		}
		var first []byte
		for i := range n {
			e := pageHeaderSize + i*elementSize
			pos, ksize := int(ne.Uint32(p[e:])), int(ne.Uint32(p[e+4:]))
			if e+pos+ksize > len(p) || pos < 0 || ksize < 0 {
				w.problem("branch page %d: element %d points outside the page", id, i)
				return nil
			}
			key := p[e+pos : e+pos+ksize]
			child := ne.Uint64(p[e+8:])
			got := w.tree(child, depth+1)
			if got != nil && !bytes.Equal(got, key) {
				w.problem("branch page %d: element %d's key %q is not the first key %q of page %d", id, i, key, got, child)
			}
			if i == 0 {
				first = key
			}
		}
		return first
	case flagLeaf:
		return w.leaf(p, id, depth)
	default:
		w.problem("page %d has flags %#x, not a branch or leaf", id, flags)
		return nil
	}
}

// leaf checks a leaf page (or an inline bucket's page) and recurses into
// buckets; it returns the page's first key (nil when it has none).
func (w *rawWalker) leaf(p []byte, id uint64, depth int) []byte {
	if len(p) < pageHeaderSize {
		w.problem("inline bucket in page %d is too short", id)
		return nil
	}
	n := int(ne.Uint16(p[10:]))
	if pageHeaderSize+n*elementSize > len(p) {
		w.problem("leaf page %d: %d elements do not fit", id, n)
		return nil
	}
	var first []byte
	for i := range n {
		e := pageHeaderSize + i*elementSize
		flags := ne.Uint32(p[e:])
		pos, ksize, vsize := uint64(ne.Uint32(p[e+4:])), uint64(ne.Uint32(p[e+8:])), uint64(ne.Uint32(p[e+12:]))
		end := uint64(e) + pos + ksize + vsize
		if end > uint64(len(p)) {
			w.problem("leaf page %d: element %d points outside the page", id, i)
			return nil
		}
		if i == 0 {
			first = p[uint64(e)+pos : uint64(e)+pos+ksize]
		}
		if flags&leafBucketFlag == 0 {
			continue
		}
		v := p[uint64(e)+pos+ksize : end]
		if len(v) < 16 {
			w.problem("leaf page %d: bucket %d has a %d-byte header", id, i, len(v))
			return nil
		}
		if root := ne.Uint64(v); root != 0 {
			w.tree(root, depth+1)
		} else {
			inline := v[16:]
			if len(inline) < pageHeaderSize || ne.Uint16(inline[8:]) != flagLeaf {
				w.problem("leaf page %d: inline bucket %d is not a leaf", id, i)
				return nil
			}
			w.leaf(inline, id, depth+1)
		}
	}
	return first
}
