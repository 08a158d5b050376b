package ui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

// The root holds the open project and keeps it current from the events
// writes report: a save costs the records it wrote, not a reload. A full
// load happens at start, on a project switch, and when an event does not
// follow the version held (a write this model did not see: another
// writer's, or one lost in between).

// load starts a full load of the open project.
func (m *Model) load() tea.Cmd {
	m.loading, m.pending = true, nil
	return common.LoadProject(m.ctx.Store, m.projectID)
}

// loaded takes a full load, then the events that came in meanwhile.
func (m *Model) loaded(msg common.ProjectLoadedMsg) tea.Cmd {
	if msg.Data == nil || msg.Data.Project.ID != m.projectID {
		return nil // a load for the project open before a switch
	}
	if m.data != nil && m.data.Project.ID == m.projectID && msg.Data.Version < m.data.Version {
		return nil // older than what is shown
	}
	opening := m.data == nil || m.data.Project.ID != m.projectID
	m.data = msg.Data
	m.projects = msg.Projects
	m.switcher.SetProjects(m.projects, m.projectID)
	pending := m.pending
	m.loading, m.pending = false, nil
	cmds := []tea.Cmd{m.broadcast(msg)}
	if len(pending) > 0 {
		cmds = append(cmds, m.apply(pending))
	}
	if opening {
		// Only when the project comes on screen: a reload must not
		// undo a "nobody" chosen meanwhile.
		cmds = append(cmds, m.matchMe(msg.Data))
	}
	return tea.Batch(cmds...)
}

// saved shows a write's outcome: its events applied, then its note or
// error, then the asking pane's follow-up.
func (m *Model) saved(msg common.SavedMsg) tea.Cmd {
	cmds := []tea.Cmd{m.apply(msg.Events)}
	if errors.Is(msg.Err, store.ErrNotFound) {
		// What the write aimed at is gone (another writer deleted it):
		// show what is stored rather than a record that is not.
		cmds = append(cmds, m.load())
	}
	switch {
	case msg.Err != nil:
		m.setStatus(msg.Err.Error(), true)
	case msg.Note != "":
		m.setStatus(msg.Note, false)
	}
	if msg.Then != nil {
		cmds = append(cmds, m.broadcast(msg.Then))
	}
	return tea.Batch(cmds...)
}

// apply brings the open project up to date with events and tells the
// panes what changed.
func (m *Model) apply(events []model.Event) tea.Cmd {
	var applied []model.Event
	for _, e := range events {
		m.patchProjects(e)
		if e.ProjectID != m.projectID {
			continue
		}
		if m.loading || m.data == nil {
			m.pending = append(m.pending, e)
			continue
		}
		switch {
		case e.Reload:
			return tea.Batch(m.changed(applied), m.load())
		case e.To <= m.data.Version:
			continue // held already
		case !e.Follows(m.data.Version):
			return tea.Batch(m.changed(applied), m.load()) // a write was missed
		}
		m.data = m.data.Apply(e)
		applied = append(applied, e)
	}
	return m.changed(applied)
}

func (m *Model) changed(applied []model.Event) tea.Cmd {
	if len(applied) == 0 {
		return nil
	}
	return m.broadcast(common.ProjectChangedMsg{Data: m.data, Events: applied})
}

// patchProjects keeps the project list (the switcher, the tab bar's
// name) current with the project records an event wrote.
func (m *Model) patchProjects(e model.Event) {
	changed := false
	for _, r := range e.Records {
		p, ok := r.Value.(model.Project)
		if r.Kind != model.KindProject || !ok {
			continue
		}
		for i := range m.projects {
			if m.projects[i].ID == p.ID {
				m.projects[i] = p
				changed = true
			}
		}
	}
	if changed {
		m.switcher.SetProjects(m.projects, m.projectID)
	}
}
