package raciio

import "strings"

// Spreadsheets run a cell that starts with = + - @ (and, in some, a tab or
// a carriage return) as a formula: a CSV export that carries such text
// would execute it when opened. Export prefixes those cells with an
// apostrophe, the spreadsheet's own "this is text" mark; import removes
// it. A cell that already starts with apostrophes before such a character
// gets one more, so that the round trip gives back exactly what was
// written. (The change-request files follow the same rule.)

func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

func needsEscape(s string) bool {
	rest := strings.TrimLeft(s, "'")
	return rest != "" && formulaStart(rest[0])
}

func escapeFormula(s string) string {
	if needsEscape(s) {
		return "'" + s
	}
	return s
}

func unescapeFormula(s string) string {
	if len(s) > 1 && s[0] == '\'' && needsEscape(s[1:]) {
		return s[1:]
	}
	return s
}
