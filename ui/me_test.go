package ui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
)

// The sample project's people used below.
const (
	meSarahID = 7 // Sarah Lefebvre
	meEmmaID  = 8 // Emma Girard
)

func noMe(d *model.ProjectData) { d.Project.MeID = 0 }

func storedMe(t *testing.T, s *store.Store) uint64 {
	t.Helper()
	return projectOf(t, s).Project.MeID
}

func helpBar(m interface{ View() string }) string {
	lines := strings.Split(m.View(), "\n")
	return lines[len(lines)-1]
}

// @ opens the picker over the pane on screen, whichever it is; esc
// closes it onto that pane with nothing written, and a choice writes
// "me" and closes it onto that pane too.
func TestAtOpensOverThePaneAndClosesBackOntoIt(t *testing.T) {
	for pane, tab := range []string{"1", "2", "3", "4"} {
		m, s := newApp(t, noMe)
		settle(t, m, m.Init())
		resize(t, m, 120, 40)
		press(t, m, tab)
		under := m.View()
		press(t, m, "@")
		if m.Active() != pane || !strings.Contains(m.View(), "Who are you?") {
			t.Fatalf("pane %d: @ shows pane %d:\n%s", pane+1, m.Active()+1, m.View())
		}
		if bar := helpBar(m); !strings.Contains(bar, "enter choose") || !strings.Contains(bar, "esc close") {
			t.Errorf("pane %d: the help bar is not the picker's: %q", pane+1, bar)
		}
		press(t, m, "esc")
		if m.Active() != pane || m.View() != under || storedMe(t, s) != 0 {
			t.Fatalf("pane %d: esc left pane %d, me %d, view:\n%s", pane+1, m.Active()+1, storedMe(t, s), m.View())
		}
		press(t, m, "@", "s", "a", "r", "enter")
		if m.Active() != pane || strings.Contains(m.View(), "Who are you?") {
			t.Fatalf("pane %d: choosing left pane %d:\n%s", pane+1, m.Active()+1, m.View())
		}
		if got := storedMe(t, s); got != meSarahID {
			t.Fatalf("pane %d: stored me %d, want Sarah (%d)", pane+1, got, meSarahID)
		}
		if msg, isErr := m.Status(); isErr || !strings.Contains(msg, "you are Sarah Lefebvre") {
			t.Fatalf("pane %d: status %q (error %v)", pane+1, msg, isErr)
		}
		if !strings.Contains(m.View(), "me: Sarah Lefebvre") {
			t.Fatalf("pane %d: the status line does not name me:\n%s", pane+1, m.View())
		}
	}
}

// A sign-off refused for want of "me" can go on in Phases at once: the
// picker returns to the phase's deliverables, where s now asks for the
// note.
func TestAtInThePhasesKeepsTheSignOffAtHand(t *testing.T) {
	m, s := newApp(t, freshMRM("nobody"))
	settle(t, m, m.Init())
	resize(t, m, 120, 40)
	press(t, m, "enter", "s")
	phWantStatus(t, m, true, "choose who you are first")
	press(t, m, "@")
	phType(t, m, "sponsor")
	press(t, m, "enter")
	if m.Active() != 0 || storedMe(t, s) == 0 {
		t.Fatalf("after choosing: pane %d, me %d", m.Active()+1, storedMe(t, s))
	}
	press(t, m, "s")
	if v := phView(m); !strings.Contains(v, "sign-off note for Discovery") {
		t.Fatalf("s does not ask for the sign-off note after @:\n%s", v)
	}
}

// j and k are letters of the filter, not moves; ctrl+j/ctrl+k and the
// arrows move. A
// burst "@jul" opens the picker and types the rest.
func TestJTypesIntoTheMePicker(t *testing.T) {
	m := started(t, 120, 40, noMe)
	_, cmd := m.Update(burst("@jul"))
	settle(t, m, cmd)
	if v := phView(m); !strings.Contains(v, "filter: jul") || !strings.Contains(v, "▸ Julien Roux") || strings.Contains(v, "Sarah") {
		t.Fatalf("\"jul\" is not the filter:\n%s", v)
	}
	press(t, m, "esc", "@", "j")
	if v := phView(m); !strings.Contains(v, "filter: j") {
		t.Fatalf("j did not type:\n%s", v)
	}
	press(t, m, "backspace") // on "(nobody)", the last: me is nobody
	for _, step := range []struct {
		key  tea.KeyType
		want string
	}{{tea.KeyCtrlK, "▸ Julien Roux"}, {tea.KeyUp, "▸ Emma Girard"}, {tea.KeyCtrlJ, "▸ Julien Roux"}, {tea.KeyDown, "▸ (nobody)"}} {
		_, cmd = m.Update(tea.KeyMsg{Type: step.key})
		settle(t, m, cmd)
		if v := phView(m); !strings.Contains(v, step.want) || strings.Contains(v, "filter:") {
			t.Fatalf("%s: want %q:\n%s", step.key, step.want, v)
		}
	}
}

// The cursor stays on the person it is on while the filter narrows: e
// matches Claire first, yet Emma stays chosen.
func TestMePickerStaysOnThePersonWhileNarrowing(t *testing.T) {
	m, s := newApp(t, func(d *model.ProjectData) { d.Project.MeID = meEmmaID })
	settle(t, m, m.Init())
	resize(t, m, 120, 40)
	press(t, m, "@")
	if v := phView(m); !strings.Contains(v, "▸ Emma Girard") {
		t.Fatalf("the picker does not open on me:\n%s", v)
	}
	for _, r := range []string{"e", "m"} {
		press(t, m, r)
		if v := phView(m); !strings.Contains(v, "▸ Emma Girard") {
			t.Fatalf("after %q the cursor left Emma:\n%s", r, v)
		}
	}
	press(t, m, "enter")
	if msg, _ := m.Status(); msg != "nothing changed" || storedMe(t, s) != meEmmaID {
		t.Fatalf("choosing me again: status %q, me %d", msg, storedMe(t, s))
	}
}

// Choosing writes MeID onto the project as stored: a rename made
// elsewhere meanwhile stays.
func TestChoosingMeKeepsTheProjectAsStored(t *testing.T) {
	m, s := newApp(t, noMe)
	settle(t, m, m.Init())
	resize(t, m, 120, 40)
	press(t, m, "@")
	pid := m.ProjectID()
	if _, err := s.UpdateProject(pid, "other", func(p model.Project) (model.Project, error) {
		p.Name = "Renamed"
		return p, nil
	}); err != nil {
		t.Fatal(err)
	}
	phType(t, m, "hugo")
	press(t, m, "enter")
	d := projectOf(t, s)
	if d.Project.MeID != 2 || d.Project.Name != "Renamed" {
		t.Fatalf("stored me %d, name %q; want Hugo (2) and the rename kept", d.Project.MeID, d.Project.Name)
	}
	// Choosing nobody clears it.
	press(t, m, "@")
	phType(t, m, "nobody")
	press(t, m, "enter")
	if got := storedMe(t, s); got != 0 {
		t.Fatalf("me = %d after choosing nobody", got)
	}
}
