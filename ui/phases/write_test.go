package phases

import (
	"strings"
	"testing"

	"mopdeck/model"
)

// The tests below press keys before the commands of the keys before them
// have run, as a fast typist does, then run the commands in an order
// Bubble Tea may choose: the writer must still commit them in the order
// of the keys, each from what is stored, and the pane must show what the
// store holds.

// TestTwoQuickTicksBothStay: two deliverables ticked one after the other,
// the second tick's command run first, are both stored and shown ticked.
func TestTwoQuickTicksBothStay(t *testing.T) {
	h := newHarness(t, freshMRM(model.RoleSponsor, false))
	h.press("enter") // Discovery's first deliverable
	if n := len(h.shown("Discovery").Deliverables); n < 2 {
		t.Fatalf("Discovery has %d deliverables, the test needs two", n)
	}
	cmds := h.collect("x", "j", "x")
	h.run(cmds[2])
	h.run(cmds[0])
	if h.host.Err != "" {
		t.Fatalf("status line error: %s", h.host.Err)
	}
	for _, got := range []model.Phase{h.stored("Discovery"), h.shown("Discovery")} {
		if !got.Deliverables[0].Done || !got.Deliverables[1].Done {
			t.Errorf("after two quick ticks: %+v, want the first two done", got.Deliverables[:2])
		}
	}
	if h.p.item != 1 {
		t.Errorf("cursor on item %d, want 1 (where the second tick was)", h.p.item)
	}
}

// TestRefusedSignOffShowsNotSignedOff: a sign-off the gate refuses, at
// once or when the write runs, leaves the gate shown (and stored) as not
// signed off, with the reason in the status line.
func TestRefusedSignOffShowsNotSignedOff(t *testing.T) {
	check := func(t *testing.T, h *harness) {
		t.Helper()
		if !strings.Contains(h.host.Err, "cannot be signed off") {
			t.Errorf("status line error = %q, want the gate's refusal", h.host.Err)
		}
		for where, got := range map[string]model.Phase{"stored": h.stored("Discovery"), "shown": h.shown("Discovery")} {
			if got.Gate.SignedOff || got.Status == model.PhaseSignedOff {
				t.Errorf("%s: Discovery is signed off (%s), want it refused", where, got.Status)
			}
		}
		if v := h.p.View(); !strings.Contains(v, "not signed off") {
			t.Errorf("the gate panel does not say %q:\n%s", "not signed off", v)
		}
	}
	t.Run("gate not ready when s is pressed", func(t *testing.T) {
		h := newHarness(t, freshMRM(model.RoleSponsor, false))
		h.press("s")
		if h.p.prompt.Active() || h.p.confirm.Active() {
			t.Error("a blocked gate opened the sign-off prompt")
		}
		check(t, h)
	})
	t.Run("gate no longer ready when the write runs", func(t *testing.T) {
		h := newHarness(t, freshMRM(model.RoleSponsor, true))
		h.press("enter")
		// Untick a deliverable, then sign off at once: the pane still
		// shows every deliverable done, the store does not.
		cmds := h.collect("x", "s", "enter", "y")
		if h.p.confirm.Active() || h.p.prompt.Active() {
			t.Fatal("the sign-off did not reach its confirmation")
		}
		h.run(cmds[3])
		h.run(cmds[0])
		h.run(cmds[1])
		h.run(cmds[2])
		check(t, h)
		if h.shown("Discovery").Deliverables[0].Done {
			t.Error("the unticked deliverable is shown done")
		}
	})
}

// TestTickThenUndoRunFirstUndoesTheTick: x then u, the undo's command run
// first, still undoes that tick and not the change made before it.
func TestTickThenUndoRunFirstUndoesTheTick(t *testing.T) {
	h := newHarness(t, freshMRM(model.RoleSponsor, false))
	h.press("enter", "j", "x", "k") // an earlier change: the second deliverable ticked
	cmds := h.collect("x", "u")
	h.run(cmds[1])
	h.run(cmds[0])
	if h.host.Err != "" {
		t.Fatalf("status line error: %s", h.host.Err)
	}
	if !strings.HasPrefix(h.host.Note, "undone: ") {
		t.Errorf("status line note = %q, want the undo's", h.host.Note)
	}
	for where, got := range map[string]model.Phase{"stored": h.stored("Discovery"), "shown": h.shown("Discovery")} {
		if got.Deliverables[0].Done || !got.Deliverables[1].Done {
			t.Errorf("%s after x then u: first done %v, second done %v; want the tick undone and the earlier one kept",
				where, got.Deliverables[0].Done, got.Deliverables[1].Done)
		}
	}
}

