package changes

import (
	"strings"

	"mopdeck/model"
)

// suggesting tells whether the focused field is a name field showing the
// rest of a person's name after what was typed, and what was typed. The
// rest is drawn like typed text, so the form says which key takes it.
func (f *crForm) suggesting() (typed string, ok bool) {
	value, isName := f.names[f.form.GetFocusedField()]
	if !isName || *value == "" {
		return "", false
	}
	// The text input's own rule: a name that starts with the text, in
	// any case.
	low := strings.ToLower(*value)
	for _, p := range f.people {
		name := strings.ToLower(model.SanitizeLine(p.Name))
		if len(name) > len(low) && strings.HasPrefix(name, low) {
			return *value, true
		}
	}
	return "", false
}

// personName is a name field's value to save (see model.PersonName). A
// value left as it was stays, even when it differs from the person's
// spelling: opening and saving a form changes only what was typed.
func (f *crForm) personName(value, start string) string {
	if value == start {
		return strings.TrimSpace(model.SanitizeLine(value))
	}
	return model.PersonName(f.people, value)
}
