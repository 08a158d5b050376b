// Package sheet holds what every spreadsheet reader and writer of mopdeck
// shares: the rule that keeps a cell's text from running as a formula,
// and the layout of a workbook export.
package sheet

import "strings"

// Spreadsheets run a cell that starts with = + - @ (and, in some, a tab or
// a carriage return) as a formula: a CSV export that carries such text
// would execute it when opened. Export prefixes those cells with an
// apostrophe, the spreadsheet's own "this is text" mark; import removes it.
// A cell that already starts with apostrophes before such a character gets
// one more, so that the round trip gives back exactly what was written.

func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// NeedsEscape tells whether s, after any leading apostrophes, starts like
// a formula.
func NeedsEscape(s string) bool {
	rest := strings.TrimLeft(s, "'")
	return rest != "" && formulaStart(rest[0])
}

// EscapeFormula is s as an export writes it: with one more apostrophe
// when it would run as a formula.
func EscapeFormula(s string) string {
	if NeedsEscape(s) {
		return "'" + s
	}
	return s
}

// UnescapeFormula is a read cell as it was before EscapeFormula.
func UnescapeFormula(s string) string {
	if len(s) > 1 && s[0] == '\'' && NeedsEscape(s[1:]) {
		return s[1:]
	}
	return s
}
