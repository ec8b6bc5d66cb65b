package account

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// qbr writes the account's QBR pack as of the date the page shows it (Q,
// SPEC §10.7) into the documents directory, in the statement's format
// (statement_format) when a pack has it, else md: a pack has no text form.
func (p *Page) qbr() tea.Cmd {
	format := p.StatementFormat
	if !slices.Contains(docs.QBRFormats, format) {
		format = "md"
	}
	return writeQBR(p.Desk, p.data.Code, p.data.AsOf, format, p.DocsDir)
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

// notYet answers a key whose part has not landed yet (the placeholders of
// issues.go, edit.go, contract.go), saying so.
func notYet(what string) tea.Cmd {
	return func() tea.Msg { return common.InfoMsg{Text: what + " is not built yet"} }
}
