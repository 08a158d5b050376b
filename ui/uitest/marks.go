package uitest

import (
	"strings"

	"mopdeck/themes"
)

// Unmarked is a drawn row without the mark lists give it when colour
// cannot show the selection (the tests draw without colour): the pointer
// and its space, or the two spaces of the other rows.
func Unmarked(line string) string {
	if rest, ok := strings.CutPrefix(line, themes.Pointer+" "); ok {
		return rest
	}
	return strings.TrimPrefix(line, "  ")
}
