// Package components holds the widgets panes share: a virtualised table,
// text fitting and clipping, progress bars.
package components

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
)

// Fit makes s exactly w cells wide: truncated with an ellipsis when too
// long, padded with spaces when too short. Width is measured in terminal
// cells, so accented letters, CJK and emoji stay aligned.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = ansi.StringWidth(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// Cell sanitises user text for one table cell and fits it.
func Cell(s string, w int) string { return Fit(model.SanitizeLine(s), w) }

// Clip guarantees a block of text fits in w×h cells: no line wider than w,
// no more than h lines. The root view runs every frame through it so that
// no pane can ever draw past the window.
func Clip(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// PadLines pads a block to exactly h lines so panes keep their place.
func PadLines(s string, h int) string {
	n := strings.Count(s, "\n") + 1
	if s == "" {
		n = 0
	}
	if n >= h {
		return s
	}
	if s == "" {
		return strings.Repeat("\n", h-1)
	}
	return s + strings.Repeat("\n", h-n)
}

// Progress draws a bar of w cells, done/total filled.
func Progress(done, total, w int, full, empty func(...string) string) string {
	if w <= 0 {
		return ""
	}
	filled := 0
	if total > 0 {
		filled = done * w / total
	}
	return full(strings.Repeat("█", filled)) + empty(strings.Repeat("░", w-filled))
}

// Date writes a day as mopdeck does everywhere, "—" for none.
func Date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format(model.DateLayout)
}

// Wrap wraps text at w cells on spaces only, keeping styles. ansi.Wrap
// also breaks after every hyphen, which splits dates ("2026-" / "10-03"),
// "sign-off" and file names, so hyphens stand in as another one-cell
// character while it wraps. A word longer than a line is still broken.
func Wrap(text string, w int) string {
	if !strings.Contains(text, "-") {
		return ansi.Wrap(text, max(w, 1), "")
	}
	stand := ""
	for _, r := range []string{"\u2011", "\u2010", "\ue000"} { // one the text does not hold
		if !strings.Contains(text, r) {
			stand = r
			break
		}
	}
	if stand == "" {
		return ansi.Wrap(text, max(w, 1), "")
	}
	wrapped := ansi.Wrap(strings.ReplaceAll(text, "-", stand), max(w, 1), "")
	return strings.ReplaceAll(wrapped, stand, "-")
}
