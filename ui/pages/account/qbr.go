package account

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// qbr writes the account's QBR pack as of the date the page shows it (Q,
// SPEC §10.7) into the documents directory, as md: the pack's agreed
// actions are left to fill in at the review (acctdesk qbr writes html and
// pdf too).
func (p *Page) qbr() tea.Cmd {
	return writeQBR(p.Desk, p.data.Code, p.data.AsOf, "md", p.DocsDir)
}

// writeQBR writes the pack in a command (off Update) and says where, or
// what went wrong. Everything is passed by value.
func writeQBR(d *desk.Desk, code string, asOf domain.Date, format, dir string) tea.Cmd {
	return func() tea.Msg {
		path, err := d.WriteQBR(code, asOf, format, dir)
		if err != nil {
			return common.ErrorMsg{Text: fmt.Sprintf("No QBR pack of %s: %s", common.Clean(code), common.Clean(err.Error()))}
		}
		// The file's name first (whose pack, as of when), then its directory.
		dir, name := filepath.Split(path)
		if home, err := os.UserHomeDir(); err == nil && home != "" && strings.HasPrefix(dir, home+string(os.PathSeparator)) {
			dir = "~" + dir[len(home):]
		}
		return common.InfoMsg{Text: "Wrote " + common.Clean(name) + " in " + common.Clean(dir)}
	}
}
