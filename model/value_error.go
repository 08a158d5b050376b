package model

import (
	"fmt"
	"strings"
)

// ValueError is a value a person or a file wrote that a field cannot take.
// Its parts let an import report many of them at once ("3 unknown values:
// "Aborted" (6 rows: …), …: use …") while the form shows one.
type ValueError struct {
	// Value is the text as written, made safe to print and shortened.
	Value string
	// Why follows the value in a sentence: "is not a status".
	Why string
	// Kind names several such values at once: "unknown values".
	Kind string
	// Hint says what to write instead.
	Hint string
	// Text, when set, is the message for one value typed in a field,
	// where the field's name reads better first ("estimate -3 h is
	// negative"); Value, Why and Hint still name it among others.
	Text string
}

func (e *ValueError) Error() string {
	if e.Text != "" {
		return e.Text
	}
	return fmt.Sprintf("%s %s: %s", QuoteValue(e.Value), e.Why, e.Hint)
}

// newValueError builds a ValueError for the raw text s.
func newValueError(s, why, kind, hint string) *ValueError {
	return &ValueError{Value: ClipValue(s), Why: why, Kind: kind, Hint: hint}
}

// ClipValue makes a written value safe to quote in a message: control
// characters shown, surrounding spaces trimmed, at most 40 characters.
func ClipValue(s string) string {
	s = strings.TrimSpace(SanitizeLine(s))
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// QuoteValue quotes a value for a message, except a plain number, which
// reads better bare ("7 is out of range").
func QuoteValue(s string) string {
	if s != "" && strings.Trim(s, "0123456789.,-") == "" {
		return s
	}
	return fmt.Sprintf("%q", s)
}
