package desk

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"acctdesk/docs"
	"acctdesk/domain"
)

// Statement is an account's statement of account as of asOf (the desk's
// date when zero), SPEC §9.5: the code is matched without regard to case
// (ResolveCode), the figures are the account file's, read now.
func (d *Desk) Statement(code string, asOf domain.Date) (domain.Statement, error) {
	if asOf == 0 {
		asOf = d.opt.AsOf
	}
	c, err := d.ResolveCode(code)
	if err != nil {
		return domain.Statement{}, err
	}
	f, err := d.st.LoadAccount(c)
	if err != nil {
		return domain.Statement{}, err
	}
	set, err := d.st.Settings()
	if err != nil {
		return domain.Statement{}, err
	}
	st, err := domain.StatementOf(f, set, asOf)
	if err != nil {
		return domain.Statement{}, fmt.Errorf("account %s: %w", c, err)
	}
	return st, nil
}

// StatementBytes is the statement rendered in a format (docs.Formats).
func (d *Desk) StatementBytes(code string, asOf domain.Date, format string) ([]byte, domain.Statement, error) {
	if !docs.ValidFormat(format) {
		return nil, domain.Statement{}, fmt.Errorf("format %q is not one of text, md, html, pdf", format)
	}
	st, err := d.Statement(code, asOf)
	if err != nil {
		return nil, domain.Statement{}, err
	}
	b, err := docs.Bytes(docs.Statement(st), format)
	return b, st, err
}

// WriteStatement writes the statement into dir (made when missing) as
// statement-<CODE>-<as-of>.<ext>, durably (docs.WriteFile), and says where.
// This is what the workstation's S does; the file is on the machine the
// desk runs on (the server, in team mode).
func (d *Desk) WriteStatement(code string, asOf domain.Date, format, dir string) (string, error) {
	if dir == "" {
		return "", fmt.Errorf("no documents directory: set documents_dir in the config file")
	}
	b, st, err := d.StatementBytes(code, asOf, format)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, docs.FileName("statement", st.Account.Code, st.AsOf, format))
	if err := docs.WriteFile(path, bytesOf(b)); err != nil {
		return "", err
	}
	return path, nil
}

// bytesOf writes b, for docs.WriteFile.
func bytesOf(b []byte) func(io.Writer) error {
	return func(w io.Writer) error { _, err := w.Write(b); return err }
}
