package changes

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"mopdeck/model"
)

// Changing the decision in the form moves the status as triage would, even
// where the move passes through "triaged", and keeps the other edits.
func TestFormEditChangesTheDecision(t *testing.T) {
	tests := []struct {
		id         uint64
		to         model.Decision
		wantStatus model.CRStatus
	}{
		{2, model.DecisionRejected, model.StatusRejected}, // later → reject
		{3, model.DecisionLater, model.StatusDeferred},    // reject → later
		{4, model.DecisionNow, model.StatusTriaged},       // later → now
		{3, model.DecisionNow, model.StatusTriaged},       // reject → now
	}
	for _, tt := range tests {
		t.Run(tt.to.String(), func(t *testing.T) {
			h := newHarness(t, nil)
			h.selectID(tt.id)
			h.press("e")
			f := h.p.form
			fill(f, func(v *formValues) { v.decision = tt.to; v.estimate = "7" })
			h.run(h.p.submitForm(f))
			c := h.stored(tt.id)
			if len(h.host.Errs) > 0 || c.Decision != tt.to || c.Status != tt.wantStatus || c.EstimateHrs != 7 {
				t.Fatalf("stored %+v, errors %v", c, h.host.Errs)
			}
			if h.p.mode != modeTable || h.p.form != nil {
				t.Fatal("a saved form must close")
			}
		})
	}
}

// A status picked by hand brings the decision it stands for; picked
// together with a decision that contradicts it, the form refuses to save
// and says why.
func TestFormEditStatusPickedByHandBringsItsDecision(t *testing.T) {
	h := newHarness(t, nil)
	h.selectID(12) // new, undecided
	h.press("e")
	f := h.p.form
	fill(f, func(v *formValues) { v.decision = model.DecisionLater; v.status = model.StatusRejected })
	h.run(h.p.submitForm(f))
	if c := h.stored(12); c.Status != model.StatusNew || len(h.host.Errs) == 0 ||
		!strings.Contains(h.host.Errs[len(h.host.Errs)-1], "decision later contradicts status rejected") {
		t.Fatalf("later + rejected: stored %s/%s, errors %v", c.Decision, c.Status, h.host.Errs)
	}
	fill(h.p.form, func(v *formValues) { v.decision = model.DecisionUndecided; v.status = model.StatusRejected })
	h.run(h.p.submitForm(h.p.form))
	if c := h.stored(12); c.Decision != model.DecisionRejected || c.Status != model.StatusRejected {
		t.Fatalf("rejected by hand: stored %s/%s, errors %v", c.Decision, c.Status, h.host.Errs)
	}
}

// A save the store refuses keeps the form open with what was typed.
func TestFormStaysOpenWhenTheSaveFails(t *testing.T) {
	h := newHarness(t, nil)
	h.selectID(5)
	h.press("e")
	f := h.p.form
	// Typing and moving only schedule cursor blinks: their commands are
	// not run, which keeps the test fast.
	for _, r := range " now" {
		h.p.Update(keyMsg(string(r)))
	}
	for range len(f.fields) - 1 {
		f.form.NextField()
	}
	if err := h.s.DeleteChange(h.pid, 5, "someone else"); err != nil {
		t.Fatal(err)
	}
	h.press("enter") // enter on the last field saves
	if !strings.Contains(h.lastErr(), "not saved") {
		t.Fatalf("the failed save is not reported: errors %v, notes %v", h.host.Errs, h.host.Notes)
	}
	if h.p.mode != modeForm || h.p.form != f {
		t.Fatal("the form closed and lost what was typed")
	}
	if f.v.title != "Approval workflow skips legal review for print now" {
		t.Fatalf("values = %+v", f.v)
	}
	if f.form.State != huh.StateNormal {
		t.Fatal("the form must take keys again after a failed save")
	}
	h.press("esc", "y") // the typed title is thrown away only once confirmed
	if h.p.mode != modeTable {
		t.Fatal("esc must still cancel")
	}
}

// Values the form refuses as a whole keep it open and editable.
func TestFormStaysOpenWhenTheResultIsRefused(t *testing.T) {
	h := newHarness(t, nil)
	h.press("a")
	f := h.p.form
	fill(f, func(v *formValues) { v.title = "Valid title"; v.decision = model.Decision(9) })
	f.form.State = huh.StateCompleted // as after enter on the last field
	h.run(h.p.updateForm(keyMsg("enter")))
	if !strings.Contains(h.lastErr(), "unknown decision") {
		t.Fatalf("errors = %v", h.host.Errs)
	}
	if h.p.mode != modeForm || h.p.form != f || f.form.State != huh.StateNormal {
		t.Fatalf("the form must stay open and editable: mode %d state %d", h.p.mode, f.form.State)
	}
}

// The form shows stored text as the rest of the pane draws it: control
// characters made visible, never sent to the terminal.
func TestFormShowsStoredTextSanitised(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) {
		c := &d.Changes[4]
		c.Title = "Title \x1b]52;c;ZXZpbA==\x07 here"
		c.Description = "Bad \x1b[2J clear"
		c.RaisedBy = "Emma\x1b[8m Girard"
		c.Assignee = "Julien\x7f Roux"
	})
	h.selectID(5)
	h.press("e")
	raw := h.p.View()
	for _, bad := range []string{"\x1b]52", "\x07", "\x1b[2J", "\x1b[8m", "\x7f"} {
		if strings.Contains(raw, bad) {
			t.Fatalf("the form drew %q raw", bad)
		}
	}
	v := h.p.form.v
	stored := h.stored(5)
	if v.title != model.SanitizeLine(stored.Title) || v.description != model.Sanitize(stored.Description) ||
		v.raisedBy != model.SanitizeLine(stored.RaisedBy) || v.assignee != model.SanitizeLine(stored.Assignee) {
		t.Fatalf("form values not sanitised: %+v", v)
	}
}

// Messages reaching the form while its save runs start no second save.
func TestFormSavesOnce(t *testing.T) {
	h := newHarness(t, nil)
	h.selectID(5)
	h.press("e")
	f := h.p.form
	fill(f, func(v *formValues) { v.estimate = "16" })
	before, _ := h.s.History(h.pid, 0)
	f.form.State = huh.StateCompleted // as after enter on the last field
	save := h.p.updateForm(tea.WindowSizeMsg{Width: 120, Height: 37})
	if again := h.p.Update(tea.WindowSizeMsg{Width: 100, Height: 30}); again != nil {
		t.Fatal("a message during the save started another command")
	}
	if again := h.p.Update(keyMsg("enter")); again != nil {
		t.Fatal("a key during the save started another command")
	}
	h.run(save)
	after, _ := h.s.History(h.pid, 0)
	if len(after) != len(before)+1 || h.stored(5).EstimateHrs != 16 || h.p.mode != modeTable {
		t.Fatalf("%d entries written, errors %v, mode %d", len(after)-len(before), h.host.Errs, h.p.mode)
	}
}
