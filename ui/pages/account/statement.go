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

// writeStatement writes the account's statement of account as of the date
// the page shows it (S, SPEC §9.5) into the documents directory, in a
// command: the file is written off Update, and the status line says where
// (or what went wrong). Everything is passed by value.
func writeStatement(d *desk.Desk, code string, asOf domain.Date, format, dir string) tea.Cmd {
	return func() tea.Msg {
		path, err := d.WriteStatement(code, asOf, format, dir)
		if err != nil {
			return common.ErrorMsg{Text: fmt.Sprintf("No statement of %s: %s", common.Clean(code), common.Clean(err.Error()))}
		}
		// The file's name first (it says whose statement, as of when), then
		// its directory: a narrow status line cuts the end, not the name.
		dir, name := filepath.Split(path)
		if home, err := os.UserHomeDir(); err == nil && home != "" && strings.HasPrefix(dir, home+string(os.PathSeparator)) {
			dir = "~" + dir[len(home):]
		}
		return common.InfoMsg{Text: "Wrote " + common.Clean(name) + " in " + common.Clean(dir)}
	}
}
