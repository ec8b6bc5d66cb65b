package account

import (
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/ui/common"
)

// Placeholders until this file's part lands (issue 14); each says so.
func (p *Page) qbr() tea.Cmd { return notYet("qbr") }

func notYet(what string) tea.Cmd {
	return func() tea.Msg { return common.InfoMsg{Text: what + " is not built yet"} }
}
