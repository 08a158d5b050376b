package changes

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
)

func TestTriageWithSingleKeys(t *testing.T) {
	h := newHarness(t, nil)
	h.press("t")
	if !h.p.Capturing() {
		t.Fatal("triage must hold the keyboard so that digits reach it")
	}
	v := h.view()
	if !strings.Contains(v, "Triage · CR-12 · 1 of 4 untriaged") {
		t.Fatalf("progress line missing:\n%s", v)
	}
	if !strings.Contains(v, "Upload fails without a message") {
		t.Fatalf("the description is not rendered:\n%s", v)
	}
	h.press("4", "l", "e")
	for _, r := range "6" {
		h.press(string(r))
	}
	h.press("enter")
	c := h.stored(12)
	if c.Impact != 4 || c.Complexity != model.ComplexityLow || c.EstimateHrs != 6 || c.Status != model.StatusNew {
		t.Fatalf("ratings not saved one by one: %+v", c)
	}
	if v := h.view(); !strings.Contains(v, "impact 4") || !strings.Contains(v, "quick win") {
		t.Fatalf("the ratings are not shown:\n%s", v)
	}
	h.press("n")
	if c := h.stored(12); c.Decision != model.DecisionNow || c.Status != model.StatusTriaged {
		t.Fatalf("decision not saved: %+v", c)
	}
	v = h.view()
	if !strings.Contains(v, "Triage · CR-13 · 1 of 3 untriaged") {
		t.Fatalf("did not move on to the next untriaged request:\n%s", v)
	}
	h.press("2", "h", "L")
	if c := h.stored(13); c.Decision != model.DecisionLater || c.Status != model.StatusDeferred || c.Impact != 2 {
		t.Fatalf("CR-13: %+v", c)
	}
	h.press("x")
	if c := h.stored(14); c.Decision != model.DecisionRejected || c.Status != model.StatusRejected {
		t.Fatalf("CR-14: %+v", c)
	}
	if v := h.view(); !strings.Contains(v, "CR-15 · 1 of 1 untriaged") {
		t.Fatalf("progress:\n%s", v)
	}
	// History says who did it.
	hist, err := h.s.History(h.pid, 0)
	if err != nil {
		t.Fatal(err)
	}
	last := hist[len(hist)-1]
	if last.By != h.ctx.Actor(h.p.data) || !strings.Contains(last.Summary, "CR-14") {
		t.Fatalf("last history entry = %+v", last)
	}
	h.press("5", "m", "n")
	if h.p.mode != modeSummary || !strings.Contains(h.lastNote(), "triage done") {
		t.Fatalf("after the last request triage must end with a note; mode %d, notes %v", h.p.mode, h.host.Notes)
	}
}

func TestTriageUndoRestoresAndShowsTheRequest(t *testing.T) {
	h := newHarness(t, nil)
	h.press("t", "5", "l", "n") // CR-12 decided, now on CR-13
	h.press("u")
	c := h.stored(12)
	if c.Decision != model.DecisionUndecided || c.Status != model.StatusNew || c.Impact != 5 {
		t.Fatalf("undo did not revert the decision only: %+v", c)
	}
	if v := h.view(); !strings.Contains(v, "Triage · CR-12 · 1 of 4 untriaged") {
		t.Fatalf("undo must show the request it restored:\n%s", v)
	}
	h.press("u", "u")
	if c := h.stored(12); c.Impact != 0 || c.Complexity != model.ComplexityUnrated {
		t.Fatalf("three undos must restore the original: %+v", c)
	}
	h.press("u")
	if !strings.Contains(h.lastNote(), "nothing changed in this triage") {
		t.Fatalf("notes = %v", h.host.Notes)
	}
}

func TestTriageRepeatedKeyWritesNothing(t *testing.T) {
	h := newHarness(t, nil)
	h.press("t", "3")
	before, _ := h.s.History(h.pid, 0)
	h.press("3")
	after, _ := h.s.History(h.pid, 0)
	if len(after) != len(before) {
		t.Fatalf("the same rating twice wrote %d entries", len(after)-len(before))
	}
}

