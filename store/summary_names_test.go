package store

import (
	"strings"
	"testing"

	"mopdeck/model"
)

// A history summary names the records a field points at (a phase, a
// person) and leaves out what only the app changes (order, revision,
// last-edited time); undo repeats the same words.
func TestSummariesNameRecordsAndSkipBookkeeping(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID

	if _, err := s.UpdateActivity(pid, 2, "me", func(a model.Activity) (model.Activity, error) {
		a.PhaseID, a.Order = 1, 9
		return a, nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateProject(pid, "me", func(p model.Project) (model.Project, error) {
		p.MeID = 2
		return p, nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateDoc(pid, 1, "me", func(doc model.Doc) (model.Doc, error) {
		doc.Body += "more\n"
		doc.Rev++
		doc.Updated = doc.Updated.Add(3600e9)
		return doc, nil
	}); err != nil {
		t.Fatal(err)
	}
	undo, err := s.Undo(pid, "me")
	if err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(pid, 0)
	var got []string
	for _, e := range h[len(h)-4:] {
		got = append(got, e.Summary)
	}
	want := []string{
		`activity "Design document" updated: phase "Design" → "Discovery"`,
		`project "CRM roll-out" updated: me "Léa Martin" → "Sam Roy"`,
		`doc "Discovery document" updated: body edited`,
		`undo: doc "Discovery document" updated: body edited`,
	}
	for i := range want {
		if i >= len(got) || !strings.HasPrefix(got[i], want[i]) || strings.ContainsAny(got[i][len(want[i]):], "→") {
			t.Errorf("summary %d = %q, want %q", i, got, want[i])
		}
	}
	if undo.Summary != strings.TrimPrefix(want[3], "undo: ") {
		t.Errorf("undone entry = %q", undo.Summary)
	}
}

// A field cleared of its record says so by name and "none".
func TestSummaryOfAnUntiedField(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	if _, err := s.UpdateActivity(d.Project.ID, 2, "me", func(a model.Activity) (model.Activity, error) {
		a.PhaseID = 0
		return a, nil
	}); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(d.Project.ID, 1)
	if w := `phase "Design" → none`; !strings.Contains(h[0].Summary, w) {
		t.Errorf("summary = %q, want %q in it", h[0].Summary, w)
	}
}
