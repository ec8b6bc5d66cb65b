// Command present checks that notes written to a book are in it: it opens the
// book read-only with bbolt, scans every value under the bucket named
// "activities" (nested buckets included, and a bucket of that name at any
// depth, so a redesigned layout is still covered) and reports which of the
// note strings listed in a file, one per line, occur as bytes inside no value.
//
//	go run ./bench/issue8/present --db BOOK --notes FILE [--missing OUT]
//
// It prints one line, "notes N present P missing M", lists the first missing
// notes on stderr (all of them to --missing), and exits 0 when none is
// missing, 1 when some are, 2 on error. The match is a plain substring match,
// so the harness gives every note a fixed width (w1-000042): no note is then
// a substring of another.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"time"

	bbolt "go.etcd.io/bbolt"
)

func main() {
	db := flag.String("db", "", "the book (opened read-only)")
	notesFile := flag.String("notes", "", "file of note strings, one per line")
	missingOut := flag.String("missing", "", "write the missing notes here, one per line")
	bucket := flag.String("bucket", "activities", "name of the bucket to scan")
	flag.Parse()
	if *db == "" || *notesFile == "" {
		fmt.Fprintln(os.Stderr, "usage: present --db BOOK --notes FILE [--missing OUT] [--bucket NAME]")
		os.Exit(2)
	}
	notes, err := readNotes(*notesFile)
	if err != nil {
		fail(err)
	}
	found, scanned, err := scan(*db, []byte(*bucket), notes)
	if err != nil {
		fail(err)
	}
	var missing []string
	for _, n := range notes.list {
		if !found[n] {
			missing = append(missing, n)
		}
	}
	fmt.Printf("notes %d present %d missing %d (%d values scanned)\n",
		len(notes.list), len(notes.list)-len(missing), len(missing), scanned)
	for i, n := range missing {
		if i == 20 {
			fmt.Fprintf(os.Stderr, "missing: ... %d more\n", len(missing)-20)
			break
		}
		fmt.Fprintln(os.Stderr, "missing:", n)
	}
	if *missingOut != "" {
		var b bytes.Buffer
		for _, n := range missing {
			b.WriteString(n)
			b.WriteByte('\n')
		}
		if err := os.WriteFile(*missingOut, b.Bytes(), 0o644); err != nil {
			fail(err)
		}
	}
	if len(missing) > 0 {
		os.Exit(1)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "present:", err)
	os.Exit(2)
}

// noteSet is the wanted notes, indexed for a scan that looks up only the
// windows starting at a byte some note starts with.
type noteSet struct {
	list    []string // in file order, duplicates dropped
	byLen   map[int]map[string]bool
	lengths []int
	first   [256]bool
}

func readNotes(path string) (*noteSet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s := &noteSet{byLen: map[int]map[string]bool{}}
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		n := string(bytes.TrimRight(sc.Bytes(), "\r"))
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		s.list = append(s.list, n)
		m := s.byLen[len(n)]
		if m == nil {
			m = map[string]bool{}
			s.byLen[len(n)] = m
			s.lengths = append(s.lengths, len(n))
		}
		m[n] = true
		s.first[n[0]] = true
	}
	return s, sc.Err()
}

func scan(path string, name []byte, notes *noteSet) (map[string]bool, int, error) {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		return nil, 0, err
	}
	defer db.Close()
	found := map[string]bool{}
	scanned, buckets := 0, 0
	look := func(v []byte) {
		scanned++
		for i, c := range v {
			if !notes.first[c] {
				continue
			}
			for _, l := range notes.lengths {
				if i+l <= len(v) && notes.byLen[l][string(v[i:i+l])] {
					found[string(v[i:i+l])] = true
				}
			}
		}
	}
	// walk scans every value under b when under (b is, or is inside, a
	// bucket of the wanted name), and looks for such buckets inside b.
	var walk func(b *bbolt.Bucket, under bool) error
	walk = func(b *bbolt.Bucket, under bool) error {
		return b.ForEach(func(k, v []byte) error {
			if v != nil {
				if under {
					look(v)
				}
				return nil
			}
			in := under || bytes.Equal(k, name)
			if in && !under {
				buckets++
			}
			return walk(b.Bucket(k), in)
		})
	}
	err = db.View(func(tx *bbolt.Tx) error {
		// The bucket at the top level, as schema 2 has it; else any bucket
		// of that name at any depth.
		if b := tx.Bucket(name); b != nil {
			buckets++
			return walk(b, true)
		}
		return tx.ForEach(func(k []byte, b *bbolt.Bucket) error { return walk(b, false) })
	})
	if err == nil && buckets == 0 {
		err = fmt.Errorf("%s has no bucket named %q", path, name)
	}
	return found, scanned, err
}
