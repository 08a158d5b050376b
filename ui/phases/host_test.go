package phases

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/uitest"
)

// harness runs the pane as the app would: a uitest.Host in the root's
// place applies each write's events and hands the pane the result.
type harness struct {
	t    *testing.T
	p    *Pane
	host *uitest.Host
	ctx  *common.Context
	pid  uint64
}

// newHarness opens the pane, 120×40, on the sample project changed by
// edit (when not nil) and waits for the first load.
func newHarness(t *testing.T, edit func(d *model.ProjectData)) *harness {
	t.Helper()
	ctx, pid := uitest.Sample(t, edit)
	p := New(ctx)
	p.SetSize(120, 40)
	h := &harness{t: t, p: p, ctx: ctx, pid: pid}
	h.host = &uitest.Host{Pane: p, Load: common.LoadProject(ctx.Store, pid)}
	h.run(h.host.Load)
	if p.data == nil {
		t.Fatalf("the project did not load: %s", h.host.Err)
	}
	return h
}

// freshMRM is a new MRM project whose Discovery phase runs, seen by the
// person of role me, with its deliverables and exit items done as done
// says.
func freshMRM(me string, done bool) func(d *model.ProjectData) {
	return func(d *model.ProjectData) {
		tpl, _ := model.TemplateByKey("mrm")
		fresh := model.NewProject(tpl, "Fresh MRM", uitest.Now.AddDate(0, 0, -3))
		disc := &fresh.Phases[0]
		disc.Status, disc.ActualStart = model.PhaseInProgress, uitest.Now.AddDate(0, 0, -3)
		for i := range disc.Deliverables {
			disc.Deliverables[i].Done = done
		}
		for i := range disc.Checklist {
			disc.Checklist[i].Done = done
		}
		for _, p := range fresh.People {
			if p.Name == me {
				fresh.Project.MeID = p.ID
			}
		}
		*d = fresh
	}
}

// asLead makes the project's lead "me".
func asLead(d *model.ProjectData) { d.Project.MeID = d.Project.LeadID }

// run runs cmd and everything it leads to, batches shuffled.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	uitest.Settle(h.t, cmd, h.host.Deliver)
}

// press presses each key and runs what it leads to before the next.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.run(h.p.Update(uitest.Key(k)))
	}
}

// collect presses each key without running its command, as a fast typist
// does, and returns the commands in the order of the keys.
func (h *harness) collect(keys ...string) []tea.Cmd {
	var cmds []tea.Cmd
	for _, k := range keys {
		cmds = append(cmds, h.p.Update(uitest.Key(k)))
	}
	return cmds
}

// stored reads a phase, by name, off the store.
func (h *harness) stored(name string) model.Phase {
	h.t.Helper()
	phases, err := h.ctx.Store.Phases(h.pid)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, ph := range phases {
		if ph.Name == name {
			return ph
		}
	}
	h.t.Fatalf("no phase %q stored", name)
	return model.Phase{}
}

// shown is a phase, by name, as the pane shows it.
func (h *harness) shown(name string) model.Phase {
	h.t.Helper()
	for _, ph := range h.p.phases {
		if ph.Name == name {
			return ph
		}
	}
	h.t.Fatalf("no phase %q shown", name)
	return model.Phase{}
}
