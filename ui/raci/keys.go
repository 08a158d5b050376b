package raci

import (
	"github.com/charmbracelet/bubbles/key"

	"mopdeck/ui/components"
)

// keyMap holds the pane's keys. Lower-case letters act on the cell, upper
// case and symbols on the row or the column, so nothing needs a modifier.
type keyMap struct {
	nav                         components.NavKeys
	left, right                 key.Binding
	pageLeft, pageRight         key.Binding
	firstCol, lastCol           key.Binding
	setR, setA, setC, setI      key.Binding
	letters                     key.Binding // help only: the four at once
	clear, undo                 key.Binding
	addActivity, renameActivity key.Binding
	moveUp, moveDown, tie       key.Binding
	deleteActivity              key.Binding
	addPerson, editPerson       key.Binding
	removePerson                key.Binding
	me, myRole                  key.Binding
	closeView                   key.Binding
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
		setR:           b([]string{"r"}, "r", "set R (responsible)"),
		setA:           b([]string{"a"}, "a", "set A (accountable)"),
		setC:           b([]string{"c"}, "c", "set C (consulted)"),
		setI:           b([]string{"i"}, "i", "set I (informed)"),
		letters:        b([]string{"r", "a", "c", "i"}, "r/a/c/i", "set letter"),
		clear:          b([]string{" ", "backspace", "delete"}, "space/⌫", "clear"),
		undo:           b([]string{"u"}, "u", "undo"),
		addActivity:    b([]string{"n"}, "n", "new activity"),
		renameActivity: b([]string{"e"}, "e", "rename activity"),
		moveUp:         b([]string{"K"}, "K", "move activity up"),
		moveDown:       b([]string{"J"}, "J", "move activity down"),
		tie:            b([]string{"t"}, "t", "tie activity to a phase"),
		deleteActivity: b([]string{"D"}, "D", "delete activity"),
		addPerson:      b([]string{"+"}, "+", "add person"),
		editPerson:     b([]string{"E"}, "E", "edit person: name, team, handle"),
		removePerson:   b([]string{"X"}, "X", "remove person"),
		me:             b([]string{"@"}, "@", "who am I"),
		myRole:         b([]string{"M"}, "M", "my role"),
		closeView:      b([]string{"esc"}, "esc", "back to the grid"),
	}
}

func (p *Pane) ShortHelp() []key.Binding {
	if p.view == viewMyRole {
		return []key.Binding{p.keys.nav.Up, p.keys.nav.Down, p.keys.myRole, p.keys.me}
	}
	return []key.Binding{p.keys.letters, p.keys.clear, p.keys.undo, p.keys.me, p.keys.myRole}
}

func (p *Pane) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{
		append(k.nav.Bindings(), k.left, k.right, k.pageLeft, k.pageRight, k.firstCol, k.lastCol),
		{k.setR, k.setA, k.setC, k.setI, k.clear, k.undo},
		{k.addActivity, k.renameActivity, k.moveUp, k.moveDown, k.tie, k.deleteActivity},
		{k.addPerson, k.editPerson, k.removePerson},
		{k.me, k.myRole, k.closeView},
	}
}
