package store

import "acctdesk/domain"

// Positions is what a store offers when it keeps each account's standing
// (domain.Standing) beside its documents: every account's receivable as of a
// date without loading the whole book. It is optional; callers type-assert a
// Store and fall back to Load and domain.PositionsOf, which give the same
// figures.
type Positions interface {
	// Positions reads the settings and every account's position as of asOf,
	// by account code, in one consistent view. Accounts whose standing does
	// not cover asOf (an earlier date) are computed from their documents.
	Positions(asOf domain.Date) (*domain.BookPositions, error)
}
