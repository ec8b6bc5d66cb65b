package common

// Loads keeps a page's loads in order: each is numbered, so that a reply to
// an older one is dropped, and one runs at a time. A view that comes while a
// load is under way waits for it, and then only the newest waiting view is
// loaded (from the data just shown: pages compare facts, so the views in
// between are not missed). A stream of changes thus never starves a page,
// and nothing is worked out only to be thrown away.
type Loads struct {
	seq     int
	running bool
	waiting bool // a view came while a load was under way
}

// Start numbers a load for a new view, or says to wait (ok false) for the
// one under way.
func (l *Loads) Start() (seq int, ok bool) {
	if l.running {
		l.waiting = true
		return 0, false
	}
	l.seq++
	l.running = true
	return l.seq, true
}

// Busy says a load is under way: what is shown may be about to change.
func (l *Loads) Busy() bool { return l.running }

// Restart numbers a load that replaces the one under way: the user asked
// for something else (another date, another account).
func (l *Loads) Restart() int {
	l.seq++
	l.running, l.waiting = true, false
	return l.seq
}

// Done takes the reply to load seq: latest says whether to show it (a reply
// to a replaced load is dropped), again whether a view waited for it and is
// to be loaded now.
func (l *Loads) Done(seq int) (latest, again bool) {
	if seq != l.seq {
		return false, false
	}
	again = l.waiting
	l.running, l.waiting = false, false
	return true, again
}
