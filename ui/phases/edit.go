package phases

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
)

// editPhase asks for the name, then the planned start, then the planned
// end, and saves them together: esc at any step saves nothing. A date
// that does not read, or an end before the start, is refused and asked
// again; an overlap with a neighbour is saved with a warning.
func (p *Pane) editPhase(ph model.Phase) tea.Cmd {
	id := ph.ID
	return p.prompt.Open("name", ph.Name, func(name string) tea.Cmd {
		return p.askDate("planned start (YYYY-MM-DD)", ph.PlannedStart, func(start time.Time) tea.Cmd {
			return p.askDate("planned end (YYYY-MM-DD)", ph.PlannedEnd, func(end time.Time) tea.Cmd {
				edited, warns, err := model.EditPhase(*p.data, id, name, start, end)
				if err != nil {
					return common.Error(err)
				}
				summary := fmt.Sprintf("phase %q saved", edited.Name)
				if len(warns) > 0 {
					summary += "; warning: " + strings.Join(warns, "; ")
				}
				p.want = id
				loaded := p.data
				return p.updatePhase(id, summary, func(stored model.Phase) (model.Phase, error) {
					edited, _, err := model.EditPhase(withPhase(*loaded, stored), id, name, start, end)
					return edited, err
				})
			})
		})
	})
}

// askDate prompts for a day; a value that does not read is reported and
// the prompt opens again with it, so nothing typed is lost.
func (p *Pane) askDate(label string, value time.Time, then func(time.Time) tea.Cmd) tea.Cmd {
	v := ""
	if !value.IsZero() {
		v = value.Format(model.DateLayout)
	}
	var ask func(string) tea.Cmd
	ask = func(v string) tea.Cmd {
		return p.prompt.Open(label, v, func(text string) tea.Cmd {
			t, err := model.ParseDate(text)
			if err != nil {
				return tea.Batch(common.Error(err), ask(text))
			}
			return then(t)
		})
	}
	return ask(v)
}

// addPhase asks for a name and inserts the phase after the selected one.
func (p *Pane) addPhase() tea.Cmd {
	after, label := uint64(0), "new phase"
	if ph, ok := p.selected(); ok {
		after, label = ph.ID, "new phase after "+model.SanitizeLine(ph.Name)
	}
	pos := p.cursor.Pos + 1
	return p.prompt.Open(label, "", func(name string) tea.Cmd {
		if _, err := model.InsertPhase(p.phases, after, name); err != nil {
			return common.Error(err)
		}
		p.wantPos, p.wantPosSet = pos, true
		return p.savePhases(fmt.Sprintf("phase %q added", strings.TrimSpace(name)), func(stored []model.Phase) ([]model.Phase, error) {
			return model.InsertPhase(stored, after, name)
		})
	})
}

// removePhase deletes the selected phase after a confirmation; undo puts
// it back with its links.
func (p *Pane) removePhase(ph model.Phase) tea.Cmd {
	done, total := ph.DeliverablesDone()
	q := fmt.Sprintf("Delete phase %q (%s, %d/%d deliverables done)? u undoes it", ph.Name, ph.Status, done, total)
	s, pid, by, id := p.ctx.Store, p.data.Project.ID, p.actor(), ph.ID
	p.confirm.Open(q, func() tea.Cmd {
		return p.writes.Do(common.Save(fmt.Sprintf("phase %q deleted", model.SanitizeLine(ph.Name)), func() error {
			return s.DeletePhase(pid, id, by)
		}))
	})
	return nil
}

// movePhase moves the selected phase one place earlier or later.
func (p *Pane) movePhase(ph model.Phase, delta int) tea.Cmd {
	id := ph.ID
	if _, err := model.MovePhase(p.phases, id, delta); err != nil {
		return common.Error(err)
	}
	dir := "down"
	if delta < 0 {
		dir = "up"
	}
	p.want = id
	return p.savePhases(fmt.Sprintf("phase %q moved %s", model.SanitizeLine(ph.Name), dir), func(stored []model.Phase) ([]model.Phase, error) {
		return model.MovePhase(stored, id, delta)
	})
}

// currentItem is the list and index of the selected item row.
func (p *Pane) currentItem(ph model.Phase) (model.ItemKind, int, bool) {
	return model.ItemAt(ph, p.item)
}

