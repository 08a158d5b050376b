package projects

import (
	"github.com/charmbracelet/bubbles/key"

	"mopdeck/ui/components"
)

// keyMap holds the switcher's keys; they act only while it is open. They
// speak the app's vocabulary: a adds a project, e renames it, enter opens
// it, esc closes; x archives, which deletes nothing (x again restores).
type keyMap struct {
	nav                        components.NavKeys
	open, pick, create, rename key.Binding
	archive, archived, close   key.Binding
	back                       key.Binding
	search, clearSearch        key.Binding
	closeP                     key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		nav:      components.DefaultNavKeys(),
		open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open project")),
		pick:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "use this template")),
		create:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add from a template")),
		rename:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "rename")),
		archive:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "archive / restore")),
		archived: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "show / hide archived")),
		close:    key.NewBinding(key.WithKeys("esc", "p"), key.WithHelp("esc", "close")),
		back:     key.NewBinding(key.WithKeys("esc", "p"), key.WithHelp("esc", "back to the projects")),
		search:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter by name")),
		// With a filter set, esc clears it first.
		clearSearch: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear the filter")),
		closeP:      key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "close")),
	}
}
