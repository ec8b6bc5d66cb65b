package main

import (
	"flag"
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/importer"
	"acctdesk/report"
)

// helpRequested is --help (or -h, or `acctdesk help COMMAND`): the help of
// the command whose flags were being read, for the words given with it
// (a report's name).
type helpRequested struct {
	fs    *flag.FlagSet // nil: the general usage
	words []string
}

func (helpRequested) Error() string { return "help" }

// text is the help asked for: the command's usage, its flags, its words
// (outcomes, categories, …) and, for a report, its columns.
func (h helpRequested) text() (string, error) {
	if h.fs == nil {
		return usage, nil
	}
	name := h.fs.Name()
	t, ok := topics[name]
	if !ok {
		return usage, nil
	}
	var b strings.Builder
	b.WriteString("usage: " + t.synopsis + "\n")
	if t.about != "" {
		b.WriteString("\n" + indent(t.about) + "\n")
	}
	if fl := flagHelp(h.fs); fl != "" {
		b.WriteString("\nFlags:\n" + fl)
	}
	if t.words != nil {
		more, err := t.words(h.words)
		if err != nil {
			return "", err
		}
		if more != "" {
			b.WriteString("\n" + more)
		}
	}
	b.WriteString("\n" + globalsLine)
	return b.String(), nil
}

const globalsLine = `Global flags, anywhere on the line: --db PATH ($ACCTDESK_DB), --as-of DATE ($ACCTDESK_AS_OF:
YYYY-MM-DD, today, yesterday, tomorrow, +3, -3 or mon…sun), --user NAME ($ACCTDESK_USER).
Run acctdesk help for every command.
`

// topic is a command's help.
type topic struct {
	synopsis string
	about    string
	words    func(args []string) (string, error) // its words, for the words given with --help
}

