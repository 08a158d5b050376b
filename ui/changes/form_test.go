package changes

import (
	"strings"
	"testing"

	"mopdeck/model"
)

func TestFormOpensCapturesAndCancels(t *testing.T) {
	h := newHarness(t, nil)
	h.press("a")
	if h.p.mode != modeForm || !h.p.Capturing() {
		t.Fatal("a must open the form and hold the keyboard")
	}
	v := h.view()
	for _, f := range []string{"New change request", "Title", "Description", "Area", "Raised by", "Raised in",
		"Impact 1-5", "Complexity", "Estimate h", "Decision", "Status", "Assignee"} {
		if !strings.Contains(v, f) {
			t.Fatalf("field %q missing:\n%s", f, v)
		}
	}
	h.press("esc")
	if h.p.mode != modeTable || h.lastNote() != "not saved" {
		t.Fatalf("esc must cancel: mode %d notes %v", h.p.mode, h.host.Notes)
	}
}

func TestFormShowsTheMessageUnderTheField(t *testing.T) {
	h := newHarness(t, nil)
	h.press("a", "enter") // empty title
	lines := strings.Split(h.view(), "\n")
	at := -1
	for i, l := range lines {
		if strings.Contains(l, "Title") {
			at = i
			break
		}
	}
	if at < 0 || at+1 >= len(lines) || !strings.Contains(lines[at+1], "✗ title is empty") {
		t.Fatalf("the message is not under the title:\n%s", strings.Join(lines, "\n"))
	}
	if h.p.mode != modeForm {
		t.Fatal("an invalid field must keep the form open")
	}
}

// fill sets the form's values as typing would.
func fill(f *crForm, set func(v *formValues)) { set(&f.v) }

func TestFormRefusesBadInputAndSavesNothing(t *testing.T) {
	tests := []struct {
		name string
		set  func(v *formValues)
		want string
	}{
		{"empty title", func(v *formValues) { v.title = "  \t " }, "title is empty"},
		{"impact 6", func(v *formValues) { v.impact = "6" }, "impact 6 is out of range: use 1 to 5"},
		{"impact 0", func(v *formValues) { v.impact = "0" }, "out of range"},
		{"negative estimate", func(v *formValues) { v.estimate = "-3" }, "estimate -3 h is negative"},
		{"absurd estimate", func(v *formValues) { v.estimate = "10001" }, "over 10000 h"},
		{"estimate words", func(v *formValues) { v.estimate = "a week" }, "not a number of hours"},
		{"unknown decision", func(v *formValues) { v.decision = model.Decision(9) }, "unknown decision: use now, later or reject"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			before, _ := h.s.History(h.pid, 0)
			h.press("a")
			f := h.p.form
			fill(f, func(v *formValues) { v.title = "Valid title" })
			fill(f, tt.set)
			h.run(h.p.submitForm(f))
			if !strings.Contains(h.lastErr(), tt.want) {
				t.Fatalf("errors = %v, want %q", h.host.Errs, tt.want)
			}
			after, _ := h.s.History(h.pid, 0)
			if len(after) != len(before) || len(h.p.q.entries) != 15 {
				t.Fatal("something was saved")
			}
		})
	}
}

func TestFormAddsASanitisedRequest(t *testing.T) {
	h := newHarness(t, nil)
	h.press("a")
	f := h.p.form
	fill(f, func(v *formValues) {
		v.title = "  Rename \x1b[31mthe\x1b[0m field\t"
		v.description = "Line one\nline two \x07"
		v.raisedBy, v.assignee = "Emma Girard", "Julien Roux"
		v.area, v.raisedIn = model.AreaDataFields, h.p.data.Phases[4].ID
		v.impact, v.estimate, v.complexity, v.decision = "4", "2,5", model.ComplexityLow, model.DecisionNow
	})
	h.run(h.p.submitForm(f))
	if len(h.host.Errs) > 0 {
		t.Fatal(h.host.Errs)
	}
	c := h.stored(16)
	if c.Title != "Rename ␛[31mthe␛[0m field" || c.Description != "Line one\nline two ␇" {
		t.Fatalf("not sanitised: %q / %q", c.Title, c.Description)
	}
	if c.Impact != 4 || c.EstimateHrs != 2.5 || c.Status != model.StatusTriaged || c.CreatedAt.IsZero() {
		t.Fatalf("stored %+v", c)
	}
	if got, _ := h.p.selected(); got.ID != 16 {
		t.Fatalf("the new request is not selected: CR-%d", got.ID)
	}
	if !strings.Contains(h.lastNote(), "added CR-16") {
		t.Fatalf("notes = %v", h.host.Notes)
	}
}

func TestFormEditWritesOnlyChangedFields(t *testing.T) {
	h := newHarness(t, nil)
	h.selectID(5)
	h.press("e")
	f := h.p.form
	if f.v.title != "Approval workflow skips legal review for print" || f.v.impact != "5" || f.v.estimate != "12" {
		t.Fatalf("the form is not filled: %+v", f.v)
	}
	fill(f, func(v *formValues) { v.estimate = "16"; v.status = model.StatusReadyForRetest })
	// Meanwhile someone rates the same request from triage.
	if _, err := h.s.UpdateChange(h.pid, 5, "other", func(c model.ChangeRequest) (model.ChangeRequest, error) {
		c.Assignee = "Nicolas Laurent"
		return c, nil
	}); err != nil {
		t.Fatal(err)
	}
	h.run(h.p.submitForm(f))
	c := h.stored(5)
	if c.EstimateHrs != 16 || c.Status != model.StatusReadyForRetest || c.Assignee != "Nicolas Laurent" {
		t.Fatalf("edit lost or overwrote a field: %+v (errors %v)", c, h.host.Errs)
	}
}

func TestFormStatusOffersOnlyLegalMoves(t *testing.T) {
	opts := statusOptions(model.StatusInProgress)
	var got []string
	for _, o := range opts {
		got = append(got, o.Key)
	}
	if strings.Join(got, ",") != "in progress,ready for retest,deferred" {
		t.Fatalf("options = %v", got)
	}
}

func TestFormFitsSmallWindows(t *testing.T) {
	h := newHarness(t, nil)
	h.p.SetSize(80, 21)
	h.press("a")
	for range 10 {
		h.press("tab")
		v := h.p.View()
		if n := strings.Count(v, "\n") + 1; n > 21 {
			t.Fatalf("%d lines in 21", n)
		}
		if !strings.Contains(v, "┃") {
			t.Fatalf("the focused field scrolled out of view:\n%s", v)
		}
	}
}

// The key a request had in the tool it came from shows in triage, is
// found by the text filter, and is edited in the form.
func TestSourceKeyIsShownFilteredAndEdited(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) {
		for i := range d.Changes {
			if d.Changes[i].ID == 12 {
				d.Changes[i].SourceKey = "MKT-4711"
			}
		}
	})
	h.press("/")
	for _, r := range "mkt-4711" {
		h.press(string(r))
	}
	h.press("enter")
	if ids := h.tableIDs(); len(ids) != 1 || ids[0] != "CR-12" {
		t.Fatalf("filtering by the source key shows %v, want CR-12", ids)
	}
	h.press("t")
	if v := h.view(); !strings.Contains(v, "key MKT-4711") {
		t.Fatalf("triage does not show the source key:\n%s", v)
	}
	h.press("esc", "e")
	if v := h.view(); !strings.Contains(v, "MKT-4711") {
		t.Fatalf("the form does not show the source key:\n%s", v)
	}
}
