package account

import (
	"acctdesk/domain"
)

// peopleLine is the header's line of the people at the account: its latest
// NPS and CSAT with their trend (↑ ↓ =, SPEC §10.8), then its contacts
// with their phones. It is drawn Clean and cut at the screen's width: the
// scores first, short, then the primary contact.
func peopleLine(f *domain.AccountFile, asOf domain.Date) string {
	line := contactsLine(f)
	if s := domain.LatestSurveys(f.Surveys, asOf).String(); s != "" {
		line = s + " · " + line
	}
	return line
}

// kindLabels are the timeline's words for the activity kinds that are not
// words people use (the others show as they are: call, visit, note, …).
// The Kind column is narrow; what was resolved or changed is in the text.
var kindLabels = map[string]string{
	"qbr":                         "QBR",
	domain.KindDisputeResolved:    "resolved",
	domain.KindEscalationResolved: "resolved",
	domain.KindIssueResolved:      "resolved",
	domain.KindCreditDecision:     "credit",
	domain.KindAccountEdit:        "edit",
	domain.KindContactEdit:        "contact",
	domain.KindObjective:          "objective",
	domain.KindSurvey:             "survey",
}

// kindLabel is how the timeline names an activity's kind.
func kindLabel(kind string) string {
	if l, ok := kindLabels[kind]; ok {
		return l
	}
	return kind
}
