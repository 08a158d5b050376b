package uitest

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

// Host plays the root model's part for one pane in a pane package's
// tests: it applies the events a write reports to the project it holds,
// hands the pane the result as the root would (ProjectChangedMsg, then
// the write's follow-up) and keeps the status line. A full load happens
// only when an event does not follow the version held, as in the root.
type Host struct {
	Pane interface{ Update(tea.Msg) tea.Cmd }
	Data *model.ProjectData
	// Load reads the project again (the pane's store, its project).
	Load tea.Cmd
	// Err and Note are the status line: the last error, the last note;
	// Errs and Notes every one, oldest first.
	Err, Note   string
	Errs, Notes []string
}

func (h *Host) err(text string) {
	h.Err = text
	h.Errs = append(h.Errs, text)
}

func (h *Host) note(text string) {
	h.Note = text
	h.Notes = append(h.Notes, text)
}

// Deliver handles one message as the root would and returns the commands
// it leads to.
func (h *Host) Deliver(msg tea.Msg) []tea.Cmd {
	switch msg := msg.(type) {
	case common.ErrMsg:
		h.err(msg.Err.Error())
	case common.NoteMsg:
		h.note(msg.Text)
	case common.ProjectLoadedMsg:
		if h.Data != nil && msg.Data.Version < h.Data.Version {
			return nil
		}
		h.Data = msg.Data
		return []tea.Cmd{h.Pane.Update(msg)}
	case common.SavedMsg:
		var cmds []tea.Cmd
		var applied []model.Event
		for _, e := range msg.Events {
			if h.Data == nil || e.ProjectID != h.Data.Project.ID || e.To <= h.Data.Version {
				continue
			}
			if e.Reload || !e.Follows(h.Data.Version) {
				cmds = append(cmds, h.Load)
				break
			}
			h.Data = h.Data.Apply(e)
			applied = append(applied, e)
		}
		if len(applied) > 0 {
			cmds = append(cmds, h.Pane.Update(common.ProjectChangedMsg{Data: h.Data, Events: applied}))
		}
		if errors.Is(msg.Err, store.ErrNotFound) {
			cmds = append(cmds, h.Load) // gone meanwhile: show what is stored
		}
		if msg.Err != nil {
			h.err(msg.Err.Error())
		} else if msg.Note != "" {
			h.note(msg.Note)
		}
		if msg.Then != nil {
			cmds = append(cmds, h.Pane.Update(msg.Then))
		}
		return cmds
	default:
		return []tea.Cmd{h.Pane.Update(msg)}
	}
	return nil
}
