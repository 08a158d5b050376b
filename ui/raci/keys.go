package raci

import (
	"github.com/charmbracelet/bubbles/key"

	"mopdeck/ui/components"
)

// keyMap holds the pane's keys. The lower-case letters r a c i toggle
// their letter in the cell (a cell may hold two, as A/R), so the app's vocabulary (a add, e edit, d delete, t tie) moves to
// capitals for the activity on the cursor's row: A, E, D, T. People, the
// columns, take the same lower-case verbs after P: P a, P e, P d.
type keyMap struct {
	nav                    components.NavKeys
	left, right            key.Binding
	pageLeft, pageRight    key.Binding
	firstCol, lastCol      key.Binding
	setR, setA, setC, setI key.Binding
	letters                key.Binding // help only: the four at once
	clear, undo            key.Binding
	addActivity, rename    key.Binding
	moveUp, moveDown, tie  key.Binding
	deleteActivity         key.Binding
	person                 key.Binding
	// The help lists what P leads to, as two-key sequences.
	personSeq             [3]key.Binding
	addPerson, editPerson key.Binding
	removePerson, cancel  key.Binding
	myRole, closeView     key.Binding
	importFile            key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		nav:            components.DefaultNavKeys(),
		left:           b([]string{"left", "h"}, "←/h", "left"),
		right:          b([]string{"right", "l"}, "→/l", "right"),
		pageLeft:       b([]string{"["}, "[", "people page left"),
		pageRight:      b([]string{"]"}, "]", "people page right"),
		firstCol:       b([]string{"0"}, "0", "first person"),
		lastCol:        b([]string{"$"}, "$", "last person"),
		setR:           b([]string{"r"}, "r", "toggle R (responsible)"),
		setA:           b([]string{"a"}, "a", "toggle A (accountable)"),
		setC:           b([]string{"c"}, "c", "toggle C (consulted)"),
		setI:           b([]string{"i"}, "i", "toggle I (informed)"),
		letters:        b([]string{"r", "a", "c", "i"}, "r/a/c/i", "toggle letter"),
		clear:          b([]string{" ", "backspace", "delete"}, "space/⌫", "clear"),
		undo:           b([]string{"u"}, "u", "undo"),
		addActivity:    b([]string{"A"}, "A", "add an activity"),
		rename:         b([]string{"E"}, "E", "rename the activity"),
		moveUp:         b([]string{"K"}, "K", "move the activity up"),
		moveDown:       b([]string{"J"}, "J", "move the activity down"),
		tie:            b([]string{"T"}, "T", "tie the activity to a phase"),
		deleteActivity: b([]string{"D"}, "D", "delete the activity"),
		person:         b([]string{"P"}, "P", "person: then a, e or d"),
		personSeq: [3]key.Binding{
			b([]string{"P a"}, "P a", "add a person"),
			b([]string{"P e"}, "P e", "edit the person in the column"),
			b([]string{"P d"}, "P d", "remove the person in the column"),
		},
		addPerson:    b([]string{"a"}, "a", "add a person"),
		editPerson:   b([]string{"e"}, "e", "edit the person: name, team, handle"),
		removePerson: b([]string{"d"}, "d", "remove the person"),
		cancel:       b([]string{"esc"}, "esc", "cancel"),
		myRole:       b([]string{"M"}, "M", "my role"),
		closeView:    b([]string{"esc"}, "esc", "back to the grid"),
		importFile:   b([]string{"I"}, "I", "import a matrix (CSV/XLSX), with preview"),
	}
}

func (p *Pane) ShortHelp() []key.Binding {
	k := p.keys
	switch {
	case p.confirm.Active():
		return components.ConfirmKeys()
	case p.prompt.Active():
		return components.PromptKeys()
	case p.imp.active():
		return p.imp.preview.Keys()
	case p.picker.Active():
		return p.picker.ShortHelp()
	case p.personVerb:
		return []key.Binding{k.addPerson, k.editPerson, k.removePerson, k.cancel}
	case p.view == viewMyRole:
		return []key.Binding{k.nav.Up, k.nav.Down, k.myRole, k.closeView}
	}
	return []key.Binding{k.letters, k.clear, k.undo, k.addActivity, k.person, k.myRole}
}

// FullHelp lists every key that acts in the mode on screen, and no other.
func (p *Pane) FullHelp() [][]key.Binding {
	k := p.keys
	switch {
	case p.confirm.Active():
		return [][]key.Binding{components.ConfirmKeys()}
	case p.prompt.Active():
		return [][]key.Binding{components.PromptKeys()}
	case p.imp.active():
		return [][]key.Binding{p.imp.preview.Keys()}
	case p.picker.Active():
		return p.picker.FullHelp()
	case p.personVerb:
		return [][]key.Binding{{k.addPerson, k.editPerson, k.removePerson, k.cancel}}
	case p.view == viewMyRole:
		return [][]key.Binding{k.nav.Bindings(), {k.myRole, k.closeView}}
	}
	return [][]key.Binding{
		append(k.nav.Bindings(), k.left, k.right, k.pageLeft, k.pageRight, k.firstCol, k.lastCol),
		{k.setR, k.setA, k.setC, k.setI, k.clear, k.undo},
		{k.addActivity, k.rename, k.moveUp, k.moveDown, k.tie, k.deleteActivity},
		{k.person, k.personSeq[0], k.personSeq[1], k.personSeq[2]},
		{k.myRole, k.importFile},
	}
}
