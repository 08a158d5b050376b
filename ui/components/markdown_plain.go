package components

import (
	"strings"

	xansi "github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"mopdeck/model"
)

// plainWrap is the unformatted rendering of a source: sanitised, tabs as
// spaces, wrapped to width.
func plainWrap(src string, width int) string {
	s := strings.ReplaceAll(model.Sanitize(src), "\t", "    ")
	return strings.TrimRight(xansi.Wrap(s, width, ""), "\n")
}

// plainNote is the unformatted rendering of a source that was not
// rendered, under a line that says why, faint where there is colour.
func plainNote(src string, k outputKey, why string) string {
	note := xansi.Wrap("shown as plain text: "+why, k.width, "")
	if k.profile != termenv.Ascii {
		lines := strings.Split(note, "\n")
		for i, l := range lines {
			lines[i] = "\x1b[2m" + l + sgrReset
		}
		note = strings.Join(lines, "\n")
	}
	return note + "\n\n" + plainWrap(src, k.width)
}
