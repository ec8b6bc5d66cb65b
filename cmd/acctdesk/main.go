// Command acctdesk is a keyboard-first workstation for a book of B2B credit
// accounts, and the command line around it (SPEC §4).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"acctdesk/domain"
	"acctdesk/importer"
	"acctdesk/report"
)

// usage is the general help. The import kinds and the report names come
// from their registries (importer.Kinds, report.Names), so they are never
// stale.
var usage = `acctdesk — a workstation for a book of credit accounts

  acctdesk [--db PATH] [--as-of DATE] [--user NAME]      the workstation (never creates a book)
  acctdesk --demo [--reset]                              the workstation on a demo book kept apart
  acctdesk demo [--accounts N] [--seed S] [--force]      write a realistic demo book
  acctdesk init                                          create an empty book
  acctdesk import KIND FILE [--map SRC=DST,...] [--date-format LAYOUT] [--sheet NAME]
                  [--currency CODE] [--create-accounts] [--decimal-comma] [--encoding E] [--dry-run]
` + usageWords("KIND: ", importer.Kinds) + `
  acctdesk report NAME [--format table|csv|json|xlsx] [--out FILE] [--owner NAME]
                  [--since DATE] [--weeks N] [--period P]
` + usageWords("NAME: ", report.Names) + `
  acctdesk log call ACCOUNT --outcome O [--contact C] [--promise AMOUNT@DATE] [--next DATE] [--note T]
  acctdesk log escalation ACCOUNT --category C --severity S --to T --note T [--due DATE]
  acctdesk log dispute ACCOUNT --invoice N --reason T [--owner NAME]
  acctdesk log issue ACCOUNT --kind K --sla DATE [--owner NAME] --note T [--kpi T --target T] [--step TEXT@DATE ...]
  acctdesk log note|visit|qbr|meeting|email ACCOUNT --note T [--next DATE]
                                                         a contact that is not a call (a QBR clears qbr-due)
  acctdesk issue ACCOUNT ID [--status in-progress] [--step TEXT@DATE] [--done N]   update a service issue
  acctdesk resolve escalation|dispute|issue ACCOUNT ID --resolution T [...]
  acctdesk doc ACCOUNT --kind K [--received DATE] [--validated] [--file PATH] [--note T]
                                                         a document of the account-opening file
  acctdesk block ACCOUNT --reason T [--owner NAME]       record what keeps an account from going live
  acctdesk resolve block ACCOUNT ID [--note T]           … and clear it
  acctdesk plan ACCOUNT --instalment AMOUNT@DATE [--instalment ...] [--replace]
                                                         agree a payment plan (replacing the open one)
  acctdesk credit ACCOUNT [--limit AMOUNT] [--overdraft AMOUNT@DATE] --reason T [--approved-by NAME] [--confirm]
                                                         a credit decision: a new limit, a temporary overdraft
  acctdesk rebate ACCOUNT --period P [--apply]           an account's rebates for a period; --apply credits them
  acctdesk renew ACCOUNT CONTRACT --end DATE | --lapse
                                                         record a contract's renewal, or its lapse
  acctdesk reconcile ACCOUNT [--as-of DATE]              mark an account reconciled with accounting that day
  acctdesk assign ACCOUNT... --to NAME                   give the accounts to a user (their owner)
  acctdesk statement ACCOUNT [--format text|md|html|pdf] [--out FILE]
                                                         the statement of account to send the customer
  acctdesk remind [ACCOUNT...] --out DIR [--format md|html|eml] [--dry-run]
                                                         reminder letters to the accounts due one
  acctdesk settings [set KEY=VALUE ...]                  the book's settings: thresholds, aging, reminders, targets
  acctdesk settings documents [SEGMENT=KIND,KIND ...]    the documents a segment's opening file requires
  acctdesk settings margin [PRODUCT=PCT ...]             the products' margin rates (the Book pane's margin proxy)
  acctdesk qbr ACCOUNT [--format md|html|pdf] [--out FILE]
                                                         the quarterly business review pack of an account
  acctdesk backup FILE [--force]                         a consistent copy while the book is in use
  acctdesk check                                         integrity check of the book
  acctdesk serve [--listen ADDR] [--users FILE] [--host-key FILE] [--max-sessions N] [--idle D]
                                                         the workstation over SSH, for a team on one book
  acctdesk help COMMAND                                  a command's usage, its words and a report's columns

Global flags (anywhere on the line) and their environment variables:
  --db PATH      ACCTDESK_DB      default $XDG_DATA_HOME/acctdesk/book.db
  --as-of DATE   ACCTDESK_AS_OF   default today; YYYY-MM-DD, today, yesterday, tomorrow, +3, -3, mon…sun
  --user NAME    ACCTDESK_USER    default the OS user

Account codes and words (outcomes, categories, report names, …) are matched without regard to case.
`

// usageWords is a "KIND: a, b, …" line of the usage, wrapped under the
// command it belongs to.
func usageWords(label string, words []string) string {
	const indent, width = 18, 100
	var lines []string
	line := strings.Repeat(" ", indent) + label
	for i, w := range words {
		if i < len(words)-1 {
			w += ","
		}
		if len(line)+1+len(w) > width && strings.TrimSpace(line) != strings.TrimSpace(label) {
			lines = append(lines, line)
			line = strings.Repeat(" ", indent+len(label)) + w
			continue
		}
		if !strings.HasSuffix(line, label) {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), "\n")
}

func main() {
	os.Exit(exit(os.Args[1:], os.Stdout, os.Stderr))
}

