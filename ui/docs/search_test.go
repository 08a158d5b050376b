package docs

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
)

func TestFindAll(t *testing.T) {
	items := []searchable{
		{id: 0, title: "Status report", body: "nothing"},
		{id: 1, title: "Budget notes", body: "budget BUDGET Budget"},
		{id: 2, title: "Plan", body: "no match here"},
		{id: 3, title: "Other", body: "the budget line"},
	}
	got := findAll("Budget", items)
	want := []docHit{{id: 1, title: true, n: 3}, {id: 3, n: 1}}
	if len(got) != len(want) {
		t.Fatalf("hits %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("hit %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestSearchStepWrapsBothWays(t *testing.T) {
	s := searchState{query: "x", hits: []docHit{{id: 1, title: true, n: 2}, {id: 3, n: 1}}}
	s.occ = s.hits[0].first()
	var seen []match
	for range 5 {
		seen = append(seen, s.current())
		s.step(1)
	}
	want := []match{{1, -1}, {1, 0}, {1, 1}, {3, 0}, {1, -1}}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("forward %d = %+v, want %+v (all %+v)", i, seen[i], want[i], seen)
		}
	}
	if s.total() != 4 || s.ordinal() != 2 {
		t.Fatalf("total %d ordinal %d, want 4 and 2", s.total(), s.ordinal())
	}
	s.step(-1)
	s.step(-1)
	if s.current() != (match{3, 0}) || s.ordinal() != 4 {
		t.Fatalf("backward across the wrap: %+v, ordinal %d", s.current(), s.ordinal())
	}
}

// longDoc has a unique word far down, past the first screen.
func longDoc() model.Doc {
	var b strings.Builder
	b.WriteString("# Cut-over\n\n")
	for i := range 120 {
		b.WriteString("Step of the plan, nothing special here.\n\n")
		if i == 90 {
			b.WriteString("Then switch the **DNS** records to the new platform.\n\n")
		}
	}
	b.WriteString("Finally check the dns records again.\n")
	return model.Doc{Title: "Cut-over plan", Body: b.String(), Rev: 1, Updated: testNow}
}

func TestSearchJumpsToTheMatchAndSteps(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) { d.Docs = append(d.Docs, longDoc()) })
	h.press("/")
	if !h.p.Capturing() {
		t.Fatal("the search prompt does not hold the keyboard")
	}
	h.typeText("dns")
	e, _ := h.p.selected()
	if e.doc.Title != "Cut-over plan" {
		t.Fatalf("search did not open the doc with the match: %q", e.doc.Title)
	}
	v := h.view()
	h.mustContain(v, "Then switch the DNS records", `search "dns": match 1 of 2 in 1 docs`)
	if h.p.pager.offset == 0 {
		t.Fatal("the view did not scroll to the match")
	}
	if line := ansi.Strip(h.p.pager.lines[h.p.hiLine]); !strings.Contains(strings.ToLower(line), "dns") {
		t.Fatalf("the marked line is %q", line)
	}
	first := h.p.pager.offset
	h.press("ctrl+n")
	h.mustContain(h.view(), "Finally check the dns records", "match 2 of 2")
	if h.p.pager.offset <= first {
		t.Fatal("the next match did not scroll further down")
	}
	h.press("ctrl+n")
	h.mustContain(h.view(), "match 1 of 2")
	h.press("ctrl+p")
	h.mustContain(h.view(), "match 2 of 2")
	h.press("esc")
	if h.p.search.active() || strings.Contains(h.view(), `search "dns"`) {
		t.Fatal("esc did not clear the search")
	}
}

func TestSearchAcrossDocsAndTitles(t *testing.T) {
	h := newHarness(t, nil)
	h.press("/")
	h.typeText("plan")
	if !h.p.search.active() {
		t.Fatalf("no match for plan: %q", h.host.Note)
	}
	seen := map[string]bool{}
	for range h.p.search.total() {
		e, _ := h.p.selected()
		seen[e.doc.Title] = true
		h.press("ctrl+n")
	}
	for _, want := range []string{"Test plan", "Discovery document", "Status report"} {
		if !seen[want] {
			t.Errorf("stepping through the matches never opened %q (saw %v)", want, seen)
		}
	}
}

func TestSearchWithoutMatchSaysSo(t *testing.T) {
	h := newHarness(t, nil)
	h.press("/")
	h.typeText("zeppelin")
	if h.host.Err != "" || !strings.Contains(h.host.Note, `no doc mentions "zeppelin"`) || h.p.search.active() {
		t.Fatalf("note %q, error %q", h.host.Note, h.host.Err)
	}
	h.press("ctrl+n")
	if !strings.Contains(h.host.Note, "press / to search") {
		t.Fatalf("ctrl+n without a search: %q", h.host.Note)
	}
}

func TestStaleSearchResultIsDropped(t *testing.T) {
	h := newHarness(t, nil)
	h.skip = func(msg any) bool { _, ok := msg.(searchResultMsg); return ok }
	h.press("/")
	h.typeText("design")
	h.skip = nil
	h.press("/")
	for range len("design") {
		h.run(h.p.Update(backspace()))
	}
	h.typeText("training")
	h.skip = func(any) bool { return false }
	h.release()
	if h.p.search.query != "training" {
		t.Fatalf("an older search replaced the newer one: %q", h.p.search.query)
	}
}
