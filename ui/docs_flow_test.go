package ui_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui"
)

// docsWide adds, as the last doc, one whose paragraphs wrap differently
// at every width.
func docsWide(d *model.ProjectData) {
	var b strings.Builder
	b.WriteString("# Lead lifecycle notes\n\n")
	for i := range 12 {
		b.WriteString("Leads move from known to engaged to qualified; each stage has an owner, a service level and a score threshold that marketing and sales agreed. ")
		b.WriteString("Paragraph " + string(rune('A'+i)) + " ends here.\n\n")
	}
	d.Docs = append(d.Docs, model.Doc{Title: "Lead lifecycle notes", Body: b.String(), Rev: 1, Updated: now})
}

// docsOpenWide is the key sequence that opens that doc: the Docs tab, then
// down past the report and the five sample docs.
var docsOpenWide = []string{"4", "j", "j", "j", "j", "j", "j"}

var docsLinesRE = regexp.MustCompile(`lines (\d+)–(\d+) of (\d+)`)

// docsPosition reads "lines A–B of N" off the Docs pane's bottom line.
func docsPosition(t *testing.T, view string) string {
	t.Helper()
	m := docsLinesRE.FindString(ansi.Strip(view))
	if m == "" {
		t.Fatalf("no position line in the view:\n%s", ansi.Strip(view))
	}
	return m
}

func TestDocsOpenScrollResizeRewraps(t *testing.T) {
	// What the screen must show, worked out on a model driven directly.
	ref := started(t, 120, 30, docsWide)
	press(t, ref, docsOpenWide...)
	press(t, ref, "J", "J", "J")
	wideAt := docsPosition(t, ref.View())
	_, cmd := ref.Update(tea.WindowSizeMsg{Width: 84, Height: 30})
	settle(t, ref, cmd)
	narrowAt := docsPosition(t, ref.View())
	if wideAt == narrowAt || !strings.HasPrefix(wideAt, "lines 4–") {
		t.Fatalf("positions: %q at 120 columns, %q at 84", wideAt, narrowAt)
	}

	m, _ := newApp(t, docsWide)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 30))
	waitFor(t, tm, "Discovery")
	for _, k := range docsOpenWide {
		tm.Send(key(k))
	}
	waitFor(t, tm, "Paragraph A ends here.")
	tm.Send(key("J"))
	tm.Send(key("J"))
	tm.Send(key("J"))
	waitFor(t, tm, wideAt)
	tm.Send(tea.WindowSizeMsg{Width: 84, Height: 30})
	waitFor(t, tm, narrowAt)
	tm.Send(key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	final := tm.FinalModel(t).(*ui.Model)
	v := final.View()
	assertFits(t, v, 84, 30)
	if !strings.Contains(ansi.Strip(v), "Lead lifecycle notes · rev 1") {
		t.Fatalf("the doc is not on screen after the resize:\n%s", ansi.Strip(v))
	}
}

// docsFakeEditor writes an $EDITOR script that appends a line to the file
// it is given.
func docsFakeEditor(t *testing.T, line string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "append-editor")
	script := "#!/bin/sh\nfor f; do :; done\nprintf '\\n%s\\n' '" + line + "' >> \"$f\"\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func docsStored(t *testing.T, s *store.Store, title string) model.Doc {
	t.Helper()
	ps, err := s.Projects()
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadProject(ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range d.Docs {
		if doc.Title == title {
			return doc
		}
	}
	t.Fatalf("no doc %q stored", title)
	return model.Doc{}
}

// TestDocsEditInEditorThenUndo runs the editor through tea.ExecProcess in
// a real program loop.
func TestDocsEditInEditorThenUndo(t *testing.T) {
	const line = "Agreed on the steering committee: go-live moves one week."
	t.Setenv("EDITOR", docsFakeEditor(t, line)+" --wait")
	m, s := newApp(t, nil)
	old := docsStored(t, s, "Discovery document")
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Discovery")
	tm.Send(key("4"))
	tm.Send(key("j"))
	waitFor(t, tm, "Acme runs about 400 campaigns")
	tm.Send(key("e"))
	// The line may be drawn with the save's frame already; else G
	// scrolls down to it.
	if out := waitForKeep(t, tm, `saved "Discovery document", revision 3`); !bytes.Contains(out, []byte(line)) {
		tm.Send(key("G"))
		waitFor(t, tm, line)
	}

	got := docsStored(t, s, "Discovery document")
	if got.Body != old.Body+"\n"+line+"\n" || got.Rev != old.Rev+1 {
		t.Fatalf("stored after the edit: rev %d, body ends %q", got.Rev, got.Body[max(len(got.Body)-90, 0):])
	}

	tm.Send(key("u"))
	waitFor(t, tm, "undone")
	tm.Send(key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if back := docsStored(t, s, "Discovery document"); back.Body != old.Body || back.Rev != old.Rev {
		t.Fatalf("undo did not restore the old text: rev %d", back.Rev)
	}
	final := tm.FinalModel(t).(*ui.Model)
	if v := ansi.Strip(final.View()); strings.Contains(v, "Agreed on the steering") || !strings.Contains(v, "rev 2") {
		t.Fatalf("the view still shows the undone edit:\n%s", v)
	}
}

func TestDocsHostileDocIsDrawnInert(t *testing.T) {
	m := started(t, 120, 40, func(d *model.ProjectData) {
		d.Docs = append(d.Docs, model.Doc{Title: "Notes \x1b[31mred", Rev: 1, Updated: now,
			Body: "# Hi\x1b]0;pwned\x07\n\nclear &#27;[2J and <iframe src=x></iframe> \u202egnp.exe\n"})
	})
	press(t, m, docsOpenWide...)
	v := m.View()
	if strings.Contains(v, "\x1b") {
		t.Fatalf("colour is off but the view holds an escape: %q", v)
	}
	for _, bad := range []string{"\x07", "\u202e", "<iframe"} {
		if strings.Contains(v, bad) {
			t.Fatalf("the view holds %q", bad)
		}
	}
	for _, want := range []string{"Notes ␛[31mred", "Hi␛]0;pwned␇", "clear ␛[2J"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the view lacks %q:\n%s", want, v)
		}
	}
}

func TestDocsPromptHoldsGlobalKeys(t *testing.T) {
	m := started(t, 120, 40, nil)
	press(t, m, "4", "a", "q", "2", "?")
	if m.Active() != 3 {
		t.Fatalf("typing in the title prompt switched pane to %d", m.Active())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "new doc title: q2?") {
		t.Fatalf("the prompt did not get the keys:\n%s", v)
	}
	press(t, m, "esc", "2")
	if m.Active() != 1 {
		t.Fatal("global keys do not work again after the prompt closed")
	}
}