func TestTriageBadEstimateIsRefused(t *testing.T) {
	h := newHarness(t, nil)
	h.press("t", "e")
	for _, r := range "20000" {
		h.press(string(r))
	}
	h.press("enter")
	if !strings.Contains(h.lastErr(), "over 10000 h") {
		t.Fatalf("errors = %v", h.host.Errs)
	}
	if c := h.stored(12); c.EstimateHrs != 0 {
		t.Fatalf("an absurd estimate was saved: %+v", c)
	}
	h.press("e", "-", "2", "enter")
	if !strings.Contains(h.lastErr(), "negative") {
		t.Fatalf("errors = %v", h.host.Errs)
	}
}

func TestLeavingTriageReturnsToTheSameRequest(t *testing.T) {
	h := newHarness(t, nil)
	h.press("t", "right", "right") // CR-14
	h.press("esc")
	if h.p.mode != modeTable || h.p.Capturing() {
		t.Fatal("esc must return to the table")
	}
	if c, _ := h.p.selected(); c.ID != 14 {
		t.Fatalf("cursor on CR-%d, want CR-14", c.ID)
	}
}

func TestTriageStartsAtTheSelectedUntriagedRequest(t *testing.T) {
	h := newHarness(t, nil)
	h.press("G", "t") // CR-15
	if v := h.view(); !strings.Contains(v, "CR-15 · 4 of 4 untriaged") {
		t.Fatalf("view:\n%s", v)
	}
	h.press("esc", "g", "t") // CR-1 is verified: start with the first untriaged
	if v := h.view(); !strings.Contains(v, "CR-12 · 1 of 4 untriaged") {
		t.Fatalf("view:\n%s", v)
	}
}

func TestNothingToTriage(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) { d.Changes = d.Changes[:11] })
	h.press("t")
	if h.p.mode != modeTable || !strings.Contains(h.lastNote(), "nothing to triage") {
		t.Fatalf("mode %d, notes %v", h.p.mode, h.host.Notes)
	}
}

func TestTriageDescriptionIsSanitised(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) {
		d.Changes[11].Description = "Bad \x1b[2J clear and \x07 bell"
		d.Changes[11].Title = "Title \x1b]52;c;ZXZpbA==\x07 here"
	})
	h.press("t")
	raw := h.p.View()
	for _, bad := range []string{"\x1b[2J", "\x07", "\x1b]52"} {
		if strings.Contains(raw, bad) {
			t.Fatalf("triage drew %q raw", bad)
		}
	}
	if !strings.Contains(h.view(), "␛[2J") {
		t.Fatalf("the escape is not shown inert:\n%s", h.view())
	}
}

func TestAnOlderSnapshotArrivingLateIsIgnored(t *testing.T) {
	h := newHarness(t, nil)
	old, err := h.s.LoadProject(h.pid)
	if err != nil {
		t.Fatal(err)
	}
	h.press("t", "5", "l", "n") // CR-12 decided; the pane reloaded
	h.run(func() tea.Msg { return common.ProjectLoadedMsg{Data: &old} })
	if c, _ := h.p.q.find(12); c.Decision != model.DecisionNow {
		t.Fatalf("a stale snapshot replaced a newer one: %+v", c)
	}
	if v := h.view(); !strings.Contains(v, "CR-13 · 1 of 3 untriaged") {
		t.Fatalf("view:\n%s", v)
	}
}

// A request with nobody and no phase named is "raised today", not
// "raised · today".
func TestTriageSaysRaisedWithoutASeparatorWhenNothingIsNamed(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) {
		for i := range d.Changes {
			d.Changes[i].RaisedBy, d.Changes[i].RaisedIn = "", 0
		}
	})
	h.press("t")
	if v := h.view(); !strings.Contains(v, "raised ") || strings.Contains(v, "raised ·") {
		t.Fatalf("triage:\n%s", v)
	}
}