var topics = map[string]topic{
	"acctdesk": {synopsis: "acctdesk [--db PATH] [--as-of DATE] [--user NAME] [--demo [--reset]]",
		about: "Opens the workstation on the book at --db. It never creates a book: with none there, it says how to make one. " +
			"--demo opens a demo book kept apart from the real one, at " + "$XDG_DATA_HOME/acctdesk/demo.db, made on first use; " +
			"--demo --reset makes it anew."},
	"demo": {synopsis: "acctdesk demo [--accounts N] [--seed S] [--invoices-per-account N] [--force]",
		about: "Writes a realistic demo book (a fuel distributor's accounts, invoices, payments, calls and promises) to --db, " +
			"as of --as-of. The same seed gives the same book. A book that is not empty is replaced only with --force."},
	"init": {synopsis: "acctdesk init",
		about: "Creates an empty book at --db, to import into. A file already there is left as it is."},
	"import": {synopsis: "acctdesk import KIND FILE [--map SRC=DST,...] [--date-format LAYOUT] [--sheet NAME] [--currency CODE] [--create-accounts] [--decimal-comma] [--encoding E] [--dry-run]",
		about: "Imports a CSV or XLSX file in one transaction: every row lands or none does, and one run lists every bad row " +
			"(the file's format errors and the book's: unknown account, another currency, a duplicate number) with line and column. " +
			"Re-importing the same file changes nothing. Headers are matched without regard to case. " +
			"A product is spelt as the book already spells it, matched without regard to case (fleet in a book that " +
			"sells Fleet is Fleet: the spelling of the book's earliest invoice of it; a product new to the book, that of " +
			"the file's first row of it), in invoices, targets and accounts' products alike. " +
			"A re-import that changes an existing account's credit_limit is a credit decision, as acctdesk credit makes " +
			"one, in the same write: reason \"imported from FILE line N\", approved by you, the utilisation it leaves " +
			"(never refused for it: one over the breach threshold is marked confirmed_over), on the account's timeline " +
			"and in report credit-decisions. " +
			"Creates the book when there is none.",
		words: importWords},
	"report": {synopsis: "acctdesk report NAME [--format table|csv|json|xlsx] [--out FILE] [--owner NAME] [--since DATE (changes)] [--weeks N (cash-forecast)] [--period P (" + strings.Join(report.PeriodReports(), ", ") + ")] [--by owner|tier|segment (metrics), day|week|month (collections)]",
		about: "Prints a report of the book as of --as-of: a table for people, or csv or json for other programs " +
			"(plain decimals, the currency's own places), or xlsx, a workbook: one sheet, amounts as numbers with " +
			"their currency's places, dates as dates, the header frozen, TOTAL rows in bold. " +
			"--out FILE writes it to FILE instead (whole: a reader never sees half of one; never over the book) and " +
			"says \"wrote FILE (N rows)\" on stderr; xlsx needs --out on a terminal, and goes to a pipe as it is. " +
			"acctdesk help report NAME lists a report's columns.",
		words: reportWords},
	"log": {synopsis: "acctdesk log call|escalation|dispute|issue|note|visit|qbr|meeting|email ACCOUNT ...",
		about: "Logs what was done on an account. acctdesk help log call, acctdesk help log escalation, acctdesk help log dispute, " +
			"acctdesk help log issue, acctdesk help log note."},
	"log note": {synopsis: "acctdesk log note|visit|qbr|meeting|email ACCOUNT --note T [--next DATE]",
		about: "Logs a note, a visit, a QBR, a meeting or an e-mail on an account (its code in any case) on --as-of, with what " +
			"happened and an optional next follow-up (YYYY-MM-DD, today, tomorrow, +3 or mon…sun; a follow-up on the queue that " +
			"day). It goes on the timeline; a visit, a meeting, a QBR or an e-mail is a contact (stale-contact counts from it), " +
			"and a QBR clears the account's qbr-due for the quarter."},
	"log dispute": {synopsis: "acctdesk log dispute ACCOUNT --invoice N --reason T [--owner NAME]",
		about: "Raises a dispute on an invoice of the account (code and number in any case), opened on --as-of, owned by --owner " +
			"(default you). While it is open the invoice raises no overdue item, no reminder and no forecast; it still counts in " +
			"the aging and the AR. Refused: an invoice not on the account, one already disputed, one fully paid. " +
			"It goes on the timeline. acctdesk resolve dispute ends it."},
	"resolve": {synopsis: "acctdesk resolve dispute|escalation|issue ACCOUNT ID --resolution T [...] · acctdesk resolve block ACCOUNT ID",
		about: "Resolves what is open on an account. acctdesk help resolve dispute, acctdesk help resolve escalation, " +
			"acctdesk help resolve issue, acctdesk help resolve block."},
	"doc":           openingHelp["doc"],
	"block":         openingHelp["block"],
	"resolve block": openingHelp["resolve block"],
	"log issue": {synopsis: "acctdesk log issue ACCOUNT --kind K --sla DATE [--owner NAME] --note T [--kpi T --target T] [--step TEXT@DATE ...] [--confirm]",
		about: "Opens a service issue on the account (its code in any case), on --as-of: its kind, the SLA deadline (when it must be " +
			"fixed: YYYY-MM-DD, today, tomorrow, +3 or mon…sun, not before today), its owner (default you) and what is wrong. " +
			"A problem that needs a plan is a problem record: a KPI (what will show it is fixed) with its target, and a " +
			"timetable of steps, each TEXT@DATE (the date after the last @). Steps not done by their date are follow-ups on the " +
			"queue; an open issue past (or within a day of) its deadline is service-sla. It goes on the timeline; it prints " +
			"the issue's ID, which acctdesk issue and acctdesk resolve issue take. A deadline or step more than a year away needs --confirm.",
		words: func([]string) (string, error) { return wordList("Kinds", domain.ServiceKinds), nil }},
	"issue": {synopsis: "acctdesk issue ACCOUNT ID [--status open|in-progress] [--kpi T] [--target T] [--step TEXT@DATE ...] [--done N ...] [--confirm]",
		about: "Updates an open service issue of the account (ID: the issue's number, as log issue printed it and report issues " +
			"lists it) on --as-of: its status (open or in-progress; resolve issue resolves it), its KPI and target, steps added " +
			"(TEXT@DATE, not before today) and steps done (--done N, N the step's number, 1 the first: done on --as-of). " +
			"It goes on the timeline, saying what changed. Refused: a resolved issue, a step it does not have or already done, " +
			"an update that changes nothing."},
	"resolve issue": {synopsis: "acctdesk resolve issue ACCOUNT ID --resolution T [--confirmed]",
		about: "Resolves an open service issue of the account on --as-of with a resolution text; --confirmed records that the " +
			"customer confirmed the resolution in writing. A written recap for the customer is kept on the timeline with it " +
			"(what was raised, how it was resolved and whether within the SLA, the steps with their dates, the KPI, and thanks " +
			"for the confirmation or a request for it), addressed to the primary contact and signed by you. " +
			"In report issues, sla_met is yes when it was resolved on or before the SLA deadline, no when after it (or while " +
			"still open past it), empty while open and not past it."},
	"credit": {synopsis: "acctdesk credit ACCOUNT [--limit AMOUNT] [--overdraft AMOUNT@DATE] --reason T [--approved-by NAME] [--confirm]",
		about: "Makes a credit decision on the account (its code in any case) on --as-of: a new credit limit (0: no limit), a " +
			"temporary overdraft of AMOUNT until DATE (after --as-of; YYYY-MM-DD, +30, …; --overdraft 0 removes it), or both, " +
			"with a reason, approved by --approved-by (default you). Each field that changes is a decision kept for good " +
			"(report credit-decisions), with the utilisation it leaves: net AR ÷ (limit + the overdraft in force) × 100 on " +
			"--as-of, to one decimal; a value the account already has is no decision. The account changes, and the decision " +
			"goes on its timeline (old → new, why), in one write. A decision that leaves utilisation over the breach " +
			"threshold (100 %) needs --confirm and is marked so (confirmed_over); so does an overdraft expiring more than a " +
			"year away. A lead's decision; on the host it runs as one."},
	"resolve escalation": {synopsis: "acctdesk resolve escalation ACCOUNT ID --resolution T",
		about: "Resolves an open escalation of the account (the account's code in any case; ID: the escalation's number; a wrong " +
			"one is answered with the account's open ones), on --as-of, with a resolution text; who resolved it is you. It goes on " +
			"the timeline, and report changes lists it as escalation-resolved that day. Refused: no such escalation on the " +
			"account, one already resolved, an --as-of before it was opened. A lead's decision; on the host it runs as one."},
	"resolve dispute": {synopsis: "acctdesk resolve dispute ACCOUNT INVOICE --resolution T [--credit AMOUNT [--reason R]]",
		about: "Resolves the open dispute of an invoice (a dispute's ID is its invoice number), on --as-of, with a resolution text. " +
			"--credit gives a credit note applied to that invoice in the same write, numbered DC-<invoice>-<n> (n: the invoice's " +
			"dispute count), reason --reason (default price-correction); it may not be more than the invoice still owes. " +
			"A lead's decision; on the host it runs as one.",
		words: func([]string) (string, error) {
			return wordList("Credit reasons (--reason)", domain.CreditReasons), nil
		}},
	"log call": {synopsis: "acctdesk log call ACCOUNT --outcome O [--contact C | --new-contact NAME --phone P] [--promise AMOUNT@DATE] [--next DATE] [--note T] [--confirm]",
		about: "Logs a call on an account (its code in any case). A promise is given on the call's date and falls due on the date after @ " +
			"(1500000.00@fri). Dates: YYYY-MM-DD, today, tomorrow, +3 or mon…sun. The next follow-up defaults from the outcome.",
		words: func([]string) (string, error) { return wordList("Outcomes", domain.Outcomes), nil }},
	"log escalation": {synopsis: "acctdesk log escalation ACCOUNT --category C --severity S --to T --note T [--due DATE] [--confirm]",
		about: "Opens an escalation on an account (its code in any case) and hands it to a team; due in two working days unless --due.",
		words: func([]string) (string, error) {
			return wordList("Categories", domain.EscalationCategories) + wordList("Severities", domain.Severities) +
				wordList("Teams (--to)", domain.Teams), nil
		}},
	"plan": {synopsis: "acctdesk plan ACCOUNT --instalment AMOUNT@DATE [--instalment ...] [--replace] [--confirm]",
		about: "Agrees a payment plan with an account (its code in any case) on --as-of: one --instalment per instalment, " +
			"each an amount in the account's currency and a date (YYYY-MM-DD, today, tomorrow, +3 or mon…sun) on or after " +
			"today, the dates strictly rising. A total above the account's outstanding needs --confirm. An account with an " +
			"open plan needs --replace: the old plan is kept, closed today, and only the new one counts from then on " +
			"(plan-missed, the statement). The plan goes on the timeline with its written recap to the customer. " +
			"Each instalment is kept (paid by its date, payments from the plan's day applied in date order), late (paid " +
			"within the promise grace after it), missed, or pending. acctdesk report plans lists them."},
	"rebate": {synopsis: "acctdesk rebate ACCOUNT --period P [--apply]",
		about: "Prints the rebates of an account's contracts (its code in any case) as of --as-of: for each contract with a rebate " +
			"scheme, one line per calendar period of the scheme (a month or a quarter) that overlaps both the contract and the " +
			"period P (2026-11, 2026-Q3, 2026 or 12m, the 12 months ending the as-of date; 12m by default), leaving out periods " +
			"that start after the as-of date (and contracts not started by then). The basis is the quantity (or amount) invoiced in the period, within the contract's " +
			"dates and on or before the as-of date; the tier the highest threshold at or below it; the rebate its rate × the " +
			"period's invoiced amount (a %) or × its quantity (per unit), on all units, rounded half away from zero to the " +
			"currency's places; credited what rebate credit notes for that contract and period already gave; due the rest. " +
			"--apply (with --period) records each line's due amount as a credit note, reason rebate, numbered " +
			"RB-<contract>-<period> (RB-<contract>-<period>-2, … when that number is taken and more has come due since), dated " +
			"the period's end or the as-of date while the period runs; applying again adds nothing. A lead's decision; on the " +
			"host it runs as one. acctdesk report rebates --period P lists every account's."},
	"renew": {synopsis: "acctdesk renew ACCOUNT CONTRACT --end DATE [--number N] [--notice-days N] [--sla T] [--rebate SCHEME] | --lapse",
		about: "Records a contract's renewal on --as-of (the account's code and the contract's number in any case): a new " +
			"contract from the day after the contract ends to --end, numbered --number (default <contract>-R1, or the next " +
			"-R<n> of a renewal), with the contract's notice days, SLA and rebate unless given (--rebate none: no rebate); the " +
			"contract is marked renewed. --lapse records instead that it lapses without a renewal. Both go on the timeline, " +
			"and the contract leaves the renewal queue. Refused: a contract already renewed (recorded, or by a later contract " +
			"of the account) or terminated, an --end not after the contract's end, a number the account already has. A " +
			"lead's decision; on the host it runs as one. acctdesk report renewals lists the contracts due and lapsed."},
	"reconcile": {synopsis: "acctdesk reconcile ACCOUNT [--as-of DATE]",
		about: "Marks the account (its code in any case) reconciled with accounting as of --as-of: the book and accounting agree " +
			"on it up to that day. It prints the book's net AR that day and accounting's latest balance on or before it (import " +
			"balances) with the difference between that balance and the book's net AR on the balance's date (as report " +
			"reconciliation compares them), so what was agreed is on record; the mark is stamped with you and the time. Marking " +
			"the same day again writes nothing. It does not go on the timeline (it is not contact with the customer). " +
			"report reconciliation shows each balance's first mark on or after its date, and how many accounts were marked per " +
			"week and month. A lead's attestation; on the host it runs as one."},
	"assign": {synopsis: "acctdesk assign ACCOUNT... --to NAME",
		about: "Gives the accounts (their codes in any case) to a user, who owns them from then on: their queue follows. " +
			"All of them change in one write, or none does (an account the book does not have). Each change is stamped " +
			"and shown on the account's timeline (assigned to NAME, was OWNER, by you). A lead's command: on the host it runs as one."},
	"statement": {synopsis: "acctdesk statement ACCOUNT [--format text|md|html|pdf] [--out FILE]",
		about: "Writes the statement of account (its code in any case) as of --as-of, to send the customer: our name, the customer " +
			"and its finance contact, every open invoice with its days past due, the payments and credit notes of the last 90 days, " +
			"the aging, unapplied credit, the total due (the aging report's net) and any open promise or payment plan. " +
			"Without --out it goes to stdout (a pdf only when stdout is not a terminal). --out replaces a FILE already there, " +
			"durably (a new file renamed into place); never the book, a directory or a device. " +
			"In the workstation, S on an account writes one into the documents directory.",
		words: func([]string) (string, error) { return wordList("Formats", docs.Formats), nil }},
	"remind": {synopsis: "acctdesk remind [ACCOUNT...] --out DIR [--format md|html|eml] [--from ADDRESS] [--dry-run]",
		about: "Writes a reminder letter as of --as-of into DIR for each account due one, or for each ACCOUNT named (at its " +
			"level, due or not). The level is by the days past due of the oldest overdue invoice neither disputed nor covered " +
			"by an open promise: level 1 from 1 day, 2 from 15, 3 (final notice) from 30 (book settings). An account is due " +
			"when its level is above its last reminder's, or the same and the last one is 7 days old or more; never twice a day. " +
			"A letter lists the overdue undisputed invoices with their days past due and the total due, to the finance contact, " +
			"signed by you; eml is an e-mail for any mail client or sendmail -t (an account whose contact has no e-mail is " +
			"reported, not written). Each letter written goes on the account's timeline (a reminder, its level). Templates " +
			"reminder-LEVEL.FORMAT in $XDG_CONFIG_HOME/acctdesk/templates/ replace the built-in ones (Go text/template). " +
			"--dry-run prints csv account,level,oldest_days,total_due,currency,contact,email and writes nothing. " +
			"In the workstation, R on an account previews one and writes it into the documents directory.",
		words: func([]string) (string, error) { return wordList("Formats", docs.LetterFormats), nil }},
	"settings": {synopsis: "acctdesk settings [set KEY=VALUE ... | documents [SEGMENT=KIND,KIND ...] | margin [PRODUCT=PCT ...]]",
		about: "Lists the book's settings, KEY=VALUE, or changes them: acctdesk help settings set (thresholds, aging edges, " +
			"reminder levels, the dashboard's targets), acctdesk help settings documents (the opening file's documents per " +
			"segment), acctdesk help settings margin (the margin proxy's rates)."},
	"settings set": {synopsis: "acctdesk settings set KEY=VALUE ...",
		about: "Sets book settings by key (promise-grace=5 target-dso=45 aging-edges=30,60,90,120) and prints every setting " +
			"after. All of them or, when one is wrong, none: each wrong value is named with its key. A lead's command: on " +
			"the host it runs as one.",
		words: func([]string) (string, error) {
			var b strings.Builder
			b.WriteString("Keys:\n")
			for _, s := range desk.BookSettings {
				fmt.Fprintf(&b, "  %-18s %s\n", s.Key, s.About)
			}
			return b.String(), nil
		}},
	"settings documents": {synopsis: "acctdesk settings documents [SEGMENT=KIND,KIND ...]",
		about: "Sets the documents the opening file of a segment's accounts requires (SPEC §11.3), in order, each a word " +
			"(company-registration, tax-identifier, signatory-id, signed-contract, or the book's own such as mining-licence). " +
			"SEGMENT * is every segment not named; SEGMENT=none requires no document; SEGMENT= goes back to the default; " +
			"a segment is spelt as the accounts spell it. Without arguments it lists them. go-live-late, the Opening tab and " +
			"report openings follow. A lead's command: on the host it runs as one."},
	"settings margin": {synopsis: "acctdesk settings margin [PRODUCT=PCT ...]",
		about: "Sets each product's margin rate, in per cent of its invoiced amount (AGO=4.5 PMS=3.25), for the Book pane's " +
			"margin proxy: each invoice of the last 12 months times its product's rate. PRODUCT= removes a rate; other products " +
			"keep theirs; a product is spelt as the book's invoices spell it. Without arguments it lists the rates. A lead's " +
			"command: on the host it runs as one."},
	"backup": {synopsis: "acctdesk backup FILE [--force]",
		about: "Writes a consistent copy of the book to FILE while the book is in use. A FILE already there is replaced only with --force; " +
			"the book itself, a directory or a device never."},
	"check": {synopsis: "acctdesk check",
		about: "Walks the whole book file and every record, recomputes every account's facts, and lists what is wrong."},
	"serve": {synopsis: "acctdesk serve [--listen ADDR] [--users FILE] [--host-key FILE] [--max-sessions N] [--idle D]",
		about: "Serves the workstation over SSH to a team on one book: each session is its own workstation, its user the author " +
			"of what it writes; every session sees the others' writes within a second, and the host's commands keep working. " +
			"The users file has one line per key, NAME ROLE KEYTYPE BASE64 [COMMENT] (# comments), roles viewer, collector " +
			"or lead; it is read again when it changes. Public keys only; a session needs a terminal (ssh -p 2323 HOST). " +
			"SIGTERM tells every session, closes them and exits."},
}

