package docs

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
	"mopdeck/ui/uitest"
)

// testNow is the pinned clock of the pane tests.
var testNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// harness drives the pane with a uitest.Host standing in for the root:
// writes come back as events applied to the host's project, then the
// write's follow-up; the host keeps the status line (Err, Note).
type harness struct {
	t    testing.TB
	p    *Pane
	s    *store.Store
	pid  uint64
	host *uitest.Host
	// skip, when set, is asked about each message before it is delivered;
	// true holds it back (to test what the user sees meanwhile).
	skip func(any) bool
	held []tea.Msg
}

func newHarness(t testing.TB, edit func(d *model.ProjectData)) *harness {
	t.Helper()
	ctx, pid := uitest.Sample(t, edit)
	s := ctx.Store
	h := &harness{t: t, p: New(ctx), s: s, pid: pid}
	h.host = &uitest.Host{Pane: h.p, Load: common.LoadProject(s, pid)}
	h.p.SetSize(120, 37)
	h.p.focused = true // on screen, as when its tab is chosen
	h.run(common.LoadProject(s, pid))
	return h
}

// switchTo opens another project of the store, as the root does on a
// project switch.
func (h *harness) switchTo(pid uint64) {
	h.t.Helper()
	h.pid = pid
	h.host.Data, h.host.Load = nil, common.LoadProject(h.s, pid)
	h.run(common.LoadProject(h.s, pid))
}

// run executes cmd and everything it leads to.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	uitest.Settle(h.t, cmd, h.deliver)
}

func (h *harness) deliver(msg tea.Msg) []tea.Cmd {
	if h.skip != nil && h.skip(msg) {
		h.held = append(h.held, msg)
		return nil
	}
	return h.host.Deliver(msg)
}

// clearStatus empties the status line.
func (h *harness) clearStatus() { h.host.Err, h.host.Note = "", "" }

// release delivers the held messages.
func (h *harness) release() {
	h.t.Helper()
	held := h.held
	h.held, h.skip = nil, nil
	for _, m := range held {
		msg := m
		h.run(func() tea.Msg { return msg })
	}
}

func keyMsg(s string) tea.KeyMsg { return uitest.Key(s) }

func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.run(h.p.Update(keyMsg(k)))
	}
}

// typeText types text into an open prompt and presses enter.
func (h *harness) typeText(text string) {
	h.t.Helper()
	for _, r := range text {
		h.press(string(r))
	}
	h.press("enter")
}

func (h *harness) resize(w, height int) {
	h.t.Helper()
	h.p.SetSize(w, height)
	h.run(h.p.Update(tea.WindowSizeMsg{Width: w, Height: height}))
}

func (h *harness) view() string { return ansi.Strip(h.p.View()) }

// selectTitle moves the list to the entry with the given title.
func (h *harness) selectTitle(title string) {
	h.t.Helper()
	for i := 0; i < len(h.p.entries); i++ {
		if e, _ := h.p.selected(); e.doc.Title == title {
			return
		}
		h.press("j")
	}
	h.t.Fatalf("no entry %q in %v", title, h.titles())
}

func (h *harness) titles() []string {
	var out []string
	for _, e := range h.p.entries {
		out = append(out, e.doc.Title)
	}
	return out
}

// storedDoc reads a doc back from the store by title.
func (h *harness) storedDoc(title string) (model.Doc, bool) {
	h.t.Helper()
	d, err := h.s.LoadProject(h.pid)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, doc := range d.Docs {
		if doc.Title == title {
			return doc, true
		}
	}
	return model.Doc{}, false
}

func (h *harness) mustContain(view string, want ...string) {
	h.t.Helper()
	for _, w := range want {
		if !strings.Contains(view, w) {
			h.t.Fatalf("view lacks %q:\n%s", w, view)
		}
	}
}

func backspace() tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyBackspace} }

func teaSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func itoa(n int) string { return strconv.Itoa(n) }
