package docs

import (
	"github.com/charmbracelet/bubbles/key"

	"mopdeck/ui/components"
)

// keyMap holds the Docs pane's keys. Moving through the list and scrolling
// the doc use different keys so both work without a focus switch. The
// app's vocabulary holds (a add, d delete, t tie, u undo, / search), but
// e edits the doc's text here, so renaming it moves to the capital, E.
type keyMap struct {
	up, down                      key.Binding
	lineDown, lineUp              key.Binding
	pageDown, pageUp, top, bottom key.Binding
	edit, add, rename, tie, del   key.Binding
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
		add:      b([]string{"a"}, "a", "add a doc"),
		rename:   b([]string{"E"}, "E", "rename"),
		tie:      b([]string{"t"}, "t", "tie to a phase"),
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
	switch {
	case p.confirm.Active():
		return components.ConfirmKeys()
	case p.inline != nil:
		return []key.Binding{inlineKeys.save, inlineKeys.close}
	case p.prompt.Active():
		return components.PromptKeys()
	case p.picker.Active():
		return p.picker.ShortHelp()
	case p.search.active():
		return []key.Binding{k.next, k.prev, k.clear, k.edit}
	}
	return []key.Binding{k.down, k.pageDown, k.edit, k.add, k.search}
}

// FullHelp lists every key that acts in the mode on screen, and no other.
func (p *Pane) FullHelp() [][]key.Binding {
	k := p.keys
	switch {
	case p.confirm.Active():
		return [][]key.Binding{components.ConfirmKeys()}
	case p.inline != nil:
		return [][]key.Binding{{inlineKeys.save, inlineKeys.close}}
	case p.prompt.Active():
		return [][]key.Binding{components.PromptKeys()}
	case p.picker.Active():
		return p.picker.FullHelp()
	}
	return [][]key.Binding{
		{k.up, k.down, k.lineDown, k.lineUp, k.pageDown, k.pageUp, k.top, k.bottom},
		{k.edit, k.add, k.rename, k.tie, k.del, k.undo},
		{k.search, k.next, k.prev, k.clear},
	}
}