// wordList is a heading and the words a flag takes.
func wordList(heading string, words []string) string {
	return heading + ": " + strings.Join(words, ", ") + "\n"
}

// importFormats is what import reads, for its help.
const importFormats = `Files: CSV, or an XLSX workbook (known by its content, whatever its name; the first visible sheet of cells unless --sheet).
  CSV: UTF-8 with or without a BOM, UTF-16 with a BOM, or --encoding windows-1252|latin1|utf-16le|utf-16be;
  comma, semicolon or tab separated (found from the header line); CRLF, LF or CR line ends; quoted
  fields may hold separators, quotes ("") and line breaks (kept in dispute_reason, sla and comment).
  Every row has as many fields as the header: quote an amount written 1,500.00 in a comma file.
  XLSX: number cells are read as the decimal Excel shows (80.07), in code columns as integers;
  a number cell in a date column is a date whatever its display format; error cells are refused.
Headers: matched without regard to case; --map SRC=DST renames the file's columns; other columns
  are ignored and named in the summary.
Dates: YYYY-MM-DD unless --date-format gives a Go layout (1/2/2006 is M/D/YYYY, 2.1.2006 D.M.YYYY);
  month (targets): YYYY-MM.
Amounts: 1234.56, 1,234.56, -1,234.56, (1,234.56) (negatives only in balances); with
  --decimal-comma 1.234,56 or 1234,56. No more decimal places than the currency has.
Booleans: yes/no, true/false, y/n, 1/0.
Rebate (contracts): BASIS/PERIOD:THRESHOLD=RATE,... (SPEC §10.4): BASIS quantity or amount (what the
  thresholds count), PERIOD month or quarter; a tier applies from its threshold (rising, the first
  may be 0); RATE a percentage of the period's invoiced amount (2.5%) or an amount per unit of its
  quantity (1.50/unit), with either basis: quantity/quarter:0=0%,10000=1%,50000=2.5%,
  amount/month:0=0%,5000000=0.5% or quantity/month:20000=1.50/unit. A bare tier list is refused.
Surveys: kind nps (score 0-10) or csat (1-5). Contract status: active, renewed, lapsed, terminated.
paid_on (invoices): the invoice is paid in full on that date (payment PAID-<number>); an empty
  cell on re-import removes that payment.
--create-accounts creates the accounts documents name, in --currency (required with it).
`

