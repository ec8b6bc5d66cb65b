//go:build !linux

package bolt

import (
	"os"
	"time"
)

// Elsewhere there is no gate (see the Linux version): bbolt's flock alone
// keeps readers and writers apart.
type gate struct{}

func enterGate(string, bool, bool, time.Time) (*gate, error) { return &gate{}, nil }

func (*gate) leave() {}

// lockFile leaves the file lock to bbolt.
func lockFile(*os.File, bool, time.Time) error { return nil }
