package importer

import (
	"io"

	"acctdesk/store"
)

// readAll is Read as one result: the batch of a file without bad rows, or
// the error (the file's, or its bad rows as a store.RowErrors).
func readAll(kind string, r io.Reader, opt Options) (*store.Batch, error) {
	f, err := Read(kind, r, opt)
	if err != nil {
		return nil, err
	}
	if err := f.Err(); err != nil {
		return nil, err
	}
	return f.Batch, nil
}
