package phases

import (
	"github.com/charmbracelet/bubbles/key"

	"mopdeck/ui/components"
)

// keyMap holds the Phases pane's keys. The list of phases and the selected
// phase's items (deliverables, exit checklist) share most keys: add, edit,
// delete and move act on whichever has the focus. The checklists view
// (c) lists the project's audit checklists.
type keyMap struct {
	nav                      components.NavKeys
	open, back               key.Binding
	toggle                   key.Binding
	signOff, start, override key.Binding
	ready                    key.Binding
	add, edit, remove        key.Binding
	moveUp, moveDown         key.Binding
	undo, timeline           key.Binding
	// The checklists view has its own keys, so that the help names what
	// a, d and u do there.
	checklists     key.Binding
	attach, detach key.Binding
	undoChecklist  key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		nav:      components.DefaultNavKeys(),
		open:     key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter/→", "go to deliverables")),
		back:     key.NewBinding(key.WithKeys("esc", "left", "h"), key.WithHelp("esc/←", "back to phases")),
		toggle:   key.NewBinding(key.WithKeys(" ", "x"), key.WithHelp("space/x", "done / not done")),
		signOff:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sign off gate")),
		start:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "begin phase")),
		override: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "override start (lead)")),
		ready:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "ready for sign-off")),
		add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		remove:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		moveUp:   key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move up")),
		moveDown: key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move down")),
		undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo phase change")),
		timeline: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "timeline")),

		checklists:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "checklists")),
		attach:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "attach checklist")),
		detach:        key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete checklist")),
		undoChecklist: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo checklist change")),
	}
}
