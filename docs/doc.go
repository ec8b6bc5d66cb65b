// Package docs is the documents acctdesk writes for people outside it —
// the statement of account, reminder letters (letter.go: text/template
// files, not a Doc), QBR packs later. A
// document is a Doc: a title, the lines every page repeats (who it is from,
// to whom, as of when), and blocks of lines and tables. A Doc is written as
// text, Markdown, HTML or PDF by the one renderer of each format, so a new
// document is one function that builds a Doc.
//
// Every value a Doc holds is text as the book holds it; each renderer makes
// it safe for its format (domain.Safe for text, escaping for Markdown and
// HTML): nothing from the book can drive a terminal or inject markup.
package docs

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Formats are the formats a document is written in, as the command line
// and the config file name them.
var Formats = []string{"text", "md", "html", "pdf"}

// Ext is the file name extension of a format.
func Ext(format string) string {
	if format == "text" {
		return "txt"
	}
	return format
}

// Binary reports whether a format is not text (a PDF is never written to a terminal).
func Binary(format string) bool { return format == "pdf" }

// Doc is a document.
type Doc struct {
	Title  string   // "Statement of account"
	Header []string // on top of every page: from, to, as of
	Blocks []Block
	// Created is when the document is dated (a PDF's creation date, so the
	// same statement gives the same file); the header says the rest.
	Created string // ISO date
}

// Block is a titled part of a document: lines, a table, or both (the
// lines first).
type Block struct {
	Heading string
	Lines   []string
	Table   *Table
}

// Table is rows under column titles, and totals under them (in bold).
type Table struct {
	Cols  []Col
	Rows  [][]string
	Foot  [][]string
	Empty string // said instead of the table when it has no rows
}

// Col is a column: its title and whether its values are aligned right
// (amounts, days).
type Col struct {
	Title string
	Right bool
}

// Render writes d in a format (Formats).
func Render(w io.Writer, d Doc, format string) error {
	switch format {
	case "text":
		return writeText(w, d)
	case "md":
		return writeMarkdown(w, d)
	case "html":
		return writeHTML(w, d)
	case "pdf":
		return writePDF(w, d)
	}
	return fmt.Errorf("format %q is not one of %s", format, strings.Join(Formats, ", "))
}

// Bytes is d rendered in a format.
func Bytes(d Doc, format string) ([]byte, error) {
	var b bytes.Buffer
	if err := Render(&b, d, format); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ValidFormat reports whether format is one of Formats.
func ValidFormat(format string) bool { return slices.Contains(Formats, format) }
