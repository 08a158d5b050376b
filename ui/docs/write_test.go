package docs

import (
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"mopdeck/model"
	"mopdeck/store"
)

// An $EDITOR save and a rename typed while the editor's result was on its
// way both stay: the body is saved onto the stored, renamed doc.
func TestEditorSaveRacingARenameKeepsBoth(t *testing.T) {
	h := newHarness(t, nil)
	tempFile := useEditor(h, fakeEditor(t, `printf '\n%s\n' '`+appended+`' >> "$f"`))
	h.selectTitle("Test plan")
	old, _ := h.storedDoc("Test plan")

	h.skip = func(msg any) bool { _, ok := msg.(editorDoneMsg); return ok }
	h.press("e")
	if len(h.held) != 1 {
		t.Fatalf("held %d messages, want the editor's result", len(h.held))
	}
	h.press("E")
	for range len("Test plan") {
		h.run(h.p.Update(backspace()))
	}
	h.typeText("UAT plan")
	if _, ok := h.storedDoc("UAT plan"); !ok {
		t.Fatalf("the rename was not stored: %v (error %q)", h.titles(), h.host.Err)
	}
	h.release()

	got, ok := h.storedDoc("UAT plan")
	if !ok || got.Body != old.Body+"\n"+appended+"\n" || got.Rev != old.Rev+1 || got.PhaseID != old.PhaseID {
		t.Fatalf("stored doc: found %v, rev %d (was %d), body tail %q", ok, got.Rev, old.Rev, tail(got.Body))
	}
	if h.host.Err != "" || h.host.Note != `saved "UAT plan", revision 4` {
		t.Fatalf("status: error %q, note %q", h.host.Err, h.host.Note)
	}
	if e, _ := h.p.selected(); e.doc.ID != got.ID {
		t.Fatalf("the selection moved to %q", e.doc.Title)
	}
	h.press("G")
	h.mustContain(h.view(), "UAT plan · Test · rev 4", appended)
	if _, err := os.Stat(tempFile()); err == nil {
		t.Errorf("the temporary file %s is left behind", tempFile())
	}
}

// An edit begun on a revision that another save replaced meanwhile is
// refused, not written over it; the user's text is kept in its file.
func TestEditorSaveRefusedWhenTheBodyChangedMeanwhile(t *testing.T) {
	h := newHarness(t, nil)
	tempFile := useEditor(h, fakeEditor(t, `echo "my words" >> "$f"`))
	h.selectTitle("Design document")
	old, _ := h.storedDoc("Design document")

	h.skip = func(msg any) bool { _, ok := msg.(editorDoneMsg); return ok }
	h.press("e")
	const theirs = "# Design document\n\nTheir revision, saved first.\n"
	h.skip = nil
	h.run(h.p.ctx.Save("their edit", func(s *store.Store) error {
		_, err := s.UpdateDoc(h.pid, old.ID, "someone else", func(d model.Doc) (model.Doc, error) {
			return d.Revised(theirs, testNow), nil
		})
		return err
	}))
	h.release()

	if !strings.Contains(h.host.Err, "revision 6 was saved while you edited revision 5") ||
		!strings.Contains(h.host.Err, "your text is kept in "+tempFile()) {
		t.Fatalf("error %q", h.host.Err)
	}
	if got, _ := h.storedDoc("Design document"); got.Body != theirs || got.Rev != old.Rev+1 {
		t.Fatalf("the other revision was overwritten: rev %d, body %q", got.Rev, tail(got.Body))
	}
	h.mustContain(h.view(), "Design document · Design · rev 6", "Their revision, saved first.")
	data, err := os.ReadFile(tempFile())
	if err != nil || !strings.Contains(string(data), "my words") {
		t.Fatalf("the edited text is lost: %v %q", err, tail(string(data)))
	}
	os.Remove(tempFile())
}

// A write the store refuses changes nothing on screen: the pane shows the
// stored value and the host's status line the error.
func TestRefusedWriteLeavesTheStoredValueOnScreen(t *testing.T) {
	h := newHarness(t, nil)
	h.selectTitle("Training manual")
	doc, _ := h.storedDoc("Training manual")
	var target model.Phase
	for _, ph := range h.p.data.Phases {
		if ph.ID != doc.PhaseID && !strings.EqualFold(ph.Name, h.p.data.PhaseName(doc.PhaseID)) {
			target = ph
			break
		}
	}
	// Another mopdeck deletes the phase; this pane still lists it.
	if err := h.s.DeletePhase(h.pid, target.ID, "someone else"); err != nil {
		t.Fatal(err)
	}
	h.press("t")
	for range 40 {
		h.run(h.p.Update(backspace()))
	}
	h.typeText(target.Name)
	if !strings.Contains(h.host.Err, "which does not exist") {
		t.Fatalf("error %q, want the store's refusal", h.host.Err)
	}
	if got, _ := h.storedDoc("Training manual"); got.PhaseID != doc.PhaseID {
		t.Fatalf("stored phase %d, want %d", got.PhaseID, doc.PhaseID)
	}
	e, _ := h.p.selected()
	if e.doc.PhaseID != doc.PhaseID {
		t.Fatalf("the pane shows phase %d, the store holds %d", e.doc.PhaseID, doc.PhaseID)
	}
	v := h.view()
	if want := h.p.data.PhaseName(doc.PhaseID); want != "" {
		h.mustContain(v, "Training manual · "+want)
	}
	if strings.Contains(v, "Training manual · "+target.Name) {
		t.Fatalf("the refused phase is on screen:\n%s", v)
	}
}

