package account

import tea "github.com/charmbracelet/bubbletea"

// Placeholders until this file's part lands (issue 14); each says so.
func (p *Page) edit() tea.Cmd       { return notYet("edit") }
func (p *Page) contacts() tea.Cmd   { return notYet("contacts") }
func (p *Page) objectives() tea.Cmd { return notYet("objectives") }
func (p *Page) survey() tea.Cmd     { return notYet("survey") }
