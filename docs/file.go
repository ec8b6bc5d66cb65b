package docs

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"acctdesk/domain"
)

// DefaultDir is where the workstation writes documents when the config
// names no directory: $XDG_DOCUMENTS_DIR/acctdesk, else ~/Documents/acctdesk;
// "" when neither is known.
func DefaultDir(getenv func(string) string) string {
	if d := getenv("XDG_DOCUMENTS_DIR"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "acctdesk")
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, "Documents", "acctdesk")
	}
	return ""
}

// FileName is a document's file name: "statement-ACME-2026-06-30.pdf".
// An account code may hold any printable character, so whatever is not a
// letter, a digit, '-' or '_' becomes '_': the name is one file in the
// directory, whatever the code.
func FileName(kind, code string, asOf domain.Date, format string) string {
	var b strings.Builder
	for _, r := range code {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return fmt.Sprintf("%s-%s-%s.%s", kind, b.String(), asOf, Ext(format))
}

// WriteFile writes data to path durably: a temporary file in the same
// directory, synced, renamed over path, and the directory synced, so a
// crash leaves the old file or the new one, never half of one. It refuses
// a path that is a directory or a device, and one that is (or links to)
// any file in keep: the book in use.
func WriteFile(path string, data []byte, keep ...string) error {
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file: give the path of a file to write", path)
		}
		for _, k := range keep {
			if ki, err := os.Stat(k); err == nil && os.SameFile(ki, info) {
				return fmt.Errorf("%s is the book itself: give another file", path)
			}
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	// A symlink at path is replaced, not followed: what it named (the book,
	// say) is never written through.
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
