package domain

import "fmt"

// KindAssignment is the timeline entry of an account given a new owner
// (SPEC §12: a lead assigns accounts; the change is stamped and shown in
// the timeline). It is not contact, and not work on the account: it
// answers no queue item.
const KindAssignment = "assignment"

// CheckUser accepts the name of a user, as an owner or an author: the
// rule of a code (no control, bidi or zero-width character, no spaces at
// the ends, at most 64 bytes), so that it reads as itself wherever it is
// shown.
func CheckUser(name string) error { return CheckCode(name) }

// AssignmentEntry is the timeline entry of account code given to owner to
// on the business date on, by who, from the owner it had (was, "" for none).
func AssignmentEntry(code string, on Date, was, to, by string) Activity {
	from := "was " + was
	if was == "" {
		from = "had no owner"
	}
	return Activity{Account: code, On: on, Kind: KindAssignment,
		Text: fmt.Sprintf("assigned to %s (%s) by %s", to, from, by)}
}
