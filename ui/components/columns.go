package components

import (
	"strings"
)

// Box fits a block into exactly w×h cells: each line fitted to w, the
// block padded or cut to h lines. Side-by-side panels need exact boxes.
func Box(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = Fit(l, w)
	}
	return strings.Join(lines, "\n")
}

// SideBySide joins two boxes with a one-cell gutter drawn by sep.
func SideBySide(left string, lw int, right string, rw int, h int, sep string) string {
	l := strings.Split(Box(left, lw, h), "\n")
	r := strings.Split(Box(right, rw, h), "\n")
	var b strings.Builder
	for i := range h {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l[i])
		b.WriteString(sep)
		b.WriteString(r[i])
	}
	return b.String()
}
