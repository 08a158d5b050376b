package ui_test

import (
	"strings"
	"testing"

	"mopdeck/model"
	"mopdeck/ui"
)

// These tests press a second key before the first key's write has run,
// as a fast typist does: each write must start from what is stored, and
// the writes must land in the order of the keys.

// phQuick presses the keys one after the other without running their
// commands, then runs the commands in the given order (indexes into keys;
// keys whose command is not listed run last, in order).
func phQuick(t *testing.T, m *ui.Model, keys []string, runOrder ...int) {
	t.Helper()
	var cmds []func()
	for _, k := range keys {
		_, cmd := m.Update(key(k))
		cmds = append(cmds, func() { settle(t, m, cmd) })
	}
	ran := make([]bool, len(cmds))
	for _, i := range runOrder {
		cmds[i]()
		ran[i] = true
	}
	for i, run := range cmds {
		if !ran[i] {
			run()
		}
	}
}

// A deliverable ticked, then moved down before the reload: the moved
// deliverable is still ticked.
func TestQuickTickThenMoveItemKeepsTheTick(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	press(t, m, "j", "enter") // Design's deliverables, none done
	first := phPhase(t, s, pid, "Design").Deliverables[0].Name
	phQuick(t, m, []string{"x", "J"})
	got := phPhase(t, s, pid, "Design").Deliverables
	if got[1].Name != first || !got[1].Done {
		t.Fatalf("after x then J: %+v, want %q moved to second place and done", got, first)
	}
}

// A deliverable ticked, then a new one added through the prompt before
// the reload: both the tick and the new deliverable are stored.
func TestQuickTickThenAddItemKeepsTheTick(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	press(t, m, "j", "enter")
	_, tick := m.Update(key("x"))
	press(t, m, "a")
	phType(t, m, "Data dictionary")
	_, add := m.Update(key("enter"))
	settle(t, m, tick)
	settle(t, m, add)
	got := phPhase(t, s, pid, "Design").Deliverables
	if len(got) != 3 || !got[0].Done || got[1].Name != "Data dictionary" {
		t.Fatalf("after x then a: %+v, want the first done and the new one second", got)
	}
}

// Rename and delete, asked before the tick's reload, keep the tick too.
func TestQuickTickThenRenameAndDeleteKeepTheTick(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	press(t, m, "j", "enter", "j") // Design's second deliverable
	_, tick := m.Update(key("x"))
	press(t, m, "e")
	phClear(t, m)
	phType(t, m, "Renamed")
	_, rename := m.Update(key("enter"))
	settle(t, m, tick)
	settle(t, m, rename)
	got := phPhase(t, s, pid, "Design").Deliverables
	if !got[1].Done || got[1].Name != "Renamed" {
		t.Fatalf("after x then e: %+v", got)
	}

	press(t, m, "k")
	_, untick := m.Update(key("x")) // the first deliverable, ticked now
	press(t, m, "j", "d")
	_, del := m.Update(key("y"))
	settle(t, m, untick)
	settle(t, m, del)
	got = phPhase(t, s, pid, "Design").Deliverables
	if len(got) != 1 || !got[0].Done {
		t.Fatalf("after x then d: %+v, want the first deliverable alone and done", got)
	}
}

// A deliverable ticked, then the phase marked ready for sign-off before
// the reload: the tick and the new status are both stored.
func TestQuickTickThenReadyKeepsTheTick(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	press(t, m, "enter") // Discovery: running, everything done
	phQuick(t, m, []string{"x", "esc", "r"})
	got := phPhase(t, s, pid, "Discovery")
	if got.Deliverables[0].Done || got.Status != model.PhaseAwaitingSignOff {
		t.Fatalf("after x then r: %s, deliverables %+v; want awaiting sign-off with the first not done", got.Status, got.Deliverables)
	}
}

// A deliverable unticked, then the gate signed before the reload: the
// sign-off is judged on the stored phase, which is no longer ready, so it
// is refused and the untick stays.
func TestQuickUntickThenSignOffIsJudgedOnTheStoredPhase(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	press(t, m, "enter")
	_, untick := m.Update(key("x"))
	press(t, m, "s", "enter")
	_, sign := m.Update(key("y"))
	settle(t, m, untick)
	settle(t, m, sign)
	got := phPhase(t, s, pid, "Discovery")
	if got.Gate.SignedOff || got.Deliverables[0].Done {
		t.Fatalf("gate signed %v, first deliverable done %v; want neither", got.Gate.SignedOff, got.Deliverables[0].Done)
	}
	phWantStatus(t, m, true, "cannot be signed off")
}

// A deliverable ticked, then its phase moved down the list before the
// reload: the phase moves and keeps the tick.
func TestQuickTickThenMovePhaseKeepsTheTick(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	press(t, m, "j", "enter")
	phQuick(t, m, []string{"x", "esc", "J"})
	if order := phOrder(t, s, pid); order[2] != "Design" {
		t.Fatalf("order = %v, want Design third", order)
	}
	if got := phPhase(t, s, pid, "Design"); !got.Deliverables[0].Done {
		t.Fatalf("after x then J on the phase: %+v", got.Deliverables)
	}
}

// x then u, with the undo's command run first: the undo still reverts the
// tick just made, not the change before it.
func TestQuickTickThenUndoUndoesThatTick(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	press(t, m, "j", "enter", "j", "x", "k") // an older change: the second ticked
	phQuick(t, m, []string{"x", "u"}, 1, 0)
	got := phPhase(t, s, pid, "Design").Deliverables
	if got[0].Done || !got[1].Done {
		t.Fatalf("after x then u: %+v, want the first not done and the second still done", got)
	}
}

// The same for the project's checklists: a check then u, the undo run
// first, leaves the older check alone.
func TestQuickChecklistCheckThenUndoUndoesThatCheck(t *testing.T) {
	m, s := phStarted(t, 120, 40, meSarah)
	press(t, m, "c")
	clDown(t, m, clFirstOpen)
	press(t, m, "x", "j") // an older change: the first open item checked
	phQuick(t, m, []string{"x", "u"}, 1, 0)
	got := clLists(t, s, m)[0].Items
	if !got[clFirstOpen].Done || got[clFirstOpen+1].Done {
		t.Fatalf("after x then u: older check done %v, newer check done %v; want true, false",
			got[clFirstOpen].Done, got[clFirstOpen+1].Done)
	}
}

// With the focus on a phase's items the help names the keys that work
// there, and only those.
func TestItemsHelpMatchesTheItemKeys(t *testing.T) {
	m, _ := phStarted(t, 200, 50, freshMRM(model.RoleSponsor))
	press(t, m, "enter")
	short := phView(m)
	for _, want := range []string{"done / not done", "move up", "move down", "sign off gate", "undo phase change", "back to phases"} {
		if !strings.Contains(short, want) {
			t.Errorf("short help lacks %q:\n%s", want, short)
		}
	}
	press(t, m, "?")
	full := phView(m)
	for _, want := range []string{"done / not done", "add", "edit", "delete", "move up", "move down",
		"sign off gate", "undo phase change", "back to phases", "timeline", "checklists", "G/end"} {
		if !strings.Contains(full, want) {
			t.Errorf("full help lacks %q:\n%s", want, full)
		}
	}
	for _, bad := range []string{"begin phase", "override start", "ready for sign-off", "go to deliverables", "page up", "page down"} {
		if strings.Contains(full, bad) {
			t.Errorf("full help lists %q, which does nothing on the items:\n%s", bad, full)
		}
	}
}
