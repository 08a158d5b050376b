package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
)

// A live root follows every write committed to the store, not only its
// own: in team mode each SSH session is a root of one process, and a
// command run through the process that owns the file writes beside the
// app. The store's subscription hands over the events in commit order;
// they are applied like the root's own (m.apply), so the panes patch
// what changed and each keeps its cursor. The root's own writes come
// twice, once from the writer and once from the subscription: the second
// is dropped, as it is held already (its version is not newer).

// liveMsg carries events committed through the store by any writer.
type liveMsg struct{ events []model.Event }

// listen waits for the next events; nil unless the context is live.
func (m *Model) listen() tea.Cmd {
	if !m.ctx.Live {
		return nil
	}
	sub, s := m.ctx.Subscription(), m.ctx.Store
	return func() tea.Msg {
		events, ok := sub.Next()
		if !ok {
			return nil // the session ended
		}
		return liveMsg{events: common.Personal(s, events)}
	}
}

// live applies events from the subscription and waits for more.
func (m *Model) live(msg liveMsg) tea.Cmd {
	return tea.Batch(m.apply(msg.events), m.listen())
}
