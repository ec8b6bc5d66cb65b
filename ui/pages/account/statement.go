package account

import (
	"fmt"

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
		return common.InfoMsg{Text: fmt.Sprintf("Statement of %s as of %s written to %s", common.Clean(code), asOf, common.Clean(path))}
	}
}
