package store

import "context"

// Progress is how far a long write has come.
type Progress struct {
	Stage string // what the write is doing: "checking", "writing", "summarising", "committing"
	Done  int    // records (or accounts) of the stage done so far
	Total int    // the stage's total; 0 when it has no count
}

// ProgressApplier is a Store that reports how a large Apply goes. It is
// optional: callers type-assert and fall back to Apply.
type ProgressApplier interface {
	// ApplyProgress is Apply, calling report (never nil) from time to time
	// on the caller's goroutine.
	ApplyProgress(ctx context.Context, b *Batch, report func(Progress)) (Result, error)
}
