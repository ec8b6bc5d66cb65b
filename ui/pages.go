package ui

import (
	"acctdesk/ui/common"
	"acctdesk/ui/pages/account"
	"acctdesk/ui/pages/aging"
	"acctdesk/ui/pages/book"
	"acctdesk/ui/pages/crosssell"
	"acctdesk/ui/pages/dashboard"
	"acctdesk/ui/pages/queue"
	"acctdesk/ui/pages/renewals"
	"acctdesk/ui/pages/reports"
)

// newPages is the page registry: the workstation's pages in the order of
// their tabs and of their number keys (1 the first). A new page is a
// package under ui/pages and one line here.
func newPages(c common.Common) []common.Page {
	return []common.Page{
		queue.New(c),
		book.New(c),
		aging.New(c),
		account.New(c),
		dashboard.New(c),
		renewals.New(c),
		crosssell.New(c),
		reports.New(c),
	}
}