func importWords(args []string) (string, error) {
	var b strings.Builder
	b.WriteString(wordList("Kinds", importer.Kinds))
	kinds := importer.Kinds
	if len(args) > 0 {
		k, ok := domain.MatchWord(args[0], importer.Kinds)
		if !ok {
			return "", unknownWord("", args[0], "an import kind", importer.Kinds)
		}
		kinds = []string{k}
	}
	b.WriteString("\nColumns (* required; dates YYYY-MM-DD unless --date-format):\n")
	for _, k := range kinds {
		fmt.Fprintf(&b, "  %-13s %s\n", k, importer.Columns(k))
	}
	b.WriteString(importFormats)
	if len(kinds) == 1 && kinds[0] == "credit-notes" {
		b.WriteString(wordList("Reasons", domain.CreditReasons))
	}
	return b.String(), nil
}

// reportWords lists the reports with their columns, or one report's
// columns with what each holds.
func reportWords(args []string) (string, error) {
	var b strings.Builder
	if len(args) == 0 {
		b.WriteString("Reports and their columns (csv; json has the same keys):\n")
		for _, name := range report.Names {
			cols, err := report.Columns(name)
			if err != nil {
				return "", err
			}
			keys := make([]string, len(cols))
			for i, c := range cols {
				keys[i] = c.Key
			}
			fmt.Fprintf(&b, "  %-13s %s\n", name, report.About(name))
			fmt.Fprintf(&b, "  %-13s %s\n", "", strings.Join(keys, ","))
		}
		return b.String(), nil
	}
	name, ok := domain.MatchWord(args[0], report.Names)
	if !ok {
		_, err := report.Lookup(args[0])
		return "", err
	}
	cols, err := report.Columns(name)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "%s: %s.\n\nColumns (csv; json has the same keys; the table's heading in brackets):\n", name, report.About(name))
	width := 0
	for _, c := range cols {
		width = max(width, len(c.Key))
	}
	for _, c := range cols {
		fmt.Fprintf(&b, "  %-*s  %s [%s]\n", width, c.Key, c.Means, c.Title)
	}
	if parts := report.PartColumns(name); parts != nil {
		fmt.Fprintf(&b, "\nIn json each row is an object with the keys above and \"parts\", an array of what the row is made of "+
			"(empty for TOTAL), each an object with these keys:\n")
		width = 0
		for _, c := range parts {
			width = max(width, len(c.Key))
		}
		for _, c := range parts {
			fmt.Fprintf(&b, "  %-*s  %s\n", width, c.Key, c.Means)
		}
	}
	return b.String(), nil
}

// flagHelp lists a command's own flags (not the global ones), with their
// defaults.
func flagHelp(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		switch f.Name {
		case "db", "as-of", "user":
			return
		}
		name, use := flag.UnquoteUsage(f)
		arg := ""
		switch name {
		case "":
		case "string":
			arg = " " + strings.ToUpper(f.Name)
		case "int", "uint":
			arg = " N"
		default:
			arg = " " + name
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" {
			use += " (default " + d + ")"
		}
		fmt.Fprintf(&b, "  %-26s %s\n", "--"+f.Name+arg, use)
	})
	return b.String()
}

// indent wraps text at 96 columns, two spaces in.
func indent(s string) string {
	var lines []string
	line := " "
	for _, w := range strings.Fields(s) {
		if len(line)+1+len(w) > 96 && line != " " {
			lines = append(lines, line)
			line = " "
		}
		line += " " + w
	}
	return strings.Join(append(lines, line), "\n")
}
