package docs

import "github.com/charmbracelet/bubbles/key"

// keyMap holds the Docs pane's keys. Moving through the list and scrolling
// the doc use different keys so both work without a focus switch.
type keyMap struct {
	up, down                      key.Binding
	lineDown, lineUp              key.Binding
	pageDown, pageUp, top, bottom key.Binding
	edit, add, rename, phase, del key.Binding
	undo                          key.Binding
	search, next, prev, clear     key.Binding
}

func newKeys() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		up:       b([]string{"up", "k"}, "↑/k", "previous doc"),
		down:     b([]string{"down", "j"}, "↓/j", "next doc"),
		lineDown: b([]string{"J", "shift+down"}, "J", "scroll down a line"),
		lineUp:   b([]string{"K", "shift+up"}, "K", "scroll up a line"),
		pageDown: b([]string{"pgdown", " ", "ctrl+d"}, "pgdn/space", "scroll down a page"),
		pageUp:   b([]string{"pgup", "b", "ctrl+u"}, "pgup/b", "scroll up a page"),
		top:      b([]string{"home", "g"}, "g/home", "top of the doc"),
		bottom:   b([]string{"end", "G"}, "G/end", "end of the doc"),
		edit:     b([]string{"e"}, "e", "edit in $EDITOR"),
		add:      b([]string{"n"}, "n", "new doc"),
		rename:   b([]string{"r"}, "r", "rename"),
		phase:    b([]string{"p"}, "p", "tie to a phase"),
		del:      b([]string{"d"}, "d", "delete"),
		undo:     b([]string{"u"}, "u", "undo the last doc change"),
		search:   b([]string{"/"}, "/", "search all docs"),
		next:     b([]string{"ctrl+n"}, "ctrl+n", "next match"),
		prev:     b([]string{"ctrl+p"}, "ctrl+p", "previous match"),
		clear:    b([]string{"esc"}, "esc", "clear the search"),
	}
}

// ShortHelp lists the keys shown in the help bar.
func (p *Pane) ShortHelp() []key.Binding {
	k := p.keys
	if p.search.active() {
		return []key.Binding{k.next, k.prev, k.clear, k.edit}
	}
	return []key.Binding{k.down, k.pageDown, k.edit, k.add, k.search}
}

// FullHelp lists every key of the pane.
func (p *Pane) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{
		{k.up, k.down, k.lineDown, k.lineUp, k.pageDown, k.pageUp, k.top, k.bottom},
		{k.edit, k.add, k.rename, k.phase, k.del, k.undo},
		{k.search, k.next, k.prev, k.clear},
	}
}
