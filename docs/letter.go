package docs

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"mime"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"
	"time"

	"acctdesk/domain"
)

// LetterFormats are the formats a reminder letter is written in (SPEC §9.3).
var LetterFormats = []string{"md", "html", "eml"}

//go:embed templates/reminder-*
var builtin embed.FS

// LetterTitles are the letters' titles by level (the e-mail's subject too).
var LetterTitles = []string{"Payment reminder", "Second payment reminder", "Final notice"}

// TemplateName is the file name of a level's template in a format:
// "reminder-2.eml". A file of that name in the templates directory
// overrides the built-in one.
func TemplateName(level int, format string) string {
	return fmt.Sprintf("reminder-%d.%s", level, format)
}

// BuiltinTemplate is the built-in template of a level and format.
func BuiltinTemplate(level int, format string) ([]byte, error) {
	return fs.ReadFile(builtin, "templates/"+TemplateName(level, format))
}

// LetterData is what a template is given: every value from the book made
// safe for the template's format (escaped for Markdown or HTML, one line
// of plain text in an e-mail; never a control character), amounts with
// the currency's places, grouped.
type LetterData struct {
	From, Customer, Code, Contact, Email string
	AsOf, Currency, Level, SignedBy      string
	LevelNumber, Oldest                  int
	Invoices                             []LetterInvoice
	TotalDue                             string
	Mail                                 MailHeader // an e-mail's header values, encoded (RFC 2047) and on one line
}

// LetterInvoice is an overdue invoice as a template shows it.
type LetterInvoice struct {
	Number, Issued, Due, Outstanding string
	DaysPastDue                      int
}

// MailHeader holds an e-mail's header values, ready for the header.
type MailHeader struct{ Date, From, To, Subject string }

// LetterOptions are where a letter's templates are and what an e-mail
// says of its sending.
type LetterOptions struct {
	Dir  string    // the templates directory; "" reads only the built-in templates
	Now  time.Time // an e-mail's Date; zero: the as-of date at noon UTC, so the same letter gives the same file
	From string    // an e-mail's From address; "" is NoReply
}

// NoReply is an e-mail's From address when none is given (the .invalid
// domain never delivers: set --from to be answered).
const NoReply = "accounts-receivable@invalid"

// ErrNoEmail says a letter cannot be an e-mail: its contact has no address.
var ErrNoEmail = errors.New("no e-mail address for the finance contact")

// Letter renders a reminder letter in a format with the level's template:
// the file of its name in the templates directory when there is one, else
// the built-in one. An e-mail has CRLF line ends and must parse as a
// message (net/mail) with a From and a To: a template that breaks the
// header is an error, not a letter; an account whose contact has no
// e-mail address is ErrNoEmail.
func Letter(r domain.ReminderLetter, format string, opt LetterOptions) ([]byte, error) {
	dir := opt.Dir
	if a := strings.TrimSpace(opt.From); a != "" {
		if p, err := mail.ParseAddress(a); err != nil || p.Name != "" || strings.ContainsAny(a, "\r\n") {
			return nil, fmt.Errorf("from address %q is not an e-mail address", domain.Safe(a))
		}
	}
	if !slices.Contains(LetterFormats, format) {
		return nil, fmt.Errorf("format %q is not one of %s", format, strings.Join(LetterFormats, ", "))
	}
	if r.Level < 1 || r.Level > domain.ReminderLevels {
		return nil, fmt.Errorf("account %s has nothing overdue to remind of", domain.Safe(r.Account.Code))
	}
	email := strings.TrimSpace(r.Contact.Email)
	if format == "eml" {
		if _, err := mail.ParseAddress(email); !r.HasContact || email == "" || err != nil || strings.ContainsAny(email, "\r\n") {
			return nil, fmt.Errorf("account %s: %w", domain.Safe(r.Account.Code), ErrNoEmail)
		}
	}
	name := TemplateName(r.Level, format)
	src, err := BuiltinTemplate(r.Level, format)
	if err != nil {
		return nil, err
	}
	if dir != "" {
		b, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case err == nil:
			src = b
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("template %s: %w", domain.Safe(filepath.Join(dir, name)), err)
		}
	}
	t, err := template.New(name).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("template %s: %s", name, domain.Safe(err.Error()))
	}
	var out bytes.Buffer
	if err := t.Execute(&out, letterData(r, format, opt)); err != nil {
		return nil, fmt.Errorf("template %s: %s", name, domain.Safe(err.Error()))
	}
	if format != "eml" {
		return out.Bytes(), nil
	}
	b := crlf(out.Bytes())
	m, err := mail.ReadMessage(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("template %s does not make an e-mail: %s", name, domain.Safe(err.Error()))
	}
	for _, h := range []string{"From", "To"} {
		if _, err := m.Header.AddressList(h); err != nil {
			return nil, fmt.Errorf("template %s makes an e-mail without a %s: %s", name, h, domain.Safe(err.Error()))
		}
	}
	return b, nil
}

