package common

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	dq "acctdesk/domain/queue"
)

// ViewMsg brings the pages the desk's view: the first one, then each one
// after a change. It is shared by every page and every session: read it,
// never change it. Its Touched names the accounts that changed.
type ViewMsg struct{ View *desk.View }

// OpenAccountMsg asks for an account to be opened, as of the workstation's
// date or, when AsOf is set, as of that date (a drill from the aging moved
// to another month).
type OpenAccountMsg struct {
	Code string
	AsOf domain.Date
}

// OpenAccount is a command that sends OpenAccountMsg.
func OpenAccount(code string) tea.Cmd {
	return func() tea.Msg { return OpenAccountMsg{Code: code} }
}

// OpenAccountAt is OpenAccount as of a date.
func OpenAccountAt(code string, asOf domain.Date) tea.Cmd {
	return func() tea.Msg { return OpenAccountMsg{Code: code, AsOf: asOf} }
}

// ShowPageMsg asks the root to show the page of that name.
type ShowPageMsg struct{ Name string }

// ShowPage is a command that sends ShowPageMsg.
func ShowPage(name string) tea.Cmd { return func() tea.Msg { return ShowPageMsg{name} } }

// BackMsg asks the root to go back to the page shown before.
type BackMsg struct{}

// Back is a command that sends BackMsg.
func Back() tea.Msg { return BackMsg{} }

// DoneMsg asks the root to mark a queue item done.
type DoneMsg struct{ Item dq.Item }

// SnoozeMsg asks the root for a snooze date for a queue item.
type SnoozeMsg struct{ Item dq.Item }

// SavedMsg tells the pages that something was saved on an account, from a
// queue item when ItemKey is set (the queue moves on from it).
type SavedMsg struct{ Code, ItemKey string }

// AssignMsg asks the root for the user to give accounts to (a on the book):
// the selected account, or every account the filter shows.
type AssignMsg struct {
	Codes  []string
	Name   string // the one account's name, when there is one
	Filter string // the filter the accounts match; "" for the selected account
}

// PlanMsg asks the root for the payment plan form on an account (P on the
// account page).
type PlanMsg struct{ Code string }

// DisputeMsg asks the root for the dispute form on an invoice (D on the
// account's open items): to raise one, or to resolve the open one.
type DisputeMsg struct {
	Code, Name  string
	Invoice     string
	Disputed    bool            // the invoice has an open dispute: resolve it
	Outstanding decimal.Decimal // what it still owes (the most a credit may be)
	Currency    domain.Currency
	Reason      string // the open dispute's reason, shown when resolving
}

// ErrorMsg reports a problem for the status line.
type ErrorMsg struct{ Text string }

// ErrorCmd is a command that sends ErrorMsg.
func ErrorCmd(text string) tea.Cmd { return func() tea.Msg { return ErrorMsg{text} } }

// InfoMsg reports a neutral message for the status line.
type InfoMsg struct{ Text string }

// InfoCmd is a command that sends InfoMsg.
func InfoCmd(s string) tea.Cmd { return func() tea.Msg { return InfoMsg{s} } }
