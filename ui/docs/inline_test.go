package docs

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
)

// remoteHarness is the pane as a team session runs it.
func remoteHarness(t *testing.T) *harness {
	h := newHarness(t, nil)
	h.p.ctx.Remote = true
	return h
}

// typeInline types text into the open text area, key by key.
func (h *harness) typeInline(text string) {
	h.t.Helper()
	for _, r := range text {
		if r == '\n' {
			h.run(h.p.Update(tea.KeyMsg{Type: tea.KeyEnter}))
			continue
		}
		h.run(h.p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
	}
}

// In a team session e edits the doc in the app: no editor runs, the text
// typed is saved with ctrl+s as the next revision, the whole doc kept (a
// doc of more lines than the text area shows included).
func TestSessionEditsADocInTheApp(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) {
		for i := range d.Docs {
			if d.Docs[i].Title == "Discovery document" {
				d.Docs[i].Body += strings.Repeat("\n- one more line of notes", 150) // past the text area's default 99 lines
			}
		}
	})
	h.p.ctx.Remote = true
	used := useEditor(h, fakeEditor(t, `echo "from the editor" >> "$f"`))
	h.selectTitle("Discovery document")
	before, _ := h.storedDoc("Discovery document")
	h.press("e")
	if v := h.view(); !strings.Contains(v, "Editing Discovery document") || !h.p.Capturing() || !h.p.Typing() {
		t.Fatalf("no text area:\n%s", v)
	}
	h.press("ctrl+end") // the end of the text
	h.typeInline("\nAgreed: go-live moves one week.")
	h.press("ctrl+s")
	after, _ := h.storedDoc("Discovery document")
	if after.Rev != before.Rev+1 || after.Body != before.Body+"\nAgreed: go-live moves one week." {
		t.Fatalf("stored rev %d, body ends %q", after.Rev, tail(after.Body))
	}
	if h.p.inline != nil || !strings.Contains(h.host.Note, "revision") {
		t.Fatalf("after the save: open %v, note %q", h.p.inline != nil, h.host.Note)
	}
	if used() != "" {
		t.Fatal("an editor ran for a team session")
	}
}

// esc on a changed text asks first; n keeps the text, y drops it and
// writes nothing. esc on an unchanged text closes at once.
func TestSessionEditAsksBeforeDiscarding(t *testing.T) {
	h := remoteHarness(t)
	h.selectTitle("Design document")
	before, _ := h.storedDoc("Design document")
	h.press("e", "esc")
	if h.p.inline != nil {
		t.Fatal("esc on an unchanged text did not close it")
	}
	h.press("e")
	h.typeInline("draft")
	h.press("esc")
	if !strings.Contains(h.view(), "discard your changes") {
		t.Fatalf("no question:\n%s", h.view())
	}
	h.press("n")
	if h.p.inline == nil || !strings.Contains(h.p.inline.area.Value(), "draft") {
		t.Fatal("n lost the text")
	}
	h.press("esc", "y")
	after, _ := h.storedDoc("Design document")
	if h.p.inline != nil || after.Rev != before.Rev {
		t.Fatalf("after y: open %v, rev %d (was %d)", h.p.inline != nil, after.Rev, before.Rev)
	}
}

// A revision saved by someone else while the text is open is not
// overwritten: the save is refused, and the text stays to be copied.
func TestSessionEditKeepsTheTextWhenARevisionCameMeanwhile(t *testing.T) {
	h := remoteHarness(t)
	h.selectTitle("Design document")
	h.press("e")
	h.typeInline("mine")
	doc, _ := h.storedDoc("Design document")
	if _, err := h.s.UpdateDoc(h.pid, doc.ID, "someone else", func(d model.Doc) (model.Doc, error) {
		return d.Revised(d.Body+"\ntheirs", testNow), nil
	}); err != nil {
		t.Fatal(err)
	}
	h.press("ctrl+s")
	if !strings.Contains(h.host.Err, "your text stays here") {
		t.Fatalf("error %q", h.host.Err)
	}
	if h.p.inline == nil || !strings.Contains(h.p.inline.area.Value(), "mine") || h.p.inline.saving {
		t.Fatal("the text area closed or lost the text after a refused save")
	}
	stored, _ := h.storedDoc("Design document")
	if strings.Contains(stored.Body, "mine") || !strings.Contains(stored.Body, "theirs") {
		t.Fatalf("stored %q", tail(stored.Body))
	}
}

// A doc too long for the text area is not opened in it, and says where to
// edit it.
func TestSessionEditRefusesADocTooLong(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) {
		d.Docs[0].Body = strings.Repeat("A long line of a long doc.\n", maxInlineBytes/20)
	})
	h.p.ctx.Remote = true
	h.selectTitle(h.titles()[1])
	h.press("e")
	if h.p.inline != nil || !strings.Contains(h.host.Err, "too long to edit in the app") {
		t.Fatalf("open %v, error %q", h.p.inline != nil, h.host.Err)
	}
}

// In a team session a new doc opens in the app's text area once named,
// as it opens in the editor elsewhere, and ctrl+s saves what is typed.
func TestSessionWritesANewDocInTheApp(t *testing.T) {
	h := remoteHarness(t)
	used := useEditor(h, fakeEditor(t, `echo "from the editor" >> "$f"`))
	h.press("a")
	h.typeText("Cut-over runbook")
	if h.p.inline == nil || used() != "" {
		t.Fatalf("the new doc is not open in the app (text area %v, editor run on %q)", h.p.inline != nil, used())
	}
	h.press("ctrl+end")
	h.typeInline("Freeze on Friday.")
	h.press("ctrl+s")
	doc, _ := h.storedDoc("Cut-over runbook")
	if !strings.Contains(doc.Body, "Freeze on Friday.") || doc.Rev != 2 {
		t.Fatalf("stored: rev %d, body %q", doc.Rev, doc.Body)
	}
}
