package changes

import (
	"fmt"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// openStatus lists every status for one request; those the workflow
// does not allow from where it stands are dimmed, and choosing one is
// refused with the workflow's reason. The cursor starts on the first
// allowed.
func (p *Pane) openStatus(c model.ChangeRequest) {
	next := model.NextStatuses(c.Status)
	items := make([]components.PickItem, len(model.CRStatuses))
	start := -1
	for i, s := range model.CRStatuses {
		it := components.PickItem{Label: s.String()}
		switch {
		case s == c.Status:
			it.Hint = "current"
		case slices.Contains(next, s):
			it.Hint = "allowed"
			if start < 0 {
				start = i
			}
		default:
			it.Hint, it.Dim = "not from "+c.Status.String(), true
		}
		items[i] = it
	}
	p.mode = modeStatus
	p.picker.Open(fmt.Sprintf("Status of %s — now %s", c.Ref(), c.Status), items, start, func(i int) tea.Cmd {
		return p.setStatus(c, model.CRStatuses[i])
	})
}

// pickerKey hands a key to the open picker (the status or the facets);
// once it closes, the table is back.
func (p *Pane) pickerKey(msg tea.KeyMsg) tea.Cmd {
	cmd := p.picker.Update(msg)
	if !p.picker.Active() {
		p.mode = modeTable
	}
	return cmd
}

// advanceStatus moves a request one step along the main line. The step is
// worked out again from the stored request inside the write, so two quick
// presses take two steps, and each note says what its press did.
func (p *Pane) advanceStatus(c model.ChangeRequest) tea.Cmd {
	if _, ok := model.AdvanceStatus(c.Status); !ok {
		return common.Error(lastStepError(c))
	}
	return p.ctx.Write(p.update(c.ID, func(cur model.ChangeRequest) (model.ChangeRequest, error) {
		to, ok := model.AdvanceStatus(cur.Status)
		if !ok {
			return cur, lastStepError(cur)
		}
		return model.SetStatus(cur, to)
	}, func(before, after model.ChangeRequest) string {
		return fmt.Sprintf("%s: status %s → %s", c.Ref(), before.Status, after.Status)
	}, nil))
}

func lastStepError(c model.ChangeRequest) error {
	return fmt.Errorf("%s is %s, the last step: nothing comes after", c.Ref(), c.Status)
}

// setStatus checks the move against the workflow before anything is
// written (and again on the stored value, inside the write).
func (p *Pane) setStatus(c model.ChangeRequest, to model.CRStatus) tea.Cmd {
	if to == c.Status {
		return nil
	}
	if err := model.CanTransition(c.Status, to); err != nil {
		return common.Error(fmt.Errorf("%s: %w", c.Ref(), err))
	}
	note := fmt.Sprintf("%s: status %s → %s", c.Ref(), c.Status, to)
	if d := model.ImpliedDecision(to); d != c.Decision {
		note += fmt.Sprintf(", decision %s → %s", c.Decision, d) // the rule moves both
	}
	return p.edit(c.ID, note, func(cur model.ChangeRequest) (model.ChangeRequest, error) {
		return model.SetStatus(cur, to)
	})
}
