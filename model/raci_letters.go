package model

import (
	"fmt"
	"strings"
	"unicode"
)

// ParseRole reads one letter, case-insensitive; "" or "-" is RoleNone.
// A cell that may hold several letters is read with ParseRoles.
func ParseRole(s string) (Role, error) {
	r, err := ParseRoles(s)
	if err != nil || len(r.Letters()) <= 1 {
		return r, err
	}
	return RoleNone, fmt.Errorf("%q holds %d RACI letters where one is wanted: use R, A, C or I", SanitizeLine(s), len(r.Letters()))
}

// maxCellText bounds the text a cell's letters are read from: four
// letters with separators and spaces fit many times over.
const maxCellText = 64

// ParseRoles reads a cell of a matrix as teams write it: one letter or
// several, in either case and any order, written together ("AR"), or
// apart with "/", ",", "+", "&", ";" or spaces ("A/R", "R/A", "A, R",
// "A+R"). An empty cell, "-", "–", "—" or "·" holds no letter. Anything
// else is refused with what a cell may hold.
func ParseRoles(s string) (Role, error) {
	t := strings.TrimSpace(s)
	switch t {
	case "", "-", "–", "—", "·":
		return RoleNone, nil
	}
	if len(t) > maxCellText {
		return RoleNone, fmt.Errorf("a RACI cell of %d characters: write R, A, C or I, or two at once as A/R", len(t))
	}
	var out Role
	for _, word := range strings.FieldsFunc(t, cellSeparator) {
		for i := 0; i < len(word); i++ {
			l, ok := letterOf(word[i])
			if !ok {
				return RoleNone, fmt.Errorf("%q is not a RACI letter: write R, A, C or I, or two at once as A/R", SanitizeLine(clipRunes(word, 20)))
			}
			out |= l
		}
	}
	if out == RoleNone {
		return RoleNone, fmt.Errorf("%q holds no RACI letter: write R, A, C or I, or leave the cell empty", SanitizeLine(clipRunes(t, 20)))
	}
	return out, nil
}

func cellSeparator(r rune) bool {
	switch r {
	case '/', ',', '+', '&', ';', '|':
		return true
	}
	return unicode.IsSpace(r)
}

// clipRunes cuts s to n runes, marking the cut.
func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
