package projects

import (
	"mopdeck/ui/uitest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/themes"
	"mopdeck/ui/common"
)

func newSwitcher() *Switcher {
	ctx := &common.Context{Styles: themes.NewStyles(themes.Default(), true),
		Now: func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }}
	s := New(ctx)
	s.SetSize(100, 20)
	s.SetProjects([]model.Project{
		{ID: 1, Name: "Acme MRM", Template: "mrm"},
		{ID: 2, Name: "Old DMP", Template: "dmp", Archived: true},
		{ID: 3, Name: "Migration", Template: "migration"},
		{ID: 4, Name: "Archived but open", Archived: true},
	}, 4)
	s.Open("tester")
	return s
}

func names(ps []model.Project) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func keyMsg(s string) tea.KeyMsg { return uitest.Key(s) }

func TestArchivedHiddenUnlessAsked(t *testing.T) {
	s := newSwitcher()
	if got := strings.Join(names(s.shown), ","); got != "Acme MRM,Migration,Archived but open" {
		t.Fatalf("shown = %s (the open project shows even when archived)", got)
	}
	if p, _ := s.selected(); p.ID != 4 {
		t.Fatalf("opening selects the open project, got %d", p.ID)
	}
	s.Update(keyMsg("v"))
	if len(s.shown) != 4 {
		t.Fatalf("v shows archived: %v", names(s.shown))
	}
	if p, _ := s.selected(); p.ID != 4 {
		t.Fatalf("the selection moved when archived ones appeared: %d", p.ID)
	}
	if v := ansi.Strip(s.View()); !strings.Contains(v, "● Archived but open") || !strings.Contains(v, "Old DMP") {
		t.Fatalf("view:\n%s", v)
	}
}

func TestOpenAnotherProject(t *testing.T) {
	s := newSwitcher()
	s.Update(keyMsg("g"))
	cmd := s.Update(keyMsg("enter"))
	if s.Active() {
		t.Fatal("enter did not close the switcher")
	}
	msg, ok := cmd().(OpenMsg)
	if !ok || msg.ID != 1 || msg.Note != `opened "Acme MRM"` {
		t.Fatalf("enter sent %#v", msg)
	}
	// Enter on the open project just closes.
	s.Open("tester")
	if cmd := s.Update(keyMsg("enter")); cmd != nil || s.Active() {
		t.Fatal("enter on the open project should only close")
	}
}

func TestTakenNameIsAskedAgain(t *testing.T) {
	s := newSwitcher()
	s.Update(keyMsg("a"))
	s.Update(keyMsg("enter")) // the first template
	for _, r := range "acme mrm" {
		s.Update(keyMsg(string(r)))
	}
	cmd := s.Update(keyMsg("enter"))
	if !s.prompt.Active() {
		t.Fatal("the name prompt closed on a taken name")
	}
	var errText string
	msgs := []tea.Msg{cmd()}
	if b, ok := msgs[0].(tea.BatchMsg); ok {
		msgs = msgs[:0]
		for _, c := range b {
			if c != nil {
				msgs = append(msgs, c())
			}
		}
	}
	for _, m := range msgs {
		if e, ok := m.(common.ErrMsg); ok {
			errText = e.Err.Error()
		}
	}
	if !strings.Contains(errText, `a project named "Acme MRM" already exists`) {
		t.Fatalf("error = %q", errText)
	}
	if v := ansi.Strip(s.View()); !strings.Contains(v, "acme mrm") {
		t.Fatalf("the typed name was lost:\n%s", v)
	}
	s.Update(keyMsg("esc"))
	s.Update(keyMsg("esc"))
	if s.mode != modeProjects {
		t.Fatal("esc did not go back to the projects")
	}
}

func TestEveryViewFits(t *testing.T) {
	s := newSwitcher()
	for _, w := range []int{80, 120, 300} {
		s.SetSize(w, 20)
		for _, m := range []mode{modeProjects, modeTemplates} {
			s.mode = m
			for i, l := range strings.Split(s.View(), "\n") {
				if lw := ansi.StringWidth(l); lw > w && m == modeProjects {
					t.Errorf("width %d, line %d is %d cells", w, i, lw)
				}
			}
		}
	}
}

// / narrows the list by name as it is typed (accents and case aside),
// enter keeps the filter, esc clears it; reopening starts unfiltered.
func TestSlashFiltersProjectsByName(t *testing.T) {
	s := newSwitcher()
	s.SetProjects(append(s.all, model.Project{ID: 5, Name: "Réseau — Média plan"}, model.Project{ID: 6, Name: "Medical leads DMP"}), 4)
	s.Update(keyMsg("/"))
	if !s.Typing() {
		t.Fatal("/ opens no filter")
	}
	for _, k := range []string{"m", "e", "d"} {
		s.Update(keyMsg(k))
	}
	if got := strings.Join(names(s.shown), ","); got != "Réseau — Média plan,Medical leads DMP" {
		t.Fatalf(`"med" shows %s`, got)
	}
	if p, _ := s.selected(); p.ID != 5 {
		t.Fatalf("the open project is hidden: the cursor is on %d, want the first match", p.ID)
	}
	s.Update(keyMsg("enter"))
	if s.Typing() || s.query != "med" || !strings.Contains(ansi.Strip(s.View()), `named like "med" (esc shows all)`) {
		t.Fatalf("enter keeps the filter: typing %v, query %q\n%s", s.Typing(), s.query, ansi.Strip(s.View()))
	}
	s.Update(keyMsg("j"))
	s.Update(keyMsg("esc"))
	if !s.Active() || s.query != "" || len(s.shown) != 5 {
		t.Fatalf("esc with a filter clears it and stays open: active %v, query %q, shown %v", s.Active(), s.query, names(s.shown))
	}
	if p, _ := s.selected(); p.ID != 6 {
		t.Fatalf("clearing moved the cursor off its project: %d", p.ID)
	}
	s.Update(keyMsg("/"))
	s.Update(keyMsg("zzz"))
	if v := ansi.Strip(s.View()); !strings.Contains(v, "No project's name holds that") {
		t.Fatalf("no match:\n%s", v)
	}
	s.Update(keyMsg("esc")) // puts back the filter before: none
	if s.query != "" || len(s.shown) != 5 {
		t.Fatalf("esc in the prompt keeps %q, %v", s.query, names(s.shown))
	}
	s.Update(keyMsg("/"))
	s.Update(keyMsg("acme"))
	s.Update(keyMsg("enter"))
	s.Close()
	s.Open("tester")
	if s.query != "" || len(s.shown) != 5 {
		t.Fatalf("reopened with the filter %q: %v", s.query, names(s.shown))
	}
}
