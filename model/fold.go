package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FoldWord reduces a word or a header as people and tools write it to the
// form the vocabularies use: lower case, accents dropped, every run of
// punctuation and spaces one space, trimmed. "Complexité", "COMPLEXITE"
// and " complexite_ " all fold to "complexite"; "Estimate (hours)" to
// "estimate hours"; "En cours (Attribué)" to "en cours attribue".
func FoldWord(s string) string {
	if folded(s) {
		return s // the common case, "in progress": no copy
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // a combining accent, split off by NFD
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteRune(unicode.ToLower(r))
		default:
			gap = true
		}
	}
	return b.String()
}

// folded tells whether s is already in folded form: lower-case ASCII
// letters and digits, words apart by one space.
func folded(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}
