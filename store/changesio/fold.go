package changesio

import (
	"strings"
	"unicode"

	"mopdeck/model"
)

// fold reduces a value to the form the vocabularies use (see
// model.FoldWord): "Complexité", "COMPLEXITE" and " complexite_ " all
// fold to "complexite".
func fold(s string) string { return model.FoldWord(s) }

// foldHeader folds a header, splitting camelCase words first, as scripts
// name their columns: "requestedBy" and "created_at" fold like "Requested
// by" and "Created at"; "ID" and "CR" stay one word.
func foldHeader(s string) string {
	var b strings.Builder
	prev := rune(0)
	split := false
	for _, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			b.WriteByte(' ')
			split = true
		}
		b.WriteRune(r)
		prev = r
	}
	if split {
		s = b.String()
	}
	return model.FoldWord(s)
}
