package raciio

import "mopdeck/store/sheet"

// The formula rule is the one every spreadsheet of mopdeck follows.
var (
	escapeFormula   = sheet.EscapeFormula
	unescapeFormula = sheet.UnescapeFormula
)
