package changesio

import "mopdeck/store/sheet"

// The formula rule is the one every spreadsheet of mopdeck follows.
var (
	needsEscape     = sheet.NeedsEscape
	escapeFormula   = sheet.EscapeFormula
	unescapeFormula = sheet.UnescapeFormula
)
