package ui

import "github.com/charmbracelet/bubbles/key"

// globalKeys work on every pane unless the pane holds the keyboard.
type globalKeys struct {
	Next, Prev, Help, Quit, ForceQuit key.Binding
	// Projects opens the project switcher.
	Projects key.Binding
	// Me picks who you are from any pane: it opens the RACI pane's picker,
	// since "me" is a person of the matrix.
	Me   key.Binding
	Tabs [4]key.Binding
}

func newGlobalKeys() globalKeys {
	k := globalKeys{
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Projects:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "projects")),
		Me:        key.NewBinding(key.WithKeys("@"), key.WithHelp("@", "who am I")),
	}
	names := []string{"phases", "change requests", "RACI", "docs"}
	for i := range k.Tabs {
		n := string(rune('1' + i))
		k.Tabs[i] = key.NewBinding(key.WithKeys(n), key.WithHelp(n, names[i]))
	}
	return k
}

func (k globalKeys) short() []key.Binding {
	return []key.Binding{k.Next, k.Projects, k.Help, k.Quit}
}

func (k globalKeys) full() []key.Binding {
	return append([]key.Binding{k.Next, k.Prev, k.Tabs[0], k.Tabs[1], k.Tabs[2], k.Tabs[3], k.Projects, k.Me, k.Help, k.Quit}, k.ForceQuit)
}
