package changes

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/themes"
	"mopdeck/ui/common"
)

// statusPicker lists every status for one request; those the workflow
// does not allow from where it stands are dimmed, and choosing one is
// refused with the workflow's reason.
type statusPicker struct {
	cr   model.ChangeRequest
	list choice
}

func (p *Pane) openStatus(c model.ChangeRequest) {
	next := model.NextStatuses(c.Status)
	items := make([]choiceItem, 0, len(model.CRStatuses))
	start := 0
	for _, s := range model.CRStatuses {
		it := choiceItem{label: s.String(), value: s.String()}
		switch {
		case s == c.Status:
			it.hint = "current"
		case slices.Contains(next, s):
			it.hint = "allowed"
			if start == 0 {
				start = len(items)
			}
		default:
			it.hint, it.dim = "not from "+c.Status.String(), true
		}
		items = append(items, it)
	}
	p.status = statusPicker{cr: c, list: newChoice(fmt.Sprintf("Status of %s — now %s", c.Ref(), c.Status), items, false)}
	p.status.list.cursor.Pos = start
	p.mode = modeStatus
}

func (p *Pane) statusKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.keys.back):
		p.mode = modeTable
	case key.Matches(msg, p.keys.choose):
		p.mode = modeTable
		it, ok := p.status.list.selected()
		if !ok {
			return nil
		}
		to := model.CRStatuses[slices.IndexFunc(model.CRStatuses, func(s model.CRStatus) bool { return s.String() == it.value })]
		return p.setStatus(p.status.cr, to)
	default:
		p.status.list.move(p.keys, msg)
	}
	return nil
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
	return p.edit(c.ID, fmt.Sprintf("%s: status %s → %s", c.Ref(), c.Status, to), func(cur model.ChangeRequest) (model.ChangeRequest, error) {
		return model.SetStatus(cur, to)
	})
}

func (s *statusPicker) view(st *themes.Styles, w, h int) string {
	return s.list.view(st, w, h)
}
