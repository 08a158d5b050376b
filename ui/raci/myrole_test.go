package raci

import (
	"strings"
	"testing"

	"mopdeck/model"
)

// setMe stores "me" on the project and reloads it, as choosing with @
// (the root's picker) does.
func (hs *harness) setMe(id uint64) {
	hs.t.Helper()
	if _, err := hs.store.UpdateProject(hs.pid, "test", func(p model.Project) (model.Project, error) {
		p.MeID = id
		return p, nil
	}); err != nil {
		hs.t.Fatal(err)
	}
	hs.open(hs.pid)
}

func TestMyRoleShowsMeLetters(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 24)
	hs.press("M")
	if v := hs.view(); !strings.Contains(v, "press @ and pick yourself") {
		t.Fatalf("my role without me:\n%s", v)
	}
	hs.press("esc")
	hs.setMe(3) // Cy
	hs.press("M")
	want := []string{
		"My role — Cy · creative",
		"R 2 · A 0 · C 0 · I 0",
		"▾ Design",
		"  R  Responsible: you do the work",
		"       Design review",
		"▾ Build",
		"  R  Responsible: you do the work",
		"       Build config",
	}
	assertLines(t, hs.view(), want)
	// A letter set in the grid shows up in the view.
	hs.press("esc")
	hs.goTo("Design document", "Cy")
	hs.press("i", "M")
	assertLines(t, hs.view(), []string{
		"My role — Cy · creative",
		"R 2 · A 0 · C 0 · I 1",
		"▾ Design",
		"  R  Responsible: you do the work",
		"       Design review",
		"  I  Informed: you are told once it is done",
		"       Design document",
		"▾ Build",
		"  R  Responsible: you do the work",
		"       Build config",
	})
}

// assertLines checks that the non-blank lines of view are want, trimmed.
func assertLines(t *testing.T, view string, want []string) {
	t.Helper()
	var got []string
	for _, l := range strings.Split(view, "\n") {
		if l = strings.TrimRight(l, " "); l != "" {
			got = append(got, l)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("view:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMyRoleScrolls(t *testing.T) {
	hs := newHarness(t, bigProject(10, 60), 100, 12)
	hs.setMe(42)
	hs.press("M")
	if v := hs.view(); !strings.Contains(v, "My role — P42 Name") {
		t.Fatalf("my role:\n%s", v)
	}
	for range 40 {
		hs.press("j")
	}
	sc := hs.pane.myRole.scroll
	if sc.Offset == 0 || sc.Offset > sc.N-sc.Height {
		t.Fatalf("scroll offset %d of %d lines in %d", sc.Offset, sc.N, sc.Height)
	}
	hs.press("esc")
	if hs.pane.view != viewGrid {
		t.Fatal("esc did not go back to the grid")
	}
}
