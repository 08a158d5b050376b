package docs

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/components"
)

func TestReportIsFirstAndReadOnly(t *testing.T) {
	h := newHarness(t, nil)
	titles := h.titles()
	if titles[0] != reportTitle || !h.p.entries[0].report {
		t.Fatalf("the report is not first: %v", titles)
	}
	v := h.view()
	h.mustContain(v, "Status report · generated 2026-11-23 · read-only", "Acme MRM roll-out — status report", "Phases", "generated · always current")
	for _, k := range []string{"e", "E", "t", "d"} {
		h.clearStatus()
		h.press(k)
		if !strings.Contains(h.host.Err, "cannot be edited") {
			t.Errorf("%s on the report: error %q", k, h.host.Err)
		}
		if h.p.Capturing() {
			t.Fatalf("%s on the report opened a prompt", k)
		}
	}
}

func TestReportFollowsTheData(t *testing.T) {
	h := newHarness(t, nil)
	before := h.p.report.text
	// Another pane's write: its event reaches the pane, no load.
	c := h.p.data.Changes[0]
	h.run(h.p.ctx.Save("estimate raised", func(s *store.Store) error {
		_, err := s.UpdateChange(h.pid, c.ID, "tester", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			c.EstimateHrs += 1000
			return c, nil
		})
		return err
	}))
	if h.p.report.text == before {
		t.Fatal("the report did not change after the data did")
	}
	shown := ansi.Strip(strings.Join(h.p.pager.lines, "\n"))
	if !strings.Contains(shown, c.Ref()) || !strings.Contains(shown, "tester") {
		t.Fatalf("the report on screen does not show the new history:\n%s", shown)
	}
}

func TestOpenDocShowsRenderedMarkdown(t *testing.T) {
	h := newHarness(t, nil)
	h.selectTitle("Design document")
	v := h.view()
	h.mustContain(v, "Design document · Design · rev 5", "Data fields", "• Campaign: name", "brand manager    │ own brand")
	if strings.Contains(v, "|---|") || strings.Contains(v, "- Campaign") {
		t.Fatalf("the doc is not rendered:\n%s", v)
	}
	if strings.Contains(h.p.View(), "\x1b") {
		t.Fatal("colour is off but the view holds ESC")
	}
}

func TestListShowsTitlePhaseAndDate(t *testing.T) {
	h := newHarness(t, nil)
	v := h.view()
	doc, _ := h.storedDoc("Design document")
	h.mustContain(v, "Design document", components.Date(doc.Updated)+" · Design")
}

func TestRenderingIsOffTheUpdatePathAndStaleResultsAreDropped(t *testing.T) {
	h := newHarness(t, nil)
	h.skip = func(msg any) bool { _, ok := msg.(renderedMsg); return ok }
	h.selectTitle("Test plan")
	if !h.p.waiting || !strings.Contains(h.view(), "rendering…") {
		t.Fatalf("no rendering… while the doc renders:\n%s", h.view())
	}
	// The user moves on before the rendering arrives: it must not show.
	h.press("j")
	h.release()
	e, _ := h.p.selected()
	if e.doc.Title != "Training manual" || !strings.Contains(h.view(), "Who this manual is for") {
		t.Fatalf("the view shows something else than the selected doc:\n%s", h.view())
	}
	// A result made for another width is dropped, not cached.
	k := h.p.showing
	k.width = 7
	h.run(h.p.Update(renderedMsg{key: k, r: &rendering{lines: []string{"STALE"}, size: 5}}))
	if _, ok := h.p.cache.get(k); ok || strings.Contains(h.view(), "STALE") {
		t.Fatal("a rendering for a gone width was kept")
	}
}

func TestHugeDocOpensWithoutBlocking(t *testing.T) {
	big := strings.Repeat("A line of the migration log with \x1b[31mcolour\x1b[0m and &#27;[2J entities.\n", 5<<20/70)
	h := newHarness(t, func(d *model.ProjectData) {
		d.Docs = append(d.Docs, model.Doc{Title: "Migration log", Body: big, Rev: 1, Updated: testNow})
	})
	h.skip = func(msg any) bool { _, ok := msg.(renderedMsg); return ok }
	h.selectTitle("Migration log")
	if !strings.Contains(h.view(), "rendering…") {
		t.Fatalf("a 5 MB doc shows no rendering… note:\n%s", h.view())
	}
	h.release()
	v := h.p.View()
	if strings.Contains(v, "\x1b") {
		t.Fatal("the huge doc drew an escape")
	}
	h.mustContain(ansi.Strip(v), "␛[31mcolour␛[0m", "large doc shown as plain text")
	h.press("G")
	h.mustContain(h.view(), "lines ")
}

func TestHostileDocIsDrawnInert(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) {
		d.Docs = append(d.Docs, model.Doc{Title: "Evil \x1b]52;c;aGk=\x07", Rev: 1, Updated: testNow,
			Body: "# Hi \x1b[2J\n\n&#27;]52;c;aGk=&#7; <script>alert(1)</script> \u202eevil \u009b31m\n"})
	})
	h.selectTitle("Evil \x1b]52;c;aGk=\x07")
	v := h.p.View()
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u009b", "<script"} {
		if strings.Contains(v, bad) {
			t.Fatalf("view holds %q:\n%q", bad, v)
		}
	}
	h.mustContain(v, "Evil ␛]52;c;aGk=␇", "Hi ␛[2J", "␛]52;c;aGk=␇")
}

func TestSwitchingProjectResetsThePane(t *testing.T) {
	h := newHarness(t, nil)
	h.selectTitle("Test plan")
	h.press("/")
	h.typeText("plan")
	other := model.SampleProject(testNow)
	other.Project.Name = "Beta"
	other.Docs = []model.Doc{{Title: "Beta charter", Body: "# Beta\n", Rev: 1, Updated: testNow}}
	for i := range other.Phases { // the sample's deliverables link docs dropped here
		for j := range other.Phases[i].Deliverables {
			other.Phases[i].Deliverables[j].DocID = 0
		}
	}
	saved, err := h.s.CreateProject(other, "tester")
	if err != nil {
		t.Fatal(err)
	}
	h.switchTo(saved.Project.ID)
	if got := h.titles(); len(got) != 2 || got[1] != "Beta charter" {
		t.Fatalf("entries after the switch: %v", got)
	}
	if h.p.search.active() || h.p.list.Pos != 0 {
		t.Fatal("the search or the selection of the other project survived the switch")
	}
	h.mustContain(h.view(), "Beta — status report")
}
