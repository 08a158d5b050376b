package projects

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/uitest"
)

// storeSwitcher is a switcher on a real store holding the sample project
// (open) and a second one, with what the root does for it: the project
// list patched from the events of each write, and the status line.
type storeSwitcher struct {
	t        *testing.T
	s        *Switcher
	ctx      *common.Context
	open     uint64
	other    uint64
	projects []model.Project
	err      string
	note     string
}

func newStoreSwitcher(t *testing.T) *storeSwitcher {
	t.Helper()
	ctx, pid := uitest.Sample(t, nil)
	other, err := ctx.Store.CreateProject(model.NewProject(model.Templates()[0], "DMP pilot", uitest.Now), "test")
	if err != nil {
		t.Fatal(err)
	}
	h := &storeSwitcher{t: t, s: New(ctx), ctx: ctx, open: pid, other: other.Project.ID}
	h.projects = h.stored()
	h.s.SetSize(120, 20)
	h.s.SetProjects(h.projects, pid)
	h.s.Open("tester")
	return h
}

func (h *storeSwitcher) stored() []model.Project {
	h.t.Helper()
	ps, err := h.ctx.Store.Projects()
	if err != nil {
		h.t.Fatal(err)
	}
	return ps
}

func (h *storeSwitcher) storedProject(id uint64) model.Project {
	h.t.Helper()
	for _, p := range h.stored() {
		if p.ID == id {
			return p
		}
	}
	h.t.Fatalf("no project %d in the store", id)
	return model.Project{}
}

// deliver stands in for the root: a write's project records patch the
// list handed to the switcher; notes and errors go to the status line.
func (h *storeSwitcher) deliver(msg tea.Msg) []tea.Cmd {
	switch msg := msg.(type) {
	case common.SavedMsg:
		for _, e := range msg.Events {
			for _, r := range e.Records {
				p, ok := r.Value.(model.Project)
				if r.Kind != model.KindProject || !ok {
					continue
				}
				for i := range h.projects {
					if h.projects[i].ID == p.ID {
						h.projects[i] = p
					}
				}
			}
		}
		h.s.SetProjects(h.projects, h.open)
		if msg.Err != nil {
			h.err = msg.Err.Error()
		} else {
			h.note = msg.Note
		}
	case common.ErrMsg:
		h.err = msg.Err.Error()
	default:
		return []tea.Cmd{h.s.Update(msg)}
	}
	return nil
}

func (h *storeSwitcher) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		uitest.Settle(h.t, h.s.Update(uitest.Key(k)), h.deliver)
	}
}

func (h *storeSwitcher) selectName(name string) {
	h.t.Helper()
	for range len(h.s.shown) {
		h.press("k")
	}
	for range len(h.s.shown) {
		if p, _ := h.s.selected(); p.Name == name {
			return
		}
		h.press("j")
	}
	h.t.Fatalf("no project %q in %v", name, names(h.s.shown))
}

// retype clears the prompt and types text, then enter.
func (h *storeSwitcher) retype(text string) {
	h.t.Helper()
	h.press("ctrl+u")
	for _, r := range text {
		h.press(string(r))
	}
	h.press("enter")
}

// A rename writes only the name onto the stored project: a field another
// writer changed after the list was read stays as that writer left it.
func TestRenameKeepsWhatAnotherWriterSaved(t *testing.T) {
	h := newStoreSwitcher(t)
	golive := uitest.Now.AddDate(1, 0, 0)
	if _, err := h.ctx.Store.UpdateProject(h.other, "someone else", func(p model.Project) (model.Project, error) {
		p.GoLive = golive
		return p, nil
	}); err != nil {
		t.Fatal(err)
	}
	h.selectName("DMP pilot")
	h.press("e")
	h.retype("DMP roll-out")
	got := h.storedProject(h.other)
	if got.Name != "DMP roll-out" || !got.GoLive.Equal(golive) {
		t.Fatalf("stored project: name %q, go-live %v (want %v)", got.Name, got.GoLive, golive)
	}
	if h.err != "" || !strings.Contains(h.note, `project "DMP pilot" renamed to "DMP roll-out"`) {
		t.Fatalf("status: error %q, note %q", h.err, h.note)
	}
	if v := ansi.Strip(h.s.View()); !strings.Contains(v, "DMP roll-out") || strings.Contains(v, "DMP pilot") {
		t.Fatalf("the list does not show the stored name:\n%s", v)
	}
	if p, _ := h.s.selected(); p.ID != h.other {
		t.Fatalf("the selection moved to %q", p.Name)
	}
}

// A name the list does not know but the store holds is refused by the
// write; the list keeps showing the stored name.
func TestRenameToANameTakenMeanwhileIsRefused(t *testing.T) {
	h := newStoreSwitcher(t)
	if _, err := h.ctx.Store.CreateProject(model.NewProject(model.Templates()[0], "Newcomer", uitest.Now), "someone else"); err != nil {
		t.Fatal(err)
	}
	h.selectName("DMP pilot")
	h.press("e")
	h.retype("newcomer")
	if !strings.Contains(h.err, `a project named "Newcomer" already exists`) {
		t.Fatalf("error = %q", h.err)
	}
	if got := h.storedProject(h.other); got.Name != "DMP pilot" {
		t.Fatalf("stored name = %q", got.Name)
	}
	if v := ansi.Strip(h.s.View()); !strings.Contains(v, "DMP pilot") {
		t.Fatalf("the list lost the stored name:\n%s", v)
	}
}

func TestArchiveAndRestoreThroughTheWriter(t *testing.T) {
	h := newStoreSwitcher(t)
	h.selectName("DMP pilot")
	h.press("x")
	if !h.s.confirm.Active() {
		t.Fatal("archiving asks no confirmation")
	}
	h.press("y")
	if !h.storedProject(h.other).Archived {
		t.Fatalf("archive not stored (error %q)", h.err)
	}
	if v := ansi.Strip(h.s.View()); strings.Contains(v, "DMP pilot") || !strings.Contains(v, "1 archived hidden") {
		t.Fatalf("the archived project is still listed:\n%s", v)
	}
	if h.note != `project "DMP pilot" archived` {
		t.Fatalf("note = %q", h.note)
	}
	h.press("v")
	h.selectName("DMP pilot")
	h.press("x")
	if h.storedProject(h.other).Archived {
		t.Fatal("restore not stored")
	}
	if h.note != `project "DMP pilot" restored` {
		t.Fatalf("note = %q", h.note)
	}
	// The open project stays open: it cannot be archived.
	h.selectName(h.storedProject(h.open).Name)
	h.press("x")
	if !strings.Contains(h.err, "is the open project") || h.storedProject(h.open).Archived {
		t.Fatalf("the open project was archived (error %q)", h.err)
	}
}
