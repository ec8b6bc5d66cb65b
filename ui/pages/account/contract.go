package account

import tea "github.com/charmbracelet/bubbletea"

// Placeholders until this file's part lands (issue 14); each says so.
func (p *Page) addContract() tea.Cmd { return notYet("addContract") }
