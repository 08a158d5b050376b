package ui

import "github.com/charmbracelet/bubbles/key"

// globalKeys work on every pane unless the pane holds the keyboard.
type globalKeys struct {
	Next, Prev, Help, Quit, ForceQuit key.Binding
	// Projects opens the project switcher.
	Projects key.Binding
	// Me picks who you are, over whatever pane is on screen.
	Me key.Binding
	// Log shows the last messages in full.
	Log  key.Binding
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
		Log:       key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "messages")),
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
	return append([]key.Binding{k.Next, k.Prev, k.Tabs[0], k.Tabs[1], k.Tabs[2], k.Tabs[3], k.Projects, k.Me, k.Log, k.Help, k.Quit}, k.ForceQuit)
}

// helpScreenKeys are what the full help (?) takes while it is shown; any
// other key closes it.
func helpScreenKeys() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn/space", "page down")),
	}
}

// ActiveKeys lists every binding that acts in the mode on screen, as
// routeKey lets keys through: the help screen's own; else the switcher's
// or the pane's full help, with the global keys that still act there
// (only ? and ctrl+c while the keyboard is held, only ctrl+c in a text
// input). The key-map test walks the modes with it.
func (m *Model) ActiveKeys() []key.Binding {
	if m.showHelp {
		return append(helpScreenKeys(), m.keys.Quit, m.keys.ForceQuit)
	}
	if m.log.open {
		return append(logKeys(), m.keys.Quit, m.keys.ForceQuit)
	}
	var out []key.Binding
	var capturing bool
	if m.switcher.Active() {
		for _, g := range m.switcher.FullHelp() {
			out = append(out, g...)
		}
		capturing = true
	} else {
		pane := m.panes[m.active]
		for _, g := range pane.FullHelp() {
			out = append(out, g...)
		}
		capturing = pane.Capturing()
	}
	switch {
	case m.typing():
		return append(out, m.keys.ForceQuit)
	case capturing:
		return append(out, m.keys.Help, m.keys.ForceQuit)
	}
	return append(out, m.keys.full()...)
}