// TestQuickItemMovesFollowTheItem: J twice before either write runs moves
// the same exit item two places, and the cursor stays on it.
func TestQuickItemMovesFollowTheItem(t *testing.T) {
	h := newHarness(t, freshMRM(model.RoleSponsor, false))
	disc := h.shown("Discovery")
	if len(disc.Checklist) < 3 {
		t.Fatalf("Discovery has %d exit items, the test needs three", len(disc.Checklist))
	}
	h.press("enter", "G", "k", "k") // the third exit item from the end
	n := len(disc.Checklist)
	from := n - 3
	moved := disc.Checklist[from].Text
	cmds := h.collect("J", "J")
	h.run(cmds[1])
	h.run(cmds[0])
	if h.host.Err != "" {
		t.Fatalf("status line error: %s", h.host.Err)
	}
	for where, got := range map[string]model.Phase{"stored": h.stored("Discovery"), "shown": h.shown("Discovery")} {
		if got.Checklist[n-1].Text != moved {
			t.Errorf("%s: last exit item is %q, want %q moved down twice", where, got.Checklist[n-1].Text, moved)
		}
	}
	if want := len(disc.Deliverables) + n - 1; h.p.item != want {
		t.Errorf("cursor on item %d, want %d (the moved exit item)", h.p.item, want)
	}
}

// TestAddPhaseSelectsIt: the new phase is selected once its write is in.
func TestAddPhaseSelectsIt(t *testing.T) {
	h := newHarness(t, freshMRM(model.RoleSponsor, false))
	h.press("a", "P", "i", "l", "o", "t", "enter")
	if h.host.Err != "" {
		t.Fatalf("status line error: %s", h.host.Err)
	}
	ph, ok := h.p.selected()
	if !ok || ph.Name != "Pilot" || h.p.cursor.Pos != 1 {
		t.Errorf("selected %q at %d, want the new phase Pilot at 1", ph.Name, h.p.cursor.Pos)
	}
	if h.stored("Pilot").ID != ph.ID {
		t.Error("the phase selected is not the one stored")
	}
}

// TestAttachSelectsTheNewChecklist: the attached checklist is selected
// once its write is in, wherever the cursor was.
func TestAttachSelectsTheNewChecklist(t *testing.T) {
	h := newHarness(t, nil)
	before := len(h.p.data.Checklists)
	if before == 0 {
		t.Fatal("the sample project has no checklist to start from")
	}
	h.press("c", "a", "3", "enter")
	if h.host.Err != "" {
		t.Fatalf("status line error: %s", h.host.Err)
	}
	if n := len(h.p.data.Checklists); n != before+1 {
		t.Fatalf("%d checklists shown, want %d", n, before+1)
	}
	row, ok := h.p.cl.selected()
	if !ok || row.list != before {
		t.Fatalf("cursor on checklist %d, want the new one (%d)", row.list, before)
	}
	if got := h.p.data.Checklists[row.list].Name; got != model.ChecklistTemplates()[2].Name {
		t.Errorf("selected checklist %q, want %q", got, model.ChecklistTemplates()[2].Name)
	}
}

// TestQuickChecksBothStay: two checklist items checked one after the
// other, the second check's command run first, both change, and the
// cursor stays where the keys left it.
func TestQuickChecksBothStay(t *testing.T) {
	h := newHarness(t, asLead)
	h.press("c", "j")
	row, _ := h.p.cl.selected()
	if row.kind != clItem || row.item < 1 {
		t.Fatalf("the second row of the checklists is %+v, want an item after another", row)
	}
	list := h.p.data.Checklists[row.list]
	was := []bool{list.Items[row.item-1].Done, list.Items[row.item].Done}
	cmds := h.collect("x", "k", "x")
	h.run(cmds[2])
	h.run(cmds[0])
	if h.host.Err != "" {
		t.Fatalf("status line error: %s", h.host.Err)
	}
	stored, err := h.ctx.Store.LoadProject(h.pid)
	if err != nil {
		t.Fatal(err)
	}
	for where, got := range map[string]model.Checklist{"stored": stored.Checklists[row.list], "shown": h.p.data.Checklists[row.list]} {
		if got.Items[row.item-1].Done == was[0] || got.Items[row.item].Done == was[1] {
			t.Errorf("%s: items checked %v %v, were %v: want both toggled", where,
				got.Items[row.item-1].Done, got.Items[row.item].Done, was)
		}
	}
	now, _ := h.p.cl.selected()
	if now.list != row.list || now.item != row.item-1 {
		t.Errorf("cursor on %d/%d, want %d/%d", now.list, now.item, row.list, row.item-1)
	}
}