// Writes made elsewhere while a doc is read do not build the report: it
// is built once, when it is shown again.
func TestReportIsNotRebuiltWhileAnotherDocIsShown(t *testing.T) {
	h := newHarness(t, nil)
	var builds atomic.Int32
	h.p.statusReport = func(d model.ProjectData, now time.Time, width int) string {
		builds.Add(1)
		return model.StatusReportWidth(d, now, width)
	}
	before := h.p.report.text
	h.selectTitle("Design document")
	c := h.p.data.Changes[0]
	for range 5 {
		h.run(h.p.ctx.Save("estimate raised", func(s *store.Store) error {
			_, err := s.UpdateChange(h.pid, c.ID, "tester", func(c model.ChangeRequest) (model.ChangeRequest, error) {
				c.EstimateHrs += 100
				return c, nil
			})
			return err
		}))
	}
	h.press("E")
	h.typeText(" v2")
	if _, ok := h.storedDoc("Design document v2"); !ok {
		t.Fatalf("rename not stored (error %q)", h.host.Err)
	}
	if n := builds.Load(); n != 0 {
		t.Fatalf("the report was built %d times while another doc was shown", n)
	}
	if !h.p.report.stale(h.p.viewW) {
		t.Fatal("the report is not marked stale after the writes")
	}

	for range len(h.p.entries) {
		h.press("k")
	}
	if e, _ := h.p.selected(); !e.report {
		t.Fatalf("the report is not selected: %q", e.doc.Title)
	}
	if n := builds.Load(); n != 1 {
		t.Fatalf("showing the report built it %d times, want once", n)
	}
	if h.p.report.text == before || h.p.report.stale(h.p.viewW) {
		t.Fatal("the report shown is not the current one")
	}
	h.mustContain(h.view(), "Design document v2")

	// While the report is on screen, a write rebuilds it.
	h.run(h.p.ctx.Save("estimate raised", func(s *store.Store) error {
		_, err := s.UpdateChange(h.pid, c.ID, "tester", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			c.EstimateHrs += 100
			return c, nil
		})
		return err
	}))
	if n := builds.Load(); n != 2 {
		t.Fatalf("a write while the report is shown built it %d times in all, want 2", n)
	}
}

// A doc another pane deletes goes from the list; the selection stays on
// the doc it was on.
func TestChangeElsewhereKeepsTheSelection(t *testing.T) {
	h := newHarness(t, nil)
	h.selectTitle("Training manual")
	gone, _ := h.storedDoc("Design document")
	h.run(h.p.ctx.Save("deleted", func(s *store.Store) error {
		return s.DeleteDoc(h.pid, gone.ID, "someone else")
	}))
	for _, title := range h.titles() {
		if title == "Design document" {
			t.Fatal("the deleted doc is still listed")
		}
	}
	if e, _ := h.p.selected(); e.doc.Title != "Training manual" {
		t.Fatalf("the selection moved to %q", e.doc.Title)
	}
}

// While another tab is on screen, writes only mark the report stale; it is
// built once when the Docs tab comes back.
func TestReportWaitsForThePaneToBeOnScreen(t *testing.T) {
	h := newHarness(t, nil)
	var builds atomic.Int32
	h.p.statusReport = func(d model.ProjectData, now time.Time, width int) string {
		builds.Add(1)
		return model.StatusReportWidth(d, now, width)
	}
	h.run(h.p.SetFocus(false))
	c := h.p.data.Changes[0]
	for range 3 {
		h.run(h.p.ctx.Save("estimate raised", func(s *store.Store) error {
			_, err := s.UpdateChange(h.pid, c.ID, "tester", func(c model.ChangeRequest) (model.ChangeRequest, error) {
				c.EstimateHrs += 100
				return c, nil
			})
			return err
		}))
	}
	if n := builds.Load(); n != 0 {
		t.Fatalf("the report was built %d times while the pane was not on screen", n)
	}
	h.run(h.p.SetFocus(true))
	if n := builds.Load(); n != 1 || h.p.report.stale(h.p.viewW) {
		t.Fatalf("coming on screen built the report %d times (stale %v), want once", n, h.p.report.stale(h.p.viewW))
	}
}
