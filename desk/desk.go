// Package desk is one per process and has no UI types: the use cases (log a
// call, escalate, note, follow-up, done, snooze, …) that the command line,
// the workstation and the SSH server all call, and the process-wide read
// view of the book — loaded once from per-account facts, then refreshed from
// the change log, only for the accounts that changed, and shared immutably
// by everyone who reads it.
package desk

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"acctdesk/domain"
	"acctdesk/store"
)

// Options tune a desk.
type Options struct {
	// AsOf is the business date: what is logged today, and what the view is
	// computed as of.
	AsOf domain.Date
	// Poll is how often Watch looks for other processes' writes; 1 s when zero.
	Poll time.Duration
}

// Desk is the use cases and the read view over one store.
type Desk struct {
	st   store.Store
	opt  Options
	view atomic.Pointer[View]
	err  atomic.Pointer[error] // the last look at the book failed

	refreshing sync.Mutex // one load or refresh at a time
	subsMu     sync.Mutex
	subs       map[chan struct{}]struct{}
	kick       chan struct{} // a write of ours: refresh now
}

// New makes a desk over a store. Nothing is read until the view is asked for.
func New(st store.Store, opt Options) *Desk {
	if opt.Poll <= 0 {
		opt.Poll = time.Second
	}
	return &Desk{st: st, opt: opt, subs: map[chan struct{}]struct{}{}, kick: make(chan struct{}, 1)}
}

// AsOf is the desk's business date.
func (d *Desk) AsOf() domain.Date { return d.opt.AsOf }

// Store is the store the desk works on (for the administrative commands).
func (d *Desk) Store() store.Store { return d.st }

// View is the current view, loaded on first use.
func (d *Desk) View() (*View, error) {
	if v := d.view.Load(); v != nil {
		return v, nil
	}
	d.refreshing.Lock()
	defer d.refreshing.Unlock()
	if v := d.view.Load(); v != nil {
		return v, nil
	}
	v, err := loadView(d.st, d.opt.AsOf)
	if err != nil {
		return nil, err
	}
	d.view.Store(v)
	return v, nil
}

// Current is the view as it is now, or nil before the first load.
func (d *Desk) Current() *View { return d.view.Load() }

// Refresh brings the view up to date with the change log and tells the
// subscribers when it changed. Only the accounts written since are read.
func (d *Desk) Refresh() (*View, error) {
	d.refreshing.Lock()
	old := d.view.Load()
	if old == nil {
		d.refreshing.Unlock()
		return d.View()
	}
	v, err := old.refresh(d.st)
	if err == nil && v != old {
		d.view.Store(v)
	}
	d.refreshing.Unlock()
	if err != nil {
		return old, err
	}
	if v != old {
		d.notify()
	}
	return v, nil
}

// Subscribe returns a channel that receives whenever a new view is in place
// (Current has it), and a function that ends the subscription and closes
// the channel, so that whoever waits on it (a session that has ended) stops
// waiting. A slow reader misses nothing but intermediate views: the channel
// holds one signal.
func (d *Desk) Subscribe() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	d.subsMu.Lock()
	d.subs[ch] = struct{}{}
	d.subsMu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			d.subsMu.Lock()
			delete(d.subs, ch)
			close(ch) // under the lock: notify never sends on it again
			d.subsMu.Unlock()
		})
	}
}

func (d *Desk) notify() {
	d.subsMu.Lock()
	defer d.subsMu.Unlock()
	for ch := range d.subs {
		select {
		case ch <- struct{}{}:
		default: // a signal is already waiting
		}
	}
}

// Watch keeps the view fresh until ctx ends: it refreshes right after a
// write made through this desk, and looks for other processes' writes
// every Poll (reading only the change counter while nothing moves). When a
// look fails, Err says why until one succeeds again; subscribers hear of
// both.
func (d *Desk) Watch(ctx context.Context) {
	t := time.NewTicker(d.opt.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-d.kick:
		case <-t.C:
			if v := d.view.Load(); v != nil {
				n, err := d.st.Changes()
				if err == nil && n == v.Changes {
					d.setErr(nil)
					continue
				}
			}
		}
		_, err := d.Refresh()
		d.setErr(err)
	}
}

// Err is why the last look at the book failed, or nil when it worked.
func (d *Desk) Err() error {
	if e := d.err.Load(); e != nil {
		return *e
	}
	return nil
}

func (d *Desk) setErr(err error) {
	old := d.Err()
	if (old == nil) == (err == nil) && (old == nil || old.Error() == err.Error()) {
		return
	}
	if err == nil {
		d.err.Store(nil)
	} else {
		d.err.Store(&err)
	}
	d.notify()
}

// wrote is called after every write: the watcher refreshes at once.
func (d *Desk) wrote() {
	select {
	case d.kick <- struct{}{}:
	default:
	}
}
