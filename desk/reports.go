package desk

import (
	"acctdesk/domain"
	"acctdesk/report"
)

// Report makes a report of the book (report.Names) as of in.AsOf, reading
// the facts a page at a time and keeping only what the report needs of each
// account.
func (d *Desk) Report(name string, in report.Input) (*report.Table, error) {
	r, err := report.Lookup(name)
	if err != nil {
		return nil, err
	}
	s, err := Scan(d.st, func(set domain.Settings, x *domain.Facts) any { return r.Part(in, set, x) })
	if err != nil {
		return nil, err
	}
	return r.Finish(in, s.Settings, s.Results), nil
}
