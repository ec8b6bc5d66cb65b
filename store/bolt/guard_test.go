package bolt_test

import (
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"acctdesk/store"
)

// ne is the byte order bbolt writes its pages in (the machine's).
var ne = binary.NativeEndian

// bucketElement finds, in the book's file, the root tree's leaf element of
// the named bucket: the offset of its value (the bucket header). The layout
// is bbolt's format version 2 (see rawcheck.go).
func bucketElement(t *testing.T, data []byte, name string) int {
	t.Helper()
	const pageSize = 4096
	meta := func(id int) (root, txid uint64) {
		m := data[id*pageSize+16:]
		return ne.Uint64(m[16:]), ne.Uint64(m[48:])
	}
	root, tx0 := meta(0)
	if r1, tx1 := meta(1); tx1 > tx0 {
		root = r1
	}
	var walk func(id uint64) int
	walk = func(id uint64) int {
		p := data[int(id)*pageSize:]
		n := int(ne.Uint16(p[10:]))
		for i := range n {
			e := 16 + i*16
			if ne.Uint16(p[8:]) == 0x01 { // branch
				if at := walk(ne.Uint64(p[e+8:])); at >= 0 {
					return at
				}
				continue
			}
			pos, ksize := int(ne.Uint32(p[e+4:])), int(ne.Uint32(p[e+8:]))
			if string(p[e+pos:e+pos+ksize]) == name {
				return int(id)*pageSize + e + pos + ksize
			}
		}
		return -1
	}
	at := walk(root)
	if at < 0 {
		t.Fatalf("no bucket %q in the root tree", name)
	}
	return at
}

// TestWriteGuardRefusesAMalformedPage: a length in a page that bbolt would
// trust when a write turns the page into a node (here the first key's
// length in the change log's page, held whole in the root tree) is refused
// as damage before bbolt reads it: no hang, no fatal error, nothing
// written, and check names it. Without the guard the same write copies
// half a gigabyte or dies in the garbage collector.
func TestWriteGuardRefusesAMalformedPage(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(3, 2))
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	header := bucketElement(t, data, "changelog")
	if root := ne.Uint64(data[header:]); root != 0 {
		t.Fatalf("the change log of a small book has its own page %d; the test wants it held whole", root)
	}
	page := header + 16 // the small bucket's page follows its header
	if n := ne.Uint16(data[page+10:]); n == 0 {
		t.Fatal("the change log is empty")
	}
	ksize := page + 16 + 8 // element 0: flags, pos, ksize, vsize
	ne.PutUint32(data[ksize:], ne.Uint32(data[ksize:])|0x20000000)
	if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
		t.Fatal(err)
	}

	done := make(chan error, 1)
	go func() { done <- logCall(s, "A00001") }()
	select {
	case err = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("a write on a malformed page did not return (a hang)")
	}
	if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), "malformed") {
		t.Fatalf("a write on a malformed page: %v; want it refused as damage", err)
	}
	after, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(data) {
		t.Error("the refused write changed the file")
	}
	if err := s.Check(); err == nil || !strings.Contains(err.Error(), "outside the page") {
		t.Errorf("check of the malformed page: %v; want the element named", err)
	}
}
