package desk

import (
	"context"
	"errors"
	"fmt"
)

// Role is what a user may do (SPEC §12): a viewer reads only; a collector
// logs calls, promises, notes, disputes, escalations, plans and follow-ups
// on any account; a lead also assigns accounts, makes credit decisions,
// resolves escalations and disputes, and edits accounts.
type Role int

const (
	// Lead is every right, and what a write carries when its context names
	// no role: a command run on the host by whoever owns the book's file.
	Lead Role = iota
	Collector
	Viewer
)

// Roles are the words of the users file, in the order of the constants.
var Roles = []string{"lead", "collector", "viewer"}

func (r Role) String() string {
	if r < 0 || int(r) >= len(Roles) {
		return fmt.Sprintf("role(%d)", int(r))
	}
	return Roles[r]
}

// ParseRole reads a role's word.
func ParseRole(s string) (Role, error) {
	for i, w := range Roles {
		if s == w {
			return Role(i), nil
		}
	}
	return 0, fmt.Errorf("%q is not a role (lead, collector or viewer)", s)
}

type roleKey struct{}

// WithRole gives ctx's writes the role of the user they are made for (an
// SSH session's user, from the users file).
func WithRole(ctx context.Context, r Role) context.Context {
	return context.WithValue(ctx, roleKey{}, r)
}

// RoleOf is the role ctx carries; Lead when it carries none.
func RoleOf(ctx context.Context) Role {
	r, _ := ctx.Value(roleKey{}).(Role)
	return r
}

// ErrNotPermitted is a write the user's role does not allow; nothing is
// stored.
var ErrNotPermitted = errors.New("not permitted")

// Allows says why a user of role have may not make a write that needs
// role need (what names it), or nil: what a form asks before it opens, so
// that nobody types a decision the desk would refuse.
func Allows(have, need Role, what string) error {
	return permit(WithRole(context.Background(), have), need, what)
}

// permit refuses a write that needs at least role need (Collector for the
// everyday writes, Lead for assignments and decisions) when ctx's role is
// below it, saying why.
func permit(ctx context.Context, need Role, what string) error {
	have := RoleOf(ctx)
	if have <= need { // Lead < Collector < Viewer
		return nil
	}
	if have == Viewer {
		return fmt.Errorf("%w: read-only: ask a lead (%s needs a %s)", ErrNotPermitted, what, need)
	}
	return fmt.Errorf("%w: %s needs a %s; ask a lead", ErrNotPermitted, what, need)
}
