package projects

import (
	"github.com/charmbracelet/bubbles/key"

	"mopdeck/ui/components"
)

// keyMap holds the switcher's keys; they act only while it is open.
type keyMap struct {
	nav                        components.NavKeys
	open, pick, create, rename key.Binding
	archive, archived, close   key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		nav:      components.DefaultNavKeys(),
		open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open project")),
		pick:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "use this template")),
		create:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new from template")),
		rename:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename")),
		archive:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "archive / restore")),
		archived: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "show archived")),
		close:    key.NewBinding(key.WithKeys("esc", "p"), key.WithHelp("esc", "close")),
	}
}
