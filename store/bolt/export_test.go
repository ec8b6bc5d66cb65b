package bolt

import "time"

// Seal and Unseal let the external tests write values as a book holds them
// (to damage a book in ways its checksums do not catch) and read them back.
func Seal(bucket, key, v []byte) []byte { return seal(bucket, key, append([]byte(nil), v...)) }

func Unseal(bucket, key, v []byte) ([]byte, error) { return unseal(bucket, key, v) }

// Handle is a store for the book at path without Open's look at it, for
// tests that check books Open refuses.
func Handle(path string, opt Options) *Store {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	return &Store{path: path, opt: opt}
}
