package form

import (
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

type assignBody struct {
	c core
	t Target
}

// NewAssign asks whom to give accounts to (a on the book, a lead's key):
// t.Codes, the selected account or every account t.Filter shows. ↑/↓ goes
// through the users the book knows (t.Users).
func NewAssign(c common.Common, t Target) *Model {
	b := &assignBody{t: t}
	example := "a user's name"
	if len(t.Users) > 0 {
		example += " · ↑/↓ the book's: " + strings.Join(t.Users, ", ")
	}
	b.c.fields = []*field{{label: "User", kind: textField, text: common.Field{Limit: 64}, options: t.Users, example: example}}
	return newModel(c, t, b)
}

func (b *assignBody) core() *core          { return &b.c }
func (b *assignBody) choose(k string) bool { return false }
func (b *assignBody) changed()             {}

func (b *assignBody) title() string {
	t := b.t
	if t.Filter != "" {
		return fmt.Sprintf("Assign %s matching %q to:", common.Count(len(t.Codes), "account"), t.Filter)
	}
	return strings.TrimSpace(fmt.Sprintf("Assign %s %s", t.Code, t.Name)) + " to:"
}

func (b *assignBody) validate() (*Submission, bool) {
	f := b.c.fields[0]
	f.err = ""
	name := strings.TrimSpace(f.text.String())
	if name == "" {
		f.err = "whom to? a user's name"
		return nil, false
	}
	if err := domain.CheckUser(name); err != nil {
		f.err = fmt.Sprintf("%q %v", name, err)
		return nil, false
	}
	if len(b.t.Codes) == 0 {
		f.err = "no account to assign"
		return nil, false
	}
	what := fmt.Sprintf("%s to %s", common.Count(len(b.t.Codes), "account"), name)
	return &Submission{Kind: Assign, Codes: append([]string(nil), b.t.Codes...), Owner: name, What: what}, true
}

func (b *assignBody) fieldOf(name string) int {
	if name == "owner" {
		return 0
	}
	return -1
}
