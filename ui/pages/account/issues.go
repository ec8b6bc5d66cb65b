package account

import tea "github.com/charmbracelet/bubbletea"

// Placeholders until this file's part lands (issue 14); each says so.
func (p *Page) issue() tea.Cmd  { return notYet("issue") }
func (p *Page) credit() tea.Cmd { return notYet("credit") }
