package phases

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
)

// errNoMe asks for the "me" choice that gate moves and checklist checks
// are recorded under.
var errNoMe = errors.New(`choose who you are first (@ picks "me"): it is recorded in your name`)

// signOff asks for a note, then for confirmation, then signs the gate as
// "me". Someone who may not sign, or a gate still blocked, is refused at
// once with the reason; the gate panel lists every blocker.
func (p *Pane) signOff(ph model.Phase) tea.Cmd {
	me := p.me()
	if me == 0 {
		return common.Error(errNoMe)
	}
	if err := model.CanSignOff(*p.data, ph.ID, me); err != nil {
		return common.Error(err)
	}
	id, name, who := ph.ID, model.SanitizeLine(ph.Name), model.SanitizeLine(p.data.PersonName(me))
	return p.prompt.Open("sign-off note for "+name+" (enter to go on, esc cancels)", "", func(note string) tea.Cmd {
		p.ask(fmt.Sprintf("Sign off the %q gate as %s?", name, who), func() tea.Cmd {
			// The project may have changed meanwhile: refuse at once on
			// what is shown now, then judge again on the phases as stored
			// when the write runs.
			now := p.ctx.Now()
			signed, err := model.SignOff(*p.data, id, me, note, now)
			if err != nil {
				return common.Error(err)
			}
			summary := fmt.Sprintf("gate %q signed off by %s", name, who)
			if signed.Gate.Note != "" {
				summary += ": " + signed.Gate.Note
			}
			return p.gateMove(summary, func(d model.ProjectData) (model.Phase, error) {
				return model.SignOff(d, id, me, note, now)
			})
		})
		return nil
	})
}

// start begins a phase whose turn has come.
func (p *Pane) start(ph model.Phase) tea.Cmd {
	id, now := ph.ID, p.ctx.Now()
	if _, err := model.StartPhase(*p.data, id, now); err != nil {
		return common.Error(err)
	}
	return p.gateMove(fmt.Sprintf("phase %q started", model.SanitizeLine(ph.Name)), func(d model.ProjectData) (model.Phase, error) {
		return model.StartPhase(d, id, now)
	})
}

// override lets the lead start a phase before the previous gate, with a
// reason that is recorded on the gate.
func (p *Pane) override(ph model.Phase) tea.Cmd {
	me := p.me()
	if me == 0 {
		return common.Error(errNoMe)
	}
	// Refuse early what the reason cannot fix: the wrong person, a phase
	// already running, an override nobody needs.
	if _, err := model.OverrideStart(*p.data, ph.ID, me, "(reason to come)", p.ctx.Now()); err != nil {
		return common.Error(err)
	}
	id, name := ph.ID, model.SanitizeLine(ph.Name)
	return p.prompt.Open("why start "+name+" before the previous gate", "", func(reason string) tea.Cmd {
		now := p.ctx.Now()
		started, err := model.OverrideStart(*p.data, id, me, reason, now)
		if err != nil {
			return common.Error(err)
		}
		summary := fmt.Sprintf("phase %q started before the previous gate: %s", name, started.Gate.Override.Reason)
		return p.gateMove(summary, func(d model.ProjectData) (model.Phase, error) {
			return model.OverrideStart(d, id, me, reason, now)
		})
	})
}

// requestSignOff marks a running phase as waiting for its gate. When work
// is still open it names it and asks first: a phase may be put forward
// with work open, but not without saying so.
func (p *Pane) requestSignOff(ph model.Phase) tea.Cmd {
	id, name := ph.ID, model.SanitizeLine(ph.Name)
	if _, err := model.RequestSignOff(*p.data, id); err != nil {
		return common.Error(err)
	}
	mark := func() tea.Cmd {
		return p.gateMove(fmt.Sprintf("phase %q is ready for sign-off", name), func(d model.ProjectData) (model.Phase, error) {
			return model.RequestSignOff(d, id)
		})
	}
	open := model.OpenWork(*p.data, id)
	if len(open) == 0 {
		return mark()
	}
	// The count comes first: a narrow window may cut the list, never it.
	p.ask(fmt.Sprintf("Mark %q ready for sign-off with %d still open? %s",
		name, len(open), model.DescribeBlockers(open)), mark)
	return nil
}
