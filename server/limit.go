package server

import (
	"net"
	"sync"
	"time"
)

// failures counts the failed connections (authentication that never
// completed) of each source address over a window. An address with too
// many is refused where connections are accepted, before any SSH is
// spoken: wish's rate-limit middleware runs after authentication (wish
// issue #325), too late to slow someone guessing.
type failures struct {
	limit  int
	window time.Duration
	now    func() time.Time

	mu  sync.Mutex
	by  map[string][]time.Time
	ops int
}

const maxTracked = 10000 // addresses remembered at most; the oldest go first

func newFailures(limit int, window time.Duration) *failures {
	return &failures{limit: limit, window: window, now: time.Now, by: map[string][]time.Time{}}
}

func host(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	h, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return h
}

// fail records a failed connection from addr.
func (f *failures) fail(addr string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.now()
	f.by[addr] = append(f.recent(addr, now), now)
	if f.ops++; f.ops%256 == 0 || len(f.by) > maxTracked {
		f.prune(now)
	}
}

// blocked reports whether addr has failed limit times within the window.
func (f *failures) blocked(addr string) bool {
	if f.limit <= 0 {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.recent(addr, f.now())
	if len(r) == 0 {
		delete(f.by, addr)
	} else {
		f.by[addr] = r
	}
	return len(r) >= f.limit
}

func (f *failures) recent(addr string, now time.Time) []time.Time {
	ts := f.by[addr]
	i := 0
	for i < len(ts) && now.Sub(ts[i]) >= f.window {
		i++
	}
	return ts[i:]
}

func (f *failures) prune(now time.Time) {
	for a := range f.by {
		if r := f.recent(a, now); len(r) == 0 {
			delete(f.by, a)
		} else {
			f.by[a] = r
		}
	}
	for len(f.by) > maxTracked { // under a flood: forget anyone
		for a := range f.by {
			delete(f.by, a)
			break
		}
	}
}

// limitedListener refuses, as they are accepted, the connections of an
// address that failed too often: closed at once, logged.
type limitedListener struct {
	net.Listener
	f      *failures
	refuse func(addr string)
}

func (l *limitedListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		a := host(c.RemoteAddr())
		if !l.f.blocked(a) {
			return c, nil
		}
		c.Close()
		l.refuse(a)
	}
}