func itemSummary(ph model.Phase, kind model.ItemKind, i int, what string) string {
	return fmt.Sprintf("%s %q of %q %s", kind, model.ItemName(ph, kind, i), ph.Name, what)
}

// toggleItem marks the selected deliverable or exit item done or not done.
func (p *Pane) toggleItem(ph model.Phase) tea.Cmd {
	kind, i, ok := p.currentItem(ph)
	if !ok {
		return nil
	}
	next, err := model.ToggleItem(ph, kind, i, p.me(), p.ctx.Now())
	if err != nil {
		return common.Error(err)
	}
	what := "done"
	if !model.ItemDone(next, kind, i) {
		what = "not done"
	}
	p.want, p.wantItem = ph.ID, p.item
	// The toggle is applied again to the stored phase inside the write, so
	// items ticked before the reload arrives all stay ticked.
	me, now := p.me(), p.ctx.Now()
	return p.updatePhase(ph.ID, itemSummary(ph, kind, i, what), func(stored model.Phase) (model.Phase, error) {
		return model.ToggleItem(stored, kind, i, me, now)
	})
}

// addItem asks for a name and adds a deliverable (or an exit item, when an
// exit item is selected) after the selected one.
func (p *Pane) addItem(ph model.Phase) tea.Cmd {
	kind, i, ok := p.currentItem(ph)
	if !ok {
		kind, i = model.ItemDeliverable, len(ph.Deliverables)-1
	}
	return p.prompt.Open("new "+kind.String(), "", func(text string) tea.Cmd {
		next, row, err := model.AddItem(ph, kind, i, text)
		if err != nil {
			return common.Error(err)
		}
		p.want, p.wantItem = ph.ID, row
		k, j, _ := model.ItemAt(next, row)
		return p.updatePhase(ph.ID, itemSummary(next, k, j, "added"), func(stored model.Phase) (model.Phase, error) {
			next, _, err := model.AddItem(stored, kind, i, text)
			return next, err
		})
	})
}

// renameItem asks for the selected item's new name.
func (p *Pane) renameItem(ph model.Phase) tea.Cmd {
	kind, i, ok := p.currentItem(ph)
	if !ok {
		return nil
	}
	row := p.item
	return p.prompt.Open("rename "+kind.String(), model.ItemName(ph, kind, i), func(text string) tea.Cmd {
		next, err := model.RenameItem(ph, kind, i, text)
		if err != nil {
			return common.Error(err)
		}
		p.want, p.wantItem = ph.ID, row
		return p.updatePhase(ph.ID, itemSummary(ph, kind, i, "renamed to "+fmt.Sprintf("%q", model.ItemName(next, kind, i))), func(stored model.Phase) (model.Phase, error) {
			return model.RenameItem(stored, kind, i, text)
		})
	})
}

// removeItem deletes the selected item after a confirmation.
func (p *Pane) removeItem(ph model.Phase) tea.Cmd {
	kind, i, ok := p.currentItem(ph)
	if !ok {
		return nil
	}
	if _, err := model.RemoveItem(ph, kind, i); err != nil {
		return common.Error(err)
	}
	row := p.item
	p.confirm.Open(fmt.Sprintf("Delete %s %q? u undoes it", kind, model.ItemName(ph, kind, i)), func() tea.Cmd {
		p.want, p.wantItem = ph.ID, max(row-1, 0)
		return p.updatePhase(ph.ID, itemSummary(ph, kind, i, "deleted"), func(stored model.Phase) (model.Phase, error) {
			return model.RemoveItem(stored, kind, i)
		})
	})
	return nil
}

// moveItem moves the selected item within its list.
func (p *Pane) moveItem(ph model.Phase, delta int) tea.Cmd {
	kind, i, ok := p.currentItem(ph)
	if !ok {
		return nil
	}
	_, row, err := model.MoveItem(ph, kind, i, delta)
	if err != nil {
		return common.Error(err)
	}
	p.want, p.wantItem = ph.ID, row
	return p.updatePhase(ph.ID, itemSummary(ph, kind, i, "moved"), func(stored model.Phase) (model.Phase, error) {
		next, _, err := model.MoveItem(stored, kind, i, delta)
		return next, err
	})
}