// letterData is the letter's values escaped for format.
func letterData(r domain.ReminderLetter, format string, opt LetterOptions) LetterData {
	escape := plain
	switch format {
	case "md":
		escape = mdEscape
	case "html":
		escape = func(s string) string { return html.EscapeString(plain(s)) }
	}
	from := r.From
	if from == "" || from == "book" {
		from = "Accounts receivable"
	}
	cur := r.Currency
	d := LetterData{
		From: escape(from), Customer: escape(r.Account.Name), Code: escape(r.Account.Code),
		AsOf: r.AsOf.String(), Currency: escape(string(cur)), Level: escape(domain.ReminderLevelName(r.Level)),
		SignedBy: escape(r.SignedBy), LevelNumber: r.Level, Oldest: r.Oldest,
		TotalDue: escape(domain.Human(r.TotalDue, cur)),
	}
	if r.HasContact {
		d.Contact, d.Email = escape(r.Contact.Name), escape(r.Contact.Email)
	}
	for _, x := range r.Invoices {
		d.Invoices = append(d.Invoices, LetterInvoice{Number: escape(x.Number), Issued: x.Issued.String(), Due: x.Due.String(),
			Outstanding: escape(domain.Human(x.Outstanding, cur)), DaysPastDue: x.DaysPastDue})
	}
	if format == "eml" {
		now := opt.Now
		if now.IsZero() {
			y, m, day := r.AsOf.Parts()
			now = time.Date(y, time.Month(m), day, 12, 0, 0, 0, time.UTC)
		}
		// From: the user by name for us (the book's name), at the address
		// given (NoReply when none).
		addr := strings.TrimSpace(opt.From)
		if addr == "" {
			addr = NoReply
		}
		to := strings.TrimSpace(r.Contact.Email)
		if p, err := mail.ParseAddress(to); err == nil {
			to = p.Address
		}
		d.Mail = MailHeader{
			Date:    now.Format(time.RFC1123Z),
			From:    (&mail.Address{Name: oneLine(plain(r.SignedBy) + " for " + plain(from)), Address: addr}).String(),
			To:      (&mail.Address{Name: oneLine(plain(r.Contact.Name)), Address: to}).String(),
			Subject: header(fmt.Sprintf("%s: account %s, %s %s due", LetterTitles[r.Level-1], plain(r.Account.Code), cur, domain.Human(r.TotalDue, cur))),
		}
	}
	return d
}

// header is a header value on one line, RFC 2047-encoded when it is not
// plain ASCII: nothing from the book can end the line or add a header.
func header(s string) string { return mime.QEncoding.Encode("utf-8", oneLine(s)) }

// oneLine is s with no control character (a CR or LF above all).
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return ' '
		}
		return r
	}, s)
}

// crlf makes every line end CRLF (RFC 5322), whatever the template's.
func crlf(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
}
