// Command acctdesk is a keyboard-first workstation for a book of B2B credit
// accounts, and the command line around it (SPEC §4).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

const usage = `acctdesk — a workstation for a book of credit accounts

  acctdesk [--db PATH] [--as-of DATE] [--user NAME]      the workstation
  acctdesk --demo                                        the workstation on a demo book kept apart
  acctdesk demo [--accounts N] [--seed S] [--force]      write a realistic demo book
  acctdesk import KIND FILE [--map SRC=DST,...] [--date-format LAYOUT]
                  [--currency CODE] [--create-accounts] [--dry-run]
                  KIND: accounts, contacts, invoices, payments, credit-notes
  acctdesk report NAME [--format table|csv|json] [--owner NAME]
                  NAME: book, aging, dso, promises, escalations, queue
  acctdesk log call ACCOUNT --outcome O [--contact C] [--promise AMOUNT@DATE] [--next DATE] [--note T]
  acctdesk log escalation ACCOUNT --category C --severity S --to T --note T [--due DATE]
  acctdesk backup FILE                                   a consistent copy while the book is in use
  acctdesk check                                         integrity check of the book

Global flags (anywhere on the line) and their environment variables:
  --db PATH      ACCTDESK_DB      default $XDG_DATA_HOME/acctdesk/book.db
  --as-of DATE   ACCTDESK_AS_OF   default today
  --user NAME    ACCTDESK_USER    default the OS user
`

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		var h helpRequested
		if errors.As(err, &h) {
			fmt.Fprint(os.Stdout, usage)
			return
		}
		fmt.Fprintln(os.Stderr, "acctdesk: "+oneLine(err))
		os.Exit(1)
	}
}

type helpRequested struct{}

func (helpRequested) Error() string { return "help" }

// oneLine keeps multi-line errors (a list of refused rows) readable: the first
// line stays first, the rest follow indented.
func oneLine(err error) string { return strings.TrimRight(err.Error(), "\n") }

// run dispatches a command line; it is what tests call.
func run(args []string, stdout, stderr io.Writer) error {
	cmd, rest := firstWord(args)
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
	case "backup":
		return c.backup(rest)
	case "check":
		return c.check(rest)
	case "help":
		return helpRequested{}
	}
	return fmt.Errorf("unknown command %q (run acctdesk --help)", cmd)
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
