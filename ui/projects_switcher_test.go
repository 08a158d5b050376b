package ui_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/themes"
	"mopdeck/ui"
	"mopdeck/ui/cli"
	"mopdeck/ui/common"
	"mopdeck/ui/uitest"
)

func projByName(t testing.TB, s *store.Store, name string) (model.Project, bool) {
	t.Helper()
	ps, err := s.Projects()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Name == name {
			return p, true
		}
	}
	return model.Project{}, false
}

func TestSwitcherCreatesFromTemplateAndOpensIt(t *testing.T) {
	m, s := phStarted(t, 120, 40, nil)
	first := m.ProjectID()
	defer func() {
		if p, ok := projByName(t, s, "CRM migration"); !ok || p.Template != "migration" || p.Start.Format(model.DateLayout) != "2027-01-04" {
			t.Errorf("stored project = %+v", p)
		}
	}()
	press(t, m, "p")
	if v := phView(m); !strings.Contains(v, "● Acme MRM roll-out") || !strings.Contains(v, "a add from a template") {
		t.Fatalf("the switcher does not list the open project:\n%s", v)
	}
	press(t, m, "a", "j") // the migration template
	if v := phView(m); !strings.Contains(v, "Discovery and inventory → Move to the new platform") {
		t.Fatalf("the template's phases are not shown:\n%s", v)
	}
	press(t, m, "enter")
	phType(t, m, "Acme MRM roll-out") // taken: asked again
	press(t, m, "enter")
	phWantStatus(t, m, true, `a project named "Acme MRM roll-out" already exists`)
	phClear(t, m)
	phType(t, m, "CRM migration")
	press(t, m, "enter")
	if v := phView(m); !strings.Contains(v, "start date (YYYY-MM-DD): 2026-11-23") {
		t.Fatalf("the start date is not offered as today:\n%s", v)
	}
	phClear(t, m)
	phType(t, m, "2027-01-04")
	press(t, m, "enter")

	if m.ProjectID() == first {
		t.Fatal("the new project was not opened")
	}
	phWantStatus(t, m, false, `created "CRM migration" from Martech platform migration: 4 phases`)
	v := phView(m)
	for _, want := range []string{"◆ CRM migration", "Discovery and inventory", "User acceptance testing", "First send at parity", "01-04→"} {
		if !strings.Contains(v, want) {
			t.Errorf("the new project's view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Projects ·") {
		t.Error("the switcher stayed open")
	}
	// Every pane got the new project.
	press(t, m, "4")
	if v := phView(m); !strings.Contains(v, "Migration playbook") && !strings.Contains(v, "playbook") {
		t.Errorf("the Docs pane still shows the old project:\n%s", v)
	}
	// Going back is one key away.
	press(t, m, "p", "k", "enter")
	if m.ProjectID() != first {
		t.Fatalf("project = %d, want %d", m.ProjectID(), first)
	}
}

func TestSwitcherRenameAndArchive(t *testing.T) {
	m, s := phStarted(t, 120, 40, nil)
	other, err := s.CreateProject(model.NewProject(model.Templates()[3], "DMP pilot", now), "test")
	if err != nil {
		t.Fatal(err)
	}
	press(t, m, "p", "j", "e")
	phClear(t, m)
	phType(t, m, "DMP roll-out")
	press(t, m, "enter")
	if _, ok := projByName(t, s, "DMP roll-out"); !ok {
		t.Fatal("rename not saved")
	}
	if v := phView(m); !strings.Contains(v, "DMP roll-out") || !strings.Contains(v, "Projects ·") {
		t.Fatalf("the switcher does not show the new name:\n%s", v)
	}

	// The open project cannot be archived.
	press(t, m, "k", "x")
	phWantStatus(t, m, true, "is the open project: open another one before archiving it")

	press(t, m, "j", "x")
	if v := phView(m); !strings.Contains(v, `Archive "DMP roll-out"?`) {
		t.Fatalf("no confirmation:\n%s", v)
	}
	press(t, m, "y")
	if p, _ := projByName(t, s, "DMP roll-out"); !p.Archived {
		t.Fatal("archive not saved")
	}
	v := phView(m)
	if switcherLists(v, "DMP roll-out") || !strings.Contains(v, "1 archived hidden") {
		t.Fatalf("the archived project is still listed:\n%s", v)
	}
	press(t, m, "v")
	if v := phView(m); !switcherLists(v, "DMP roll-out") || !strings.Contains(v, "2026-11-23 → 2027-02-22 archived") {
		t.Fatalf("v does not show archived projects:\n%s", v)
	}
	press(t, m, "j", "x") // restore
	if p, _ := projByName(t, s, "DMP roll-out"); p.Archived {
		t.Fatal("restore not saved")
	}
	press(t, m, "esc")
	if v := phView(m); strings.Contains(v, "Projects ·") {
		t.Fatal("esc did not close the switcher")
	}
	_ = other
}

func TestSwitcherHoldsTheKeyboard(t *testing.T) {
	m, _ := phStarted(t, 120, 40, nil)
	press(t, m, "p", "2", "q") // neither a tab switch nor quit
	if m.Active() != 0 {
		t.Fatalf("a tab key went through the switcher: pane %d", m.Active())
	}
	if v := phView(m); !strings.Contains(v, "Projects ·") {
		t.Fatalf("the switcher closed on q:\n%s", v)
	}
	for _, sz := range [][2]int{{80, 24}, {300, 100}} {
		_, cmd := m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		settle(t, m, cmd)
		assertFits(t, m.View(), sz[0], sz[1])
	}
	press(t, m, "a")
	for _, sz := range [][2]int{{80, 24}, {300, 100}} {
		_, cmd := m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		settle(t, m, cmd)
		assertFits(t, m.View(), sz[0], sz[1])
	}
}

// TestEveryTemplateFromTheCommandLineOpensInTheUI creates one project per
// template with `mopdeck new` and opens each in the interface: every phase
// of the template is listed.
func TestEveryTemplateFromTheCommandLineOpensInTheUI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	for _, tpl := range model.Templates() {
		name := "Project " + tpl.Key
		var out, errOut bytes.Buffer
		code := cli.Run([]string{"--db", db, "new", "--template", tpl.Key, "--start", "2027-01-04", name}, "test", &out, &errOut, nil)
		if code != 0 {
			t.Fatalf("mopdeck new --template %s: exit %d: %s", tpl.Key, code, errOut.String())
		}
		if want := fmt.Sprintf("%d phases", len(tpl.Phases)); !strings.Contains(out.String(), want) {
			t.Errorf("new %s said %q, want %q", tpl.Key, out.String(), want)
		}
	}
	var out bytes.Buffer
	if code := cli.Run([]string{"templates"}, "test", &out, &out, nil); code != 0 {
		t.Fatalf("mopdeck templates: exit %d", code)
	}
	for _, want := range []string{"mrm", "migration", "campaign", "dmp", "marketo-audit", "data-cleanup", "year-in-review"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("mopdeck templates does not list %s:\n%s", want, out.String())
		}
	}

	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := &common.Context{Store: s, Styles: themes.NewStyles(themes.Default(), true), Now: func() time.Time { return now }}
	for _, tpl := range model.Templates() {
		p, ok := projByName(t, s, "Project "+tpl.Key)
		if !ok {
			t.Fatalf("project for %s not stored", tpl.Key)
		}
		m := ui.New(ctx, p.ID)
		settle(t, m, m.Init())
		_, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		settle(t, m, cmd)
		v := phView(m)
		for _, ph := range tpl.Phases {
			if !strings.Contains(v, ph.Name) {
				t.Errorf("%s: phase %q not in the view:\n%s", tpl.Key, ph.Name, v)
			}
		}
		if !strings.Contains(v, "01-04→") {
			t.Errorf("%s: the first phase is not planned from the start date:\n%s", tpl.Key, v)
		}
	}
}

// switcherLists tells whether a row of the projects list names the
// project (past the selection mark, then the open-project mark).
func switcherLists(view, name string) bool {
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(uitest.Unmarked(uitest.Unmarked(l)), name) {
			return true
		}
	}
	return false
}
