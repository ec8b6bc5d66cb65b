package desk

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"acctdesk/domain"
	"acctdesk/store"
)

// pageSize is how many accounts' facts one read transaction takes: a few
// milliseconds of the file, so writers never wait long. A variable for the
// tests, which page smaller books.
var pageSize = 1000

// Scanned is what a scan kept of every account, in code order, consistent
// as of one change counter.
type Scanned[T any] struct {
	Changes  uint64
	Settings domain.Settings
	Codes    []string
	Results  []T
}

// Scan reads every account's facts a page at a time and keeps what keep makes
// of each. Writes may land between the pages: the accounts they touched are
// read again (from the change log) until a round finds nothing new, so the
// results are those of the book as of Changes, as if read in one transaction
// — without holding the file for the whole book. A settings change starts
// the scan again (keep may depend on them).
func Scan[T any](r store.Reader, keep func(domain.Settings, *domain.Facts) T) (*Scanned[T], error) {
	for attempt := 0; attempt < 5; attempt++ {
		s, err := scanOnce(r, keep)
		if errors.Is(err, errRestart) {
			continue
		}
		return s, err
	}
	return nil, fmt.Errorf("%w: the book kept changing while it was read", store.ErrInUse)
}

var errRestart = errors.New("restart the scan")

func scanOnce[T any](r store.Reader, keep func(domain.Settings, *domain.Facts) T) (*Scanned[T], error) {
	s := &Scanned[T]{}
	// The next page is read while this one is kept: reading and keeping
	// both use every processor, and overlapping them leaves none idle
	// while the other waits for its slowest goroutine.
	type read struct {
		p   store.FactsPage
		err error
	}
	fetch := func(after string) <-chan read {
		ch := make(chan read, 1)
		go func() {
			p, err := r.Facts(after, pageSize)
			ch <- read{p, err}
		}()
		return ch
	}
	next := fetch("")
	for first := true; ; first = false {
		got := <-next
		p, err := got.p, got.err
		if err != nil {
			return nil, err
		}
		more := p.More && len(p.Facts) > 0
		if more {
			next = fetch(p.Facts[len(p.Facts)-1].Account.Code)
		}
		if first {
			s.Changes, s.Settings = p.Changes, p.Settings
		} else if p.Changes != s.Changes && !sameSettings(p.Settings, s.Settings) {
			return nil, errRestart
		}
		for _, x := range p.Facts {
			s.Codes = append(s.Codes, x.Account.Code)
		}
		s.Results = append(s.Results, keepAll(s.Settings, p.Facts, keep)...)
		if !more {
			break
		}
	}
	for round := 0; ; round++ {
		if round > 50 {
			return nil, fmt.Errorf("%w: the book kept changing while it was read", store.ErrInUse)
		}
		ch, err := r.Changed(s.Changes)
		if err != nil {
			return nil, err
		}
		if ch.All || ch.Settings {
			return nil, errRestart
		}
		if len(ch.Accounts) == 0 {
			s.Changes = ch.Now
			return s, nil
		}
		p, err := r.FactsOf(ch.Accounts)
		if err != nil {
			return nil, err
		}
		if !sameSettings(p.Settings, s.Settings) {
			return nil, errRestart
		}
		s.replace(p.Facts, keep)
		// Accounts written after ch.Now and before this read are read again
		// in the next round, which asks from ch.Now.
		s.Changes = ch.Now
	}
}

// keepAll is keep of each account, spread over the processors: the accounts
// are independent.
func keepAll[T any](set domain.Settings, facts []*domain.Facts, keep func(domain.Settings, *domain.Facts) T) []T {
	out := make([]T, len(facts))
	workers := min(runtime.GOMAXPROCS(0), len(facts)/64+1)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for i := w; i < len(facts); i += workers {
				out[i] = keep(set, facts[i])
			}
		})
	}
	wg.Wait()
	return out
}

// replace puts the results of re-read accounts in place (or in order, for
// new accounts).
func (s *Scanned[T]) replace(facts []*domain.Facts, keep func(domain.Settings, *domain.Facts) T) {
	for _, x := range facts {
		code := x.Account.Code
		i, found := slices.BinarySearch(s.Codes, code)
		v := keep(s.Settings, x)
		if found {
			s.Results[i] = v
			continue
		}
		s.Codes = slices.Insert(s.Codes, i, code)
		s.Results = slices.Insert(s.Results, i, v)
	}
}

// sameSettings compares two settings by value.
func sameSettings(a, b domain.Settings) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}
