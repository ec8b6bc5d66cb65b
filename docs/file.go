package docs

import (
	"bufio"
	"errors"
	"fmt"
	"io"
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

// WriteFile writes a document whole, as the house writes files: into a
// temporary file beside it (a link is followed: beside the file it names),
// synced, then renamed into place and the directory synced, so a reader sees
// the old file or the new, never half of one, and a failure leaves the old
// as it was. It never replaces a book — the one in use (keep: by any name, a
// link to it, a hard link) or any other (a bbolt file by its first page) —
// nor a directory, a device or any other special file; the target is looked
// at again just before the rename, so a book that appeared there meanwhile
// is not replaced. A new file is made 0600, like a backup (a document holds
// the book's figures); a replaced one keeps its mode.
func WriteFile(target string, write func(io.Writer) error, keep ...string) error {
	path := target
	if p, err := filepath.EvalSymlinks(target); err == nil {
		path = p
	}
	if err := mayReplace(target, path, keep); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		// Said of the file asked for, not of the temporary one.
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("%s: %w", domain.Safe(target), err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if info, err := os.Stat(path); err == nil {
		if err := tmp.Chmod(info.Mode().Perm()); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := mayReplace(target, path, keep); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	done = true
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// MayReplace refuses a target no document may replace (see WriteFile), so
// that a command can say so before it does the work.
func MayReplace(target string, keep ...string) error {
	path := target
	if p, err := filepath.EvalSymlinks(target); err == nil {
		path = p
	}
	return mayReplace(target, path, keep)
}

// mayReplace is MayReplace with the target's links followed (path).
func mayReplace(target, path string, keep []string) error {
	shown := domain.Safe(target)
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		if _, lerr := os.Lstat(target); lerr == nil && path == target {
			return fmt.Errorf("%s is a link to nothing: not written", shown)
		}
		return nil
	}
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file (a directory or a device): not written", shown)
	}
	for _, k := range keep {
		if ki, err := os.Stat(k); err == nil && os.SameFile(ki, info) {
			return fmt.Errorf("%s is the book itself: give another file", shown)
		}
	}
	if isBook(path) {
		return fmt.Errorf("%s holds a book: a document never replaces one (give another file)", shown)
	}
	return nil
}

// isBook reports whether the file begins as a bbolt file does: a page
// header, then the meta page's magic.
func isBook(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var b [20]byte
	if _, err := io.ReadFull(f, b[:]); err != nil {
		return false
	}
	m := b[16:] // 0xED0CDAED in the writer's byte order
	return string(m) == "\xed\xda\x0c\xed" || string(m) == "\xed\x0c\xda\xed"
}
