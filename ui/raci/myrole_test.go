package raci

import (
	"strings"
	"testing"
)

func TestChooseMeThenMyRole(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 24)
	hs.press("M")
	if v := hs.view(); !strings.Contains(v, "press @ and pick yourself") {
		t.Fatalf("my role without me:\n%s", v)
	}
	hs.press("@")
	if !hs.pane.Capturing() || !strings.Contains(hs.view(), "Who are you?") {
		t.Fatalf("no people picker:\n%s", hs.view())
	}
	hs.typeText("cy")
	if me := hs.data().Project.MeID; me != 3 {
		t.Fatalf("MeID = %d, want 3 (Cy)", me)
	}
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
	// Choosing nobody clears it.
	hs.press("@")
	hs.typeText("nobody")
	if me := hs.data().Project.MeID; me != 0 {
		t.Fatalf("MeID = %d after choosing nobody", me)
	}
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

func TestPickerNarrowsAndScrolls(t *testing.T) {
	hs := newHarness(t, bigProject(10, 60), 100, 12)
	hs.press("@")
	v := hs.view()
	if !strings.Contains(v, "P01 Name") || strings.Contains(v, "P20 Name") {
		t.Fatalf("the picker should show the first people only:\n%s", v)
	}
	for range 25 {
		hs.press("down")
	}
	if v := hs.view(); !strings.Contains(v, "▸ P26 Name") {
		t.Fatalf("the picker did not scroll with the cursor:\n%s", v)
	}
	for _, r := range "zzz" {
		hs.press(string(r))
	}
	if v := hs.view(); !strings.Contains(v, "nothing matches") || !strings.Contains(v, "(0 of 61)") {
		t.Fatalf("no empty-filter note:\n%s", v)
	}
	hs.press("enter")
	if !hs.pane.Capturing() {
		t.Fatal("enter on an empty list closed the picker")
	}
	hs.press("backspace", "backspace", "backspace")
	for _, r := range "p42" {
		hs.press(string(r))
	}
	hs.press("enter")
	if me := hs.data().Project.MeID; me != 42 {
		t.Fatalf("MeID = %d, want 42", me)
	}
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
