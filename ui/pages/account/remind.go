package account

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/config"
	"acctdesk/desk"
	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// The workstation's letters are Markdown: readable as they are in the
// preview, and what a mail client or a word processor takes.
const letterFormat = "md"

// letter is the reminder letter a preview shows: whose, and where enter
// writes it.
type letter struct {
	code, dir string
}

// reminderMsg is a reminder letter read for its preview (R), or why there
// is none.
type reminderMsg struct {
	code, title, text, err string
}

// templatesDir is where the user's templates override the built-in ones
// (SPEC §6): templates/ beside the config file; "" when there is no such place.
func templatesDir() string {
	p := config.Path(os.Getenv)
	if p == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(p), "templates")
}

// previewReminder reads the account's reminder letter as of the
// workstation's date, signed by the session's user, in a command
// (everything passed by value).
func previewReminder(d *desk.Desk, author context.Context, code string) tea.Cmd {
	dir := templatesDir()
	return func() tea.Msg {
		b, r, err := d.ReminderBytes(author, code, letterFormat, docs.LetterOptions{Dir: dir})
		if err != nil {
			return reminderMsg{code: code, err: fmt.Sprintf("No reminder for %s: %s", common.Clean(code), common.Clean(err.Error()))}
		}
		// What decides first: a narrow screen cuts the end.
		title := "Reminder letter · " + domain.ReminderLevelName(r.Level)
		if !r.State.Due {
			title += " · not due: " + whyNotDue(r.State)
		}
		title += fmt.Sprintf(" · %s %s due · oldest %d days", r.Currency, domain.Human(r.TotalDue, r.Currency), r.Oldest)
		return reminderMsg{code: code, title: title, text: string(b)}
	}
}

// whyNotDue says why an account with a level is not due a reminder.
func whyNotDue(st domain.ReminderState) string {
	if st.LastOn == st.AsOf {
		return "one written today"
	}
	return fmt.Sprintf("%s sent %s", domain.ReminderLevelName(st.LastLevel), st.LastOn.Format("2 Jan"))
}

// previewed shows the letter over the tabs, when it is the account's
// still shown; an error goes to the status line.
func (p *Page) previewed(msg reminderMsg) tea.Cmd {
	if p.data == nil || msg.code != p.data.Code {
		return nil
	}
	if msg.err != "" {
		return common.ErrorCmd(msg.err)
	}
	dt := &detail{letter: &letter{code: msg.code, dir: shortDir(p.DocsDir)}, title: msg.title}
	for _, l := range strings.Split(strings.TrimRight(msg.text, "\n"), "\n") {
		dt.more = append(dt.more, common.Clean(l)) // a template of the user's may hold anything
	}
	p.detail = dt
	p.drawDetail()
	return nil
}

// writeReminder writes the letter into the documents directory and records
// it on the timeline (desk.WriteReminder), in a command; the status line
// says where.
func writeReminder(d *desk.Desk, author context.Context, code, dir string) tea.Cmd {
	tpl := templatesDir()
	return func() tea.Msg {
		got, err := d.WriteReminder(author, code, letterFormat, dir, docs.LetterOptions{Dir: tpl})
		if err != nil {
			return common.ErrorMsg{Text: fmt.Sprintf("No reminder for %s: %s", common.Clean(code), common.Clean(err.Error()))}
		}
		dir, name := filepath.Split(got.Path)
		return common.InfoMsg{Text: "Wrote " + common.Clean(name) + " (" + domain.ReminderLevelName(got.Letter.Level) + ") in " + common.Clean(shortDir(dir))}
	}
}

// shortDir is a directory with the home directory written ~.
func shortDir(dir string) string {
	if home, err := os.UserHomeDir(); err == nil && home != "" && strings.HasPrefix(dir, home+string(os.PathSeparator)) {
		return "~" + dir[len(home):]
	}
	return dir
}
