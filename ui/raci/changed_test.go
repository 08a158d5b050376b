package raci

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/ui/common"
)

// Letters are patched into the grid from their events; the screen must be
// the one a fresh load of the same project draws.
func TestPatchedLettersDrawAsALoad(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design document", "Cy")
	hs.press("a", "c", "space", "i", "u")
	hs.goTo("Build config", "Ana")
	hs.press("a", "backspace", "r")
	hs.goTo("Design review", "Bo")
	hs.press("a")

	fresh := New(hs.pane.ctx)
	fresh.SetSize(100, 20)
	fresh.Update(common.ProjectLoadedMsg{Data: hs.pane.data})
	fresh.rowCur, fresh.colCur = hs.pane.rowCur, hs.pane.colCur
	if got, want := hs.view(), ansi.Strip(fresh.View()); got != want {
		t.Fatalf("patched grid:\n%s\nfresh load:\n%s", got, want)
	}
	if hs.pane.data.Version != hs.data().Version {
		t.Fatalf("the pane holds version %d, the store %d", hs.pane.data.Version, hs.data().Version)
	}
}
