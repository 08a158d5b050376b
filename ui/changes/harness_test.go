package changes

import (
	"os"
	"reflect"
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

var now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// harness runs the pane as the root model would (uitest.Host): it
// executes commands, applies the events of every save and keeps the
// status-line messages.
type harness struct {
	t    testing.TB
	p    *Pane
	s    *store.Store
	ctx  *common.Context
	pid  uint64
	host *uitest.Host
}

func newHarness(t testing.TB, edit func(d *model.ProjectData)) *harness {
	t.Helper()
	ctx, pid := uitest.Sample(t, edit)
	s := ctx.Store
	h := &harness{t: t, p: New(ctx), s: s, ctx: ctx, pid: pid}
	h.host = &uitest.Host{Pane: h.p, Load: common.LoadProject(s, pid)}
	h.p.SetSize(120, 37)
	h.run(common.LoadProject(s, h.pid))
	return h
}

// run executes a command and everything it leads to, in order.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	uitest.Settle(h.t, cmd, func(msg tea.Msg) []tea.Cmd {
		if isSequence(msg) {
			// A form's start-up sequence: focus is already set; its
			// commands only schedule cursor blinks and size queries.
			return nil
		}
		return h.host.Deliver(msg)
	})
}

func isSequence(msg tea.Msg) bool {
	t := reflect.TypeOf(msg)
	return t.Kind() == reflect.Slice && t.Elem() == reflect.TypeOf(tea.Cmd(nil))
}

func keyMsg(s string) tea.KeyMsg { return uitest.Key(s) }

func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.run(h.p.Update(keyMsg(k)))
	}
}

func (h *harness) view() string { return ansi.Strip(h.p.View()) }

// stored reads a request back from the database.
func (h *harness) stored(id uint64) model.ChangeRequest {
	h.t.Helper()
	d, err := h.s.LoadProject(h.pid)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, c := range d.Changes {
		if c.ID == id {
			return c
		}
	}
	h.t.Fatalf("CR-%d is not stored", id)
	return model.ChangeRequest{}
}

// tableIDs lists the refs of the rows drawn, top to bottom.
func (h *harness) tableIDs() []string {
	var ids []string
	for _, l := range strings.Split(h.view(), "\n") {
		if l = uitest.Unmarked(l); strings.HasPrefix(l, "CR-") {
			ids = append(ids, strings.Fields(l)[0])
		}
	}
	return ids
}

func (h *harness) lastErr() string {
	if len(h.host.Errs) == 0 {
		return ""
	}
	return h.host.Errs[len(h.host.Errs)-1]
}

func (h *harness) lastNote() string {
	if len(h.host.Notes) == 0 {
		return ""
	}
	return h.host.Notes[len(h.host.Notes)-1]
}
