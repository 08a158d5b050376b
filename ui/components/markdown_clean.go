package components

import (
	"strings"

	"mopdeck/model"
)

// neutraliseEntities replaces numeric character references that stand for
// control characters ("&#27;", "&#x1b", "&#x202e;") by the placeholder
// Sanitize would give the character: Glamour decodes entities, so a doc
// could otherwise smuggle an escape sequence past the sanitiser. Go's
// decoder accepts a missing semicolon; so does this.
func neutraliseEntities(s string) string {
	i := strings.Index(s, "&#")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		r, n := parseCharRef(s)
		if n > 0 && isControl(r) {
			b.WriteString(model.Sanitize(string(rune(r))))
			s = s[n:]
		} else {
			b.WriteString("&#")
			s = s[2:]
		}
		i = strings.Index(s, "&#")
	}
	b.WriteString(s)
	return b.String()
}

// parseCharRef reads "&#123;" or "&#x7b;" (semicolon optional) at the start
// of s and returns the code point and the bytes used, n 0 if none.
func parseCharRef(s string) (r int, n int) {
	i, base := 2, 10
	if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
		i, base = 3, 16
	}
	start := i
	for ; i < len(s); i++ {
		d := digitValue(s[i], base)
		if d < 0 {
			break
		}
		if r <= 0x10ffff {
			r = r*base + d
		}
	}
	if i == start {
		return 0, 0
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	return r, i
}

func digitValue(c byte, base int) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case base == 16 && c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case base == 16 && c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// isControl tells whether Sanitize would replace or drop the code point.
func isControl(r int) bool {
	if r == '\n' || r == '\t' || r > 0x10ffff {
		return false
	}
	s := string(rune(r))
	return model.Sanitize(s) != s
}

// CleanRendered makes rendered output safe to draw. Escape sequences other
// than SGR (colours and emphasis) are removed, SGR too when colour is false,
// so output drawn without colour holds no ESC at all; control characters
// left in the text become Sanitize's placeholders and tabs become spaces.
// Padding at line ends (spaces and the colour sequences around them) is
// trimmed, with a reset kept on lines that used colour.
func CleanRendered(s string, colour bool) string {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = cleanLine(l, colour)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

const sgrReset = "\x1b[0m"

func cleanLine(l string, colour bool) string {
	var b strings.Builder
	b.Grow(len(l))
	text := func(t string) {
		if t == "" {
			return
		}
		t = model.Sanitize(t)
		if strings.IndexByte(t, '\t') >= 0 {
			t = strings.ReplaceAll(t, "\t", "    ")
		}
		b.WriteString(t)
	}
	styled := false
	for {
		i := strings.IndexByte(l, 0x1b)
		if i < 0 {
			text(l)
			break
		}
		text(l[:i])
		l = l[i:]
		n, sgr := escapeLen(l)
		if sgr && colour {
			b.WriteString(l[:n])
			styled = true
		}
		l = l[n:]
	}
	out := trimPadding(b.String())
	if styled && strings.IndexByte(out, 0x1b) >= 0 && !strings.HasSuffix(out, sgrReset) {
		out += sgrReset
	}
	return out
}

// escapeLen measures the escape sequence at the start of s (which begins
// with ESC) and tells whether it is an SGR. A broken sequence counts as its
// ESC alone (the rest is then shown as text); string sequences (OSC, DCS,
// APC, PM, SOS) run to their terminator or the end of the line.
func escapeLen(s string) (n int, sgr bool) {
	if len(s) < 2 {
		return len(s), false
	}
	switch s[1] {
	case '[':
		i := 2
		for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
			i++
		}
		params := s[2:i]
		inter := i
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i >= len(s) || s[i] < 0x40 || s[i] > 0x7e {
			return 1, false
		}
		return i + 1, s[i] == 'm' && inter == i && strings.Trim(params, "0123456789;:") == ""
	case ']', 'P', 'X', '^', '_':
		for i := 2; i < len(s); i++ {
			switch {
			case s[i] == 0x07:
				return i + 1, false
			case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
				return i + 2, false
			}
		}
		return len(s), false
	}
	if s[1] >= 0x20 && s[1] <= 0x7e {
		return 2, false
	}
	return 1, false
}

// trimPadding drops trailing spaces and the SGR sequences among them.
func trimPadding(s string) string {
	for {
		t := strings.TrimRight(s, " ")
		if !strings.HasSuffix(t, "m") {
			return t
		}
		i := strings.LastIndexByte(t, 0x1b)
		if i < 0 {
			return t
		}
		if n, sgr := escapeLen(t[i:]); !sgr || i+n != len(t) {
			return t
		}
		s = t[:i]
	}
}
