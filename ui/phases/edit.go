package phases

import (
	"fmt"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
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
				shown := p.data
				return p.updatePhase(id, func(stored model.Phase) (model.Phase, error) {
					edited, _, err := model.EditPhase(withPhase(*shown, stored), id, name, start, end)
					return edited, err
				}, noted(summary))
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

// noted is the result of a write that only says note.
func noted(note string) func(model.Phase) common.Result {
	return func(model.Phase) common.Result { return common.Result{Note: note} }
}

// addPhase asks for a name and inserts the phase after the selected one,
// then selects it.
func (p *Pane) addPhase() tea.Cmd {
	after, label := uint64(0), "new phase"
	if ph, ok := p.selected(); ok {
		after, label = ph.ID, "new phase after "+model.SanitizeLine(ph.Name)
	}
	pid := p.data.Project.ID
	return p.prompt.Open(label, "", func(name string) tea.Cmd {
		if _, err := model.InsertPhase(p.phases, after, name); err != nil {
			return common.Error(err)
		}
		// The new phase is the one record without an ID until it is
		// stored; its place in what compute returned finds it after.
		added := -1
		return p.savePhases(fmt.Sprintf("phase %q added", strings.TrimSpace(name)), func(stored []model.Phase) ([]model.Phase, error) {
			next, err := model.InsertPhase(stored, after, name)
			added = slices.IndexFunc(next, func(ph model.Phase) bool { return ph.ID == 0 })
			return next, err
		}, func(saved []model.Phase) tea.Msg {
			if added < 0 || added >= len(saved) {
				return nil
			}
			return selectPhaseMsg{project: pid, phase: saved[added].ID}
		})
	})
}

// removePhase deletes the selected phase after a confirmation that says
// what loses its tie to it (counted on the project shown); undo puts it
// back with its links.
func (p *Pane) removePhase(ph model.Phase) tea.Cmd {
	done, total := ph.WorkDone()
	untied := "nothing else is tied to it"
	if ties := model.TiesToPhase(*p.data, ph.ID); !ties.None() {
		untied = ties.String() + " lose their tie to it"
		if ties.Activities+ties.Changes+ties.Docs == 1 {
			untied = ties.String() + " loses its tie to it"
		}
	}
	q := fmt.Sprintf("Delete phase %q (%s, %d/%d done)? %s; u undoes it", model.SanitizeLine(ph.Name), ph.Status, done, total, untied)
	pid, by, id := p.data.Project.ID, p.actor(), ph.ID
	p.ask(q, func() tea.Cmd {
		return p.ctx.Save(fmt.Sprintf("phase %q deleted", model.SanitizeLine(ph.Name)), func(s *store.Store) error {
			return s.DeletePhase(pid, id, by)
		})
	})
	return nil
}

// movePhase moves the selected phase one place earlier or later. The
// cursor follows the phase when the event arrives; a second key pressed
// before then moves the same phase again, from where it is stored.
func (p *Pane) movePhase(ph model.Phase, delta int) tea.Cmd {
	id := ph.ID
	if _, err := model.MovePhase(p.phases, id, delta); err != nil {
		return common.Error(err)
	}
	dir := "down"
	if delta < 0 {
		dir = "up"
	}
	return p.savePhases(fmt.Sprintf("phase %q moved %s", model.SanitizeLine(ph.Name), dir), func(stored []model.Phase) ([]model.Phase, error) {
		return model.MovePhase(stored, id, delta)
	}, nil)
}

// currentItem is the list and index of the selected item row.
func (p *Pane) currentItem(ph model.Phase) (model.ItemKind, int, bool) {
	return model.ItemAt(ph, p.item)
}

func itemSummary(ph model.Phase, kind model.ItemKind, i int, what string) string {
	return fmt.Sprintf("%s %q of %q %s", kind, model.ItemName(ph, kind, i), ph.Name, what)
}

// toggleItem marks the selected deliverable or exit item done or not done.
// The toggle is applied to the phase as stored, so items ticked before
// the first tick's event arrives all stay ticked, and the note says what
// was stored.
func (p *Pane) toggleItem(ph model.Phase) tea.Cmd {
	kind, i, ok := p.currentItem(ph)
	if !ok {
		return nil
	}
	me, now := p.me(), p.ctx.Now()
	if _, err := model.ToggleItem(ph, kind, i, me, now); err != nil {
		return common.Error(err)
	}
	return p.updatePhase(ph.ID, func(stored model.Phase) (model.Phase, error) {
		return model.ToggleItem(stored, kind, i, me, now)
	}, func(saved model.Phase) common.Result {
		what := "done"
		if !model.ItemDone(saved, kind, i) {
			what = "not done"
		}
		return common.Result{Note: itemSummary(saved, kind, i, what)}
	})
}

// addItem asks for a name and adds a deliverable (or an exit item, when an
// exit item is selected) after the selected one, then selects it.
func (p *Pane) addItem(ph model.Phase) tea.Cmd {
	kind, i, ok := p.currentItem(ph)
	if !ok {
		kind, i = model.ItemDeliverable, len(ph.Deliverables)-1
	}
	pid := p.data.Project.ID
	return p.prompt.Open("new "+kind.String(), "", func(text string) tea.Cmd {
		if _, _, err := model.AddItem(ph, kind, i, text); err != nil {
			return common.Error(err)
		}
		row := 0
		return p.updatePhase(ph.ID, func(stored model.Phase) (model.Phase, error) {
			next, r, err := model.AddItem(stored, kind, i, text)
			row = r
			return next, err
		}, func(saved model.Phase) common.Result {
			k, j, _ := model.ItemAt(saved, row)
			return common.Result{
				Note: itemSummary(saved, k, j, "added"),
				Then: selectPhaseMsg{project: pid, phase: saved.ID, item: row},
			}
		})
	})
}

// renameItem asks for the selected item's new name.
func (p *Pane) renameItem(ph model.Phase) tea.Cmd {
	kind, i, ok := p.currentItem(ph)
	if !ok {
		return nil
	}
	old := model.ItemName(ph, kind, i)
	return p.prompt.Open("rename "+kind.String(), old, func(text string) tea.Cmd {
		if _, err := model.RenameItem(ph, kind, i, text); err != nil {
			return common.Error(err)
		}
		return p.updatePhase(ph.ID, func(stored model.Phase) (model.Phase, error) {
			return model.RenameItem(stored, kind, i, text)
		}, func(saved model.Phase) common.Result {
			return common.Result{Note: fmt.Sprintf("%s %q of %q renamed to %q", kind, old, saved.Name, model.ItemName(saved, kind, i))}
		})
	})
}

// removeItem deletes the selected item after a confirmation, then selects
// the one before it.
func (p *Pane) removeItem(ph model.Phase) tea.Cmd {
	kind, i, ok := p.currentItem(ph)
	if !ok {
		return nil
	}
	if _, err := model.RemoveItem(ph, kind, i); err != nil {
		return common.Error(err)
	}
	pid, row := p.data.Project.ID, p.item
	note := itemSummary(ph, kind, i, "deleted")
	p.ask(fmt.Sprintf("Delete %s %q? u undoes it", kind, model.ItemName(ph, kind, i)), func() tea.Cmd {
		return p.updatePhase(ph.ID, func(stored model.Phase) (model.Phase, error) {
			return model.RemoveItem(stored, kind, i)
		}, func(saved model.Phase) common.Result {
			return common.Result{Note: note, Then: selectPhaseMsg{project: pid, phase: saved.ID, item: max(row-1, 0)}}
		})
	})
	return nil
}

// moveItem moves the selected item within its list. The cursor moves with
// it at once, so that a second key pressed before the event arrives (J
// again, x) acts on the item moved, which is where the cursor says.
func (p *Pane) moveItem(ph model.Phase, delta int) tea.Cmd {
	kind, i, ok := p.currentItem(ph)
	if !ok {
		return nil
	}
	_, row, err := model.MoveItem(ph, kind, i, delta)
	if err != nil {
		return common.Error(err)
	}
	p.item = row
	return p.updatePhase(ph.ID, func(stored model.Phase) (model.Phase, error) {
		next, _, err := model.MoveItem(stored, kind, i, delta)
		return next, err
	}, noted(itemSummary(ph, kind, i, "moved")))
}
