package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize makes text from users and files safe to draw on a terminal. It is
// the one sanitiser of the code base, applied where text enters (forms,
// imports, the editor) and again where it is drawn.
//
// Every control character becomes a visible placeholder instead of reaching
// the terminal: C0 controls (but newline and tab) become their Unicode
// "control picture" (ESC → ␛, BEL → ␇), DEL becomes ␡, and C1 controls
// (U+0080–U+009F), bidi overrides and isolates (U+202A–U+202E,
// U+2066–U+2069) and invalid UTF-8 bytes become U+FFFD. An escape sequence
// thus shows as "␛[2J": readable, inert. Placeholders are printable, so
// sanitising twice changes nothing.
//
// Invisible characters that only hide text are dropped: every format
// character (Unicode category Cf: zero-width space, direction marks, the
// word joiner, soft hyphen U+00AD, U+FEFF — a byte-order mark from a
// spreadsheet's first cell —, tag characters, interlinear annotations…)
// but the zero-width joiner and non-joiner (U+200D, U+200C), which emoji
// sequences (👩‍💻) and several scripts need; and the blank letters that
// render as nothing: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0)
// and the combining grapheme joiner U+034F. Terminals disagree on their
// width, so they shift columns, and they make two different titles look
// alike. The line and paragraph separators U+2028 and U+2029 are line
// breaks (spaces in one-line fields).
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeLine is Sanitize for one-line fields (titles, names, cells):
// newlines and tabs become spaces as well.
func SanitizeLine(s string) string { return sanitize(s, true) }

func sanitize(s string, oneLine bool) string {
	if isPlainASCII(s, oneLine) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
		case r == '\n' || r == '\t' || r == 0x2028 || r == 0x2029:
			if r > 0x7f {
				r = '\n'
			}
			if oneLine {
				b.WriteByte(' ')
			} else {
				b.WriteRune(r)
			}
		case r < 0x20:
			b.WriteRune(0x2400 + r) // U+2400 "control pictures" block
		case r == 0x7f:
			b.WriteRune('␡')
		case r >= 0x80 && r <= 0x9f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			b.WriteRune(utf8.RuneError)
		case invisible(r):
			// dropped: nothing to show
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// invisible tells the characters Sanitize drops: they draw nothing.
func invisible(r rune) bool {
	switch r {
	case 0x200c, 0x200d: // the joiners: emoji and scripts need them
		return false
	case 0x034f, 0x115f, 0x1160, 0x3164, 0xffa0:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// isPlainASCII is the fast path: printable ASCII needs no work.
func isPlainASCII(s string, oneLine bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			continue
		}
		if !oneLine && (c == '\n' || c == '\t') {
			continue
		}
		return false
	}
	return true
}
