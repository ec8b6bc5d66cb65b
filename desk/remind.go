package desk

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/store"
)

// RemindersDue are the codes of the accounts due a reminder letter as of
// the desk's date (SPEC §9.3, domain.ReminderOf), in code order, from the
// view (facts: no account file is read).
func (d *Desk) RemindersDue() ([]string, error) {
	v, err := d.View()
	if err != nil {
		return nil, err
	}
	var out []string
	for i := range v.Sums {
		x := v.Sums[i].Facts
		if domain.ReminderOf(x, v.Settings, v.AsOf).Due {
			out = append(out, x.Account.Code)
		}
	}
	return out, nil
}

// ReminderLetter is an account's reminder letter as of the desk's date,
// signed by user: its level, the overdue undisputed invoices and the total
// due (level 0 when nothing overdue is uncovered). The code is matched
// without regard to case.
func (d *Desk) ReminderLetter(code, user string) (domain.ReminderLetter, error) {
	c, err := d.ResolveCode(code)
	if err != nil {
		return domain.ReminderLetter{}, err
	}
	f, err := d.st.LoadAccount(c)
	if err != nil {
		return domain.ReminderLetter{}, err
	}
	set, err := d.st.Settings()
	if err != nil {
		return domain.ReminderLetter{}, err
	}
	r, err := domain.ReminderLetterOf(f, set, d.opt.AsOf, user)
	if err != nil {
		return domain.ReminderLetter{}, fmt.Errorf("account %s: %w", c, err)
	}
	return r, nil
}

// ErrNothingToRemind says an account has nothing overdue that a reminder
// could ask for (nothing past due, or all of it disputed or covered by
// open promises).
var ErrNothingToRemind = errors.New("nothing overdue to remind of (not past due, disputed or covered by a promise)")

// ReminderBytes is an account's reminder letter rendered in a format
// (docs.LetterFormats), signed by the context's author.
func (d *Desk) ReminderBytes(ctx context.Context, code, format string, opt docs.LetterOptions) ([]byte, domain.ReminderLetter, error) {
	r, err := d.ReminderLetter(code, store.AuthorOf(ctx))
	if err != nil {
		return nil, r, err
	}
	if r.Level == 0 {
		return nil, r, fmt.Errorf("account %s: %w", domain.Safe(r.Account.Code), ErrNothingToRemind)
	}
	b, err := docs.Letter(r, format, opt)
	return b, r, err
}

// Reminded is a reminder letter written: where, and its timeline entry.
type Reminded struct {
	Letter   domain.ReminderLetter
	Path     string
	Activity domain.Activity
}

// WriteReminder writes an account's reminder letter (SPEC §9.3) into dir
// (made when missing) as reminder-<CODE>-<as-of>.<ext>, durably
// (docs.WriteFile), then records it on the account's timeline: an activity
// of kind reminder with its level, by the context's author, so the queue
// and the next run know. The file is written first: a letter recorded is
// a letter on disk (a failure to record leaves a file and says so). keep
// names files never to replace (the book).
func (d *Desk) WriteReminder(ctx context.Context, code, format, dir string, opt docs.LetterOptions, keep ...string) (Reminded, error) {
	if err := permit(ctx, Collector, "writing a reminder"); err != nil {
		return Reminded{}, err
	}
	if dir == "" {
		return Reminded{}, fmt.Errorf("no documents directory: set documents_dir in the config file")
	}
	b, r, err := d.ReminderBytes(ctx, code, format, opt)
	if err != nil {
		return Reminded{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Reminded{}, err
	}
	path := filepath.Join(dir, docs.FileName("reminder", r.Account.Code, r.AsOf, format))
	if err := docs.WriteFile(path, bytesOf(b), keep...); err != nil {
		return Reminded{}, err
	}
	a := domain.Activity{Account: r.Account.Code, On: d.opt.AsOf, Kind: domain.KindReminder,
		Outcome: domain.ReminderOutcome(r.Level), Contact: r.Contact.Name,
		Text: fmt.Sprintf("%s written (%s, %s %s due, oldest %d days): %s", reminderWord(r.Level), format,
			r.Currency, domain.Human(r.TotalDue, r.Currency), r.Oldest, filepath.Base(path))}
	if !r.HasContact {
		a.Contact = ""
	}
	if err := a.Validate(); err != nil {
		return Reminded{}, err
	}
	logged, err := d.log(ctx, r.Account, store.ActivityEntry{Activity: a})
	if err != nil {
		return Reminded{Letter: r, Path: path}, fmt.Errorf("%s was written but not recorded on the timeline: %w", path, err)
	}
	return Reminded{Letter: r, Path: path, Activity: logged.Activity}, nil
}

// reminderWord is a letter's name by level: "reminder (level 1)", "final notice".
func reminderWord(level int) string {
	if level == domain.ReminderLevels {
		return "final notice"
	}
	return fmt.Sprintf("reminder (level %d)", level)
}