// exit runs a command line as main does and says its exit code: the usage
// for help, else the command's error on stderr as one message, through
// domain.Safe. That is the one boundary of every command's error: however
// it was built (a path, an account, a flag name, a --date-format or a
// --map entry from the command line, a value from an import file, a name
// from the book), no control sequence in it reaches the terminal.
func exit(args []string, stdout, stderr io.Writer) int {
	err := run(args, stdout, stderr)
	if err == nil {
		return 0
	}
	var h helpRequested
	if errors.As(err, &h) {
		text, herr := h.text()
		if herr == nil {
			fmt.Fprint(stdout, domain.Safe(text))
			return 0
		}
		err = herr
	}
	fmt.Fprintln(stderr, "acctdesk: "+domain.Safe(oneLine(err)))
	return 1
}

// oneLine keeps multi-line errors (a list of refused rows) readable: the first
// line stays first, the rest follow indented.
func oneLine(err error) string { return strings.TrimRight(err.Error(), "\n") }

// shown is a value (a path, an argument, a row's message) as a message
// echoes it: domain.Safe, and on one line, its newlines written \n, so
// that it can neither drive the terminal nor pass for another line.
func shown(s string) string { return strings.ReplaceAll(domain.Safe(s), "\n", `\n`) }

// run dispatches a command line; it is what tests call. What a command
// prints on stdout goes through domain.Safe too (safeWriter), whichever
// command printed it.
func run(args []string, stdout, stderr io.Writer) error {
	out := &safeWriter{w: stdout}
	defer out.flush()
	return dispatch(args, out, stderr)
}

func dispatch(args []string, stdout, stderr io.Writer) error {
	cmd, rest := firstWord(args)
	if w, ok := domain.MatchWord(cmd, commands); ok {
		cmd = w
	}
	c := &cli{stdout: stdout, stderr: stderr}
	switch cmd {
	case "":
		return c.workstation(rest)
	case "demo":
		return c.demo(rest)
	case "import":
		return c.importFile(rest)
	case "report":
		return c.report(rest)
	case "log":
		return c.log(rest)
	case "assign":
		return c.assign(rest)
	case "plan":
		return c.plan(rest)
	case "doc":
		return c.doc(rest)
	case "block":
		return c.block(rest)
	case "credit":
		return c.credit(rest)
	case "issue":
		return c.issue(rest)
	case "rebate":
		return c.rebate(rest)
	case "renew":
		return c.renew(rest)
	case "reconcile":
		return c.reconcile(rest)
	case "resolve":
		return c.resolve(rest)
	case "statement":
		return c.statement(rest)
	case "remind":
		return c.remind(rest)
	case "qbr":
		return c.qbr(rest)
	case "backup":
		return c.backup(rest)
	case "check":
		return c.check(rest)
	case "serve":
		return c.serve(rest)
	case "init":
		return c.init(rest)
	case "settings":
		return c.settings(rest)
	case "help":
		// acctdesk help report aging is acctdesk report aging --help.
		if sub, _ := firstWord(rest); sub == "" || sub == "help" {
			return helpRequested{}
		}
		return dispatch(append(rest, "--help"), stdout, stderr)
	}
	return unknownCommand(cmd)
}

// commands are the words dispatch knows.
var commands = []string{"demo", "init", "import", "report", "log", "resolve", "plan", "assign", "statement", "remind", "backup", "check", "serve", "settings", "help", "credit", "issue", "qbr", "rebate", "renew", "doc", "block", "reconcile"}

// unknownCommand refuses a word that is no command, suggesting the nearest.
func unknownCommand(cmd string) error {
	if near := domain.Nearest(cmd, commands); near != "" {
		return fmt.Errorf("unknown command %q: did you mean %s? (run acctdesk help)", cmd, near)
	}
	return fmt.Errorf("unknown command %q (run acctdesk help)", cmd)
}

// safeWriter writes what it is given through domain.Safe: the backstop
// under every line a command prints on stdout (reports are already Safe,
// cell by cell). A UTF-8 sequence cut by the end of a write waits for the
// rest, so that a character is never taken for stray bytes.
type safeWriter struct {
	w    io.Writer
	tail []byte
	err  error
}

func (s *safeWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	buf := append(s.tail, p...)
	cut := len(buf)
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-utf8.UTFMax; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	s.tail = append([]byte(nil), buf[cut:]...)
	if _, s.err = io.WriteString(s.w, domain.Safe(string(buf[:cut]))); s.err != nil {
		return 0, s.err
	}
	return len(p), nil
}

// flush writes what a cut sequence left: bytes that never became a character.
func (s *safeWriter) flush() {
	if len(s.tail) > 0 && s.err == nil {
		io.WriteString(s.w, domain.Safe(string(s.tail)))
	}
	s.tail = nil
}

// firstWord takes the first word that is neither a flag nor a global flag's
// value out of args: the command ("report"), or a sub-command ("call").
func firstWord(args []string) (string, []string) {
	for i, a := range args {
		if strings.HasPrefix(a, "-") || (i > 0 && takesValue(args[i-1])) {
			continue
		}
		return a, append(append([]string{}, args[:i]...), args[i+1:]...)
	}
	return "", args
}

// takesValue reports whether a global flag written as "--flag value" consumes the next word.
func takesValue(flag string) bool {
	if strings.Contains(flag, "=") {
		return false
	}
	switch strings.TrimLeft(flag, "-") {
	case "db", "as-of", "user":
		return true
	}
	return false
}

type cli struct {
	stdout, stderr io.Writer
}
