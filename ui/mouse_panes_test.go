package ui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/themes"
	"mopdeck/ui"
	"mopdeck/ui/uitest"
)

// The mouse in every pane, through the root: each test finds on the
// screen where something is drawn, clicks there, and checks that what it
// clicked is what the keys now act on. The clock is pinned, so a second
// click on the same cell is a double click.

// screen is the window as plain text, one string per line.
func screen(m *ui.Model) []string { return strings.Split(ansi.Strip(m.View()), "\n") }

// cellOf is the cell where text is first drawn at or below line from.
func cellOf(t *testing.T, m *ui.Model, text string, from int) (x, y int) {
	t.Helper()
	lines := screen(m)
	for y := from; y < len(lines); y++ {
		if i := strings.Index(lines[y], text); i >= 0 {
			return ansi.StringWidth(lines[y][:i]), y
		}
	}
	t.Fatalf("%q is not on the screen:\n%s", text, strings.Join(lines, "\n"))
	return 0, 0
}

func mouse(t *testing.T, m *ui.Model, msgs ...tea.MouseMsg) {
	t.Helper()
	for _, msg := range msgs {
		_, cmd := m.Update(msg)
		settle(t, m, cmd)
	}
}

// clickOn clicks where text is drawn (below the tab bar).
func clickOn(t *testing.T, m *ui.Model, text string) {
	t.Helper()
	x, y := cellOf(t, m, text, 1)
	mouse(t, m, click(x, y))
}

// doubleClickOn clicks twice where text is drawn.
func doubleClickOn(t *testing.T, m *ui.Model, text string) {
	t.Helper()
	x, y := cellOf(t, m, text, 1)
	mouse(t, m, click(x, y), click(x, y))
}

// pointedLine is the row marked by the pointer, from its mark on (a
// pointer at a column or a quadrant, with no space after it, is not a
// row's).
func pointedLine(t *testing.T, m *ui.Model) string {
	t.Helper()
	for _, l := range screen(m) {
		if i := strings.Index(l, themes.Pointer+" "); i >= 0 {
			return l[i:]
		}
	}
	t.Fatalf("no line is marked:\n%s", strings.Join(screen(m), "\n"))
	return ""
}

func wantOnScreen(t *testing.T, m *ui.Model, texts ...string) {
	t.Helper()
	v := strings.Join(screen(m), "\n")
	for _, s := range texts {
		if !strings.Contains(v, s) {
			t.Fatalf("%q is not on the screen:\n%s", s, v)
		}
	}
}

func TestClickAChangeRequestThenDoubleClickOpensIt(t *testing.T) {
	m := started(t, 100, 24, nil)
	press(t, m, "2")
	clickOn(t, m, "CR-5 ")
	if l := pointedLine(t, m); !strings.HasPrefix(l, themes.Pointer+" CR-5 ") {
		t.Fatalf("after a click on CR-5 the selection is %q", l)
	}
	wantOnScreen(t, m, "3 of 15") // CR-5 is third in priority order
	clickOn(t, m, "CR-6 ")        // another cell: not a double click
	if l := pointedLine(t, m); !strings.HasPrefix(l, themes.Pointer+" CR-6 ") {
		t.Fatalf("after a click on CR-6 the selection is %q", l)
	}
	wantOnScreen(t, m, "4 of 15")
	doubleClickOn(t, m, "CR-10 ")
	wantOnScreen(t, m, "CR-10 · read-only", "Allow parallel proof rounds")
}

// manyChanges gives the sample 40 more requests than a 24-line window
// shows.
func manyChanges(d *model.ProjectData) {
	for i := range 40 {
		d.Changes = append(d.Changes, model.ChangeRequest{ID: uint64(100 + i), Title: fmt.Sprintf("extra request %d", i),
			CreatedAt: now, Status: model.StatusNew})
	}
}

func TestWheelScrollsTheChangeRequestsTable(t *testing.T) {
	m := started(t, 100, 24, manyChanges)
	press(t, m, "2")
	_, y := cellOf(t, m, "Quadrant", 1)
	first := func() string { return strings.Fields(strings.TrimPrefix(screen(m)[y+1], themes.Pointer))[0] }
	top := first()
	mouse(t, m, wheel(true, 10, y+5))
	if got := first(); got == top {
		t.Fatalf("the wheel did not scroll the table: %s still on top", got)
	}
	// The selection was on the first row, now scrolled off: it follows
	// into view rather than be lost.
	if _, at := cellOf(t, m, themes.Pointer, 1); at != y+1 {
		t.Fatalf("the selection is on line %d, want the first row (line %d)", at, y+1)
	}
	mouse(t, m, wheel(true, 10, y+5), wheel(false, 10, y+5), wheel(false, 10, y+5))
	if got := first(); got != top {
		t.Fatalf("wheel down twice, up twice: %s on top, want %s", got, top)
	}
}

func TestClickAMatrixQuadrantThenDoubleClickFiltersToIt(t *testing.T) {
	m := started(t, 100, 24, nil)
	press(t, m, "2", "m")
	x, y := cellOf(t, m, "Money pit", 1)
	mouse(t, m, click(x+10, y+2)) // inside the cell, under its title
	wantOnScreen(t, m, themes.Pointer+"Money pit")
	if strings.Contains(strings.Join(screen(m), "\n"), themes.Pointer+"Quick win") {
		t.Fatal("two quadrants are selected")
	}
	// The labels and the border are no quadrant.
	_, ly := cellOf(t, m, "high impact", 3)
	mouse(t, m, click(2, ly))
	wantOnScreen(t, m, themes.Pointer+"Money pit")
	mouse(t, m, click(x+10, y+2), click(x+10, y+2))
	wantOnScreen(t, m, "filter: quadrant: money pit", "CR-2 ", "CR-3 ")
	if strings.Contains(strings.Join(screen(m), "\n"), "CR-1 ") {
		t.Fatal("the table still shows a quick win")
	}
}

// eachLook runs test without colour (the mono theme, and no colour on
// the terminal: the rows then carry the pointer mark) and in colour.
func eachLook(t *testing.T, test func(t *testing.T, p themes.Palette)) {
	eachPalette(t, test)
	t.Run("colour", func(t *testing.T) {
		lipgloss.SetColorProfile(termenv.TrueColor)
		t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
		test(t, themes.Default())
	})
}

// startedIn is started with palette p, and returns the store too.
func startedIn(t *testing.T, p themes.Palette, w, h int, edit func(d *model.ProjectData)) (*ui.Model, *store.Store) {
	t.Helper()
	ctx, pid := uitest.Sample(t, edit)
	ctx.Styles = themes.NewStyles(p, true)
	m := ui.New(ctx, pid)
	settle(t, m, m.Init())
	resize(t, m, w, h)
	return m, ctx.Store
}

// roleOf reads a cell of the matrix off the store, by names.
func roleOf(t *testing.T, s *store.Store, activity, person string) model.Role {
	t.Helper()
	d := projectOf(t, s)
	var act, pe uint64
	for _, a := range d.Activities {
		if a.Name == activity {
			act = a.ID
		}
	}
	for _, p := range d.People {
		if p.Name == person {
			pe = p.ID
		}
	}
	if act == 0 || pe == 0 {
		t.Fatalf("no activity %q or person %q in the sample", activity, person)
	}
	for _, c := range d.Cells {
		if c.ActivityID == act && c.PersonID == pe {
			return c.Role
		}
	}
	return model.RoleNone
}

// Every cell of a quadrant selects it, up to its edges; the labels, the
// border and the rule between the quadrants select none.
func TestMatrixQuadrantsEndWhereTheyAreDrawn(t *testing.T) {
	m := started(t, 100, 24, nil)
	press(t, m, "2", "m")
	lines := screen(m)
	_, top := cellOf(t, m, "low effort", 1)
	_, end := cellOf(t, m, "not rated yet", 1)
	ruleLine, rule := lineWith(lines, "┼")
	left := strings.Index(ruleLine, "─")
	border := ansi.StringWidth(ruleLine[:strings.Index(ruleLine, "┼")])
	right := ansi.StringWidth(strings.TrimRight(ruleLine, " "))
	names := []string{"Quick win", "Major project", "Fill-in", "Money pit"}
	selected := func() string {
		t.Helper()
		v := strings.Join(screen(m), "\n")
		for _, n := range names {
			if strings.Contains(v, themes.Pointer+n) {
				return n
			}
		}
		t.Fatalf("no quadrant is selected:\n%s", v)
		return ""
	}
	corners := []struct {
		x0, x1, y0, y1 int
		name           string
	}{
		{left, border - 1, top + 1, rule - 1, "Quick win"},
		{border + 1, right - 1, top + 1, rule - 1, "Major project"},
		{left, border - 1, rule + 1, end - 1, "Fill-in"},
		{border + 1, right - 1, rule + 1, end - 1, "Money pit"},
	}
	for _, c := range corners {
		for _, at := range [][2]int{{c.x0, c.y0}, {c.x1, c.y1}, {c.x0, c.y1}, {c.x1, c.y0}} {
			mouse(t, m, click(at[0], at[1]))
			if got := selected(); got != c.name {
				t.Fatalf("a click on (%d,%d) selects %s, want %s", at[0], at[1], got, c.name)
			}
		}
		for _, at := range [][2]int{{left - 1, c.y0}, {border, c.y0}, {c.x0, rule}, {c.x0, top}, {c.x0, end}, {right, c.y0}} {
			mouse(t, m, click(at[0], at[1]))
			if got := selected(); got != c.name {
				t.Fatalf("a click on (%d,%d), outside the quadrants, selects %s", at[0], at[1], got)
			}
		}
	}
}

func TestClickARACICellThenRSetsThatCell(t *testing.T) {
	eachLook(t, func(t *testing.T, p themes.Palette) {
		m, s := startedIn(t, p, 100, 24, nil)
		press(t, m, "3")
		const build = "Configured development environment"
		if r := roleOf(t, s, build, "Léa Petit"); r != model.RoleNone {
			t.Fatalf("the sample's %s × Léa Petit is %v, want no letter", build, r)
		}
		x, _ := cellOf(t, m, "Léa Petit", 1)
		_, y := cellOf(t, m, "Configured developmen", 1)
		mouse(t, m, click(x+4, y))
		press(t, m, "r")
		if r := roleOf(t, s, build, "Léa Petit"); r != model.Responsible {
			t.Fatalf("after a click on %s × Léa Petit and r, the cell is %v, want R", build, r)
		}
		// A click on a person's name moves the column only; on an
		// activity's name, the row only.
		x, y = cellOf(t, m, "Nicolas", 1)
		mouse(t, m, click(x+1, y))
		_, y = cellOf(t, m, "Design review sessions", 1)
		mouse(t, m, click(3, y))
		press(t, m, "i")
		if r := roleOf(t, s, "Design review sessions", "Nicolas Laurent"); r != model.Informed {
			t.Fatalf("after clicks on Nicolas Laurent's name and Design review sessions, then i, the cell is %v, want I", r)
		}
	})
}

// A click anywhere in a person's column, up to its edges, is that
// person's cell; left of the first column is no one's.
func TestRACIColumnsEndWhereTheyAreDrawn(t *testing.T) {
	eachLook(t, func(t *testing.T, p themes.Palette) {
		m, s := startedIn(t, p, 100, 24, nil)
		press(t, m, "3")
		people := projectOf(t, s).People
		_, y := cellOf(t, m, "Design workbooks", 1)
		detail := func() string { l, _ := lineWith(screen(m), "Design workbooks × "); return l }
		var starts []int
		for _, pe := range people {
			if !strings.Contains(strings.Join(screen(m), "\n"), pe.Name[:7]) {
				break
			}
			x, _ := cellOf(t, m, pe.Name[:7], 1)
			starts = append(starts, x)
		}
		if len(starts) < 3 {
			t.Fatalf("only %d people shown", len(starts))
		}
		for i, x := range starts {
			for _, at := range []int{x, x + (starts[1] - starts[0]) - 1} {
				mouse(t, m, click(at, y))
				if d := detail(); !strings.Contains(d, "× "+people[i].Name) {
					t.Fatalf("a click at column %d is on %q, want %s", at, d, people[i].Name)
				}
			}
		}
		mouse(t, m, click(starts[0]-1, y))
		if d := detail(); !strings.Contains(d, "× "+people[len(starts)-1].Name) {
			t.Fatalf("a click left of the first person moved the column: %q", d)
		}
	})
}

func TestWheelScrollsTheRACIRowsAndSidewaysThePeople(t *testing.T) {
	m := started(t, 100, 24, nil)
	press(t, m, "3")
	wantOnScreen(t, m, "Discovery document")
	// Each notch, down to the end and back: the cursor stays on an
	// activity in view (a phase heading is never marked).
	for i := range 12 {
		mouse(t, m, wheel(i < 6, 30, 10))
		if l := pointedLine(t, m); strings.Contains(l, "▾") {
			t.Fatalf("the cursor rests on a heading: %q", l)
		}
		if v := strings.Join(screen(m), "\n"); i == 1 && strings.Contains(v, "Discovery document") {
			t.Fatalf("the wheel did not scroll the rows:\n%s", v)
		}
	}
	names := func() string { l, _ := lineWith(screen(m), "Activity"); return l }
	if !strings.Contains(names(), "Claire M") {
		t.Fatalf("the first person is not shown: %q", names())
	}
	sideways := tea.MouseMsg{X: 50, Y: 10, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelRight}
	for range 9 {
		mouse(t, m, sideways)
	}
	if strings.Contains(names(), "Claire M") {
		t.Fatalf("nine notches right still show the first person: %q", names())
	}
	shift := tea.MouseMsg{X: 50, Y: 10, Shift: true, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelUp}
	for range 9 {
		mouse(t, m, shift)
	}
	if !strings.Contains(names(), "Claire M") {
		t.Fatalf("nine notches of shift+wheel up do not come back to the first person: %q", names())
	}
}

func TestClickADocOpensItAndTheWheelScrollsIt(t *testing.T) {
	m := started(t, 100, 24, nil)
	press(t, m, "4")
	clickOn(t, m, "Test plan")
	if l := pointedLine(t, m); !strings.HasPrefix(l, themes.Pointer+" Test plan") {
		t.Fatalf("after a click on Test plan the selection is %q", l)
	}
	wantOnScreen(t, m, "Test plan · Test · rev")
	// The doc's second list line (its date) is the same doc.
	clickOn(t, m, "2026-10-14 · Discovery")
	wantOnScreen(t, m, "Requirements sheet · Discovery · rev")

	clickOn(t, m, "Status report") // the longest: it scrolls
	wantOnScreen(t, m, "lines 1–")
	x, _ := cellOf(t, m, "│", 1)
	mouse(t, m, wheel(true, x+10, 8))
	wantOnScreen(t, m, "lines 4–")
	mouse(t, m, wheel(false, x+10, 8))
	wantOnScreen(t, m, "lines 1–")
	// Over the list the wheel goes to the next doc, not down the doc.
	mouse(t, m, wheel(true, 3, 8))
	if l := pointedLine(t, m); !strings.HasPrefix(l, themes.Pointer+" Discovery document") {
		t.Fatalf("the wheel over the list did not go to the next doc: %q", l)
	}
	wantOnScreen(t, m, "Discovery document · Discovery · rev")
	mouse(t, m, wheel(false, 3, 8))
	wantOnScreen(t, m, "Status report · generated")
}

func TestClickAPhaseThenDoubleClickOpensIt(t *testing.T) {
	m := started(t, 100, 24, nil)
	clickOn(t, m, "Test ")
	if l := pointedLine(t, m); !strings.Contains(l, "Test ") {
		t.Fatalf("after a click on Test the selection is %q", l)
	}
	wantOnScreen(t, m, "│ Test") // its detail beside the list
	doubleClickOn(t, m, "Build ")
	wantOnScreen(t, m, "deliverables: space toggles", "│ ▸ [x] Configured development environment")
	// A click in the detail selects that item; the wheel moves along
	// the items.
	clickOn(t, m, "Design review held")
	wantOnScreen(t, m, "▸ [ ] Design review held")
	x, y := cellOf(t, m, "Design review held", 1)
	mouse(t, m, wheel(false, x, y)) // three items up
	wantOnScreen(t, m, "▸ [ ] Design review sessions")
	// A click on the list gives the keys back to it.
	clickOn(t, m, "Train ")
	if v := strings.Join(screen(m), "\n"); strings.Contains(v, "deliverables: space toggles") {
		t.Fatalf("the items still have the keys after a click on the list:\n%s", v)
	}
}

func TestClickInTheTimelineAndTheChecklists(t *testing.T) {
	m := started(t, 100, 24, nil)
	press(t, m, "v")
	clickOn(t, m, "Deploy ")
	if l := pointedLine(t, m); !strings.Contains(l, "Deploy ") {
		t.Fatalf("after a click on Deploy in the timeline the selection is %q", l)
	}
	// The chart scrolls with its selection: the wheel moves it.
	mouse(t, m, wheel(false, 10, 12))
	if l := pointedLine(t, m); !strings.Contains(l, "Build ") {
		t.Fatalf("a notch up from Deploy selects %q, want Build, three phases up", l)
	}
	doubleClickOn(t, m, "Train ")
	wantOnScreen(t, m, "deliverables: space toggles")
	if l := pointedLine(t, m); !strings.Contains(l, "Train ") {
		t.Fatalf("a double click on Train in the timeline opened %q", l)
	}

	press(t, m, "esc", "c")
	clickOn(t, m, "CRM sync errors fixed")
	wantOnScreen(t, m, "▸ [ ] CRM sync errors fixed")
	clickOn(t, m, "Keep it clean") // a section's title: its first item
	wantOnScreen(t, m, "▸ [ ] Recurring deduplication")

	// A second checklist makes the view taller than the window: the
	// wheel scrolls it, the selection following, and a click lands on
	// what is drawn where it clicks.
	press(t, m, "a", "3")
	wantOnScreen(t, m, "2 checklists")
	for range 4 {
		mouse(t, m, wheel(true, 10, 10))
	}
	if v := strings.Join(screen(m), "\n"); strings.Contains(v, "Data clean-up") {
		t.Fatalf("the wheel did not scroll the checklists:\n%s", v)
	}
	pointedLine(t, m) // the selection is in view
	_, y := cellOf(t, m, "Year in review", 1)
	lines := screen(m)
	item := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(lines[y+3]), "[ ]"))
	mouse(t, m, click(10, y+3))
	if l := pointedLine(t, m); !strings.Contains(l, item) {
		t.Fatalf("a click on %q selects %q", item, l)
	}
}

func TestClickInAPickerSelectsAndDoubleClickChooses(t *testing.T) {
	m, s := startedIn(t, themes.Default(), 100, 24, nil)
	// Who am I: a click selects, a double click chooses.
	press(t, m, "2", "@")
	clickOn(t, m, "Julien Roux")
	if l := pointedLine(t, m); !strings.HasPrefix(l, themes.Pointer+" Julien Roux") {
		t.Fatalf("after a click on Julien Roux the picker is on %q", l)
	}
	clickOn(t, m, "Who are you?") // on no item: nothing, and the next click is a first one
	if l := pointedLine(t, m); !strings.HasPrefix(l, themes.Pointer+" Julien Roux") {
		t.Fatalf("after a click on the title the picker is on %q", l)
	}
	doubleClickOn(t, m, "Julien Roux")
	wantOnScreen(t, m, "me: Julien Roux")
	if d := projectOf(t, s); d.PersonName(d.Project.MeID) != "Julien Roux" {
		t.Fatalf("me is %q in the store, want Julien Roux", d.PersonName(d.Project.MeID))
	}
	// The table under it saw none of those clicks.
	wantOnScreen(t, m, "1 of 15")

	// The facets: a double click opens a facet, another ticks a value.
	press(t, m, "f")
	doubleClickOn(t, m, "quadrant")
	doubleClickOn(t, m, "money pit")
	wantOnScreen(t, m, "[x] money pit")
	press(t, m, "esc", "esc")
	wantOnScreen(t, m, "filter: quadrant: money pit")

	// A numbered picker: attaching a checklist.
	press(t, m, "1", "c", "a")
	doubleClickOn(t, m, "Year in review")
	if cls := projectOf(t, s).Checklists; len(cls) != 2 || cls[1].Name != "Year in review" {
		t.Fatalf("after a double click on Year in review the checklists are %v", cls)
	}
}

func TestClickInTheProjectSwitcher(t *testing.T) {
	m, s := newApp(t, nil)
	second := model.SampleProject(now)
	second.Project.Name = "Beta launch"
	if _, err := s.CreateProject(second, "test"); err != nil {
		t.Fatal(err)
	}
	first := m.ProjectID()
	settle(t, m, m.Init())
	resize(t, m, 100, 24)
	press(t, m, "p")
	clickOn(t, m, "Beta launch")
	if l := pointedLine(t, m); !strings.Contains(l, "Beta launch") {
		t.Fatalf("after a click on Beta launch the switcher is on %q", l)
	}
	if m.ProjectID() != first {
		t.Fatal("a single click opened the project")
	}
	doubleClickOn(t, m, "Beta launch")
	if m.ProjectID() == first {
		t.Fatal("a double click did not open the project")
	}
	wantOnScreen(t, m, "◆ Beta launch")
}

// While a text input or a question holds the keyboard, a click changes
// nothing: the answer acts on what was selected when it was asked.
func TestClicksWaitWhileAQuestionIsOpen(t *testing.T) {
	m := started(t, 100, 24, nil)
	press(t, m, "2", "d")
	wantOnScreen(t, m, "Delete CR-1")
	clickOn(t, m, "CR-6 ")
	mouse(t, m, wheel(true, 10, 10))
	if l := pointedLine(t, m); !strings.HasPrefix(l, themes.Pointer+" CR-1 ") {
		t.Fatalf("a click moved the selection under a question to %q", l)
	}
	press(t, m, "n", "e")
	wantOnScreen(t, m, "Edit CR-1")
	doubleClickOn(t, m, "Raised by")
	x, y := cellOf(t, m, "1 Phases", 0)
	mouse(t, m, click(x+1, y))
	if m.Active() != 1 {
		t.Fatal("a click on the tab bar left the form")
	}
	wantOnScreen(t, m, "Edit CR-1")
	press(t, m, "esc")
	if l := pointedLine(t, m); !strings.HasPrefix(l, themes.Pointer+" CR-1 ") {
		t.Fatalf("clicks on the form moved the selection to %q", l)
	}
}

func TestDoubleClickInMyRoleShowsTheActivity(t *testing.T) {
	m := started(t, 100, 24, func(d *model.ProjectData) { d.Project.MeID = d.People[3].ID })
	press(t, m, "3", "M")
	wantOnScreen(t, m, "My role — Léa Petit")
	for range 5 {
		if strings.Contains(strings.Join(screen(m), "\n"), "Test cases") {
			break
		}
		mouse(t, m, wheel(true, 10, 10))
	}
	clickOn(t, m, "Test cases") // once: nothing
	wantOnScreen(t, m, "R  Responsible: you do the work")
	clickOn(t, m, "Test cases") // twice: the grid, on that row
	if l := pointedLine(t, m); !strings.Contains(l, "Test cases") {
		t.Fatalf("the grid is not on Test cases: %q", l)
	}
	wantOnScreen(t, m, "Test cases × Léa Petit")
}

// BenchmarkMouseOnBigTable is a wheel notch and a click on a table of
// 10,000 requests, each with the frame drawn after it: the mouse costs
// what the rows on screen cost, not the rows off it.
func BenchmarkMouseOnBigTable(b *testing.B) {
	m := started(b, 120, 40, func(d *model.ProjectData) {
		for i := range 10000 {
			d.Changes = append(d.Changes, model.ChangeRequest{ID: uint64(100 + i), Title: fmt.Sprintf("request %d", i),
				CreatedAt: now, Status: model.StatusNew})
		}
	})
	press(b, m, "2")
	b.ResetTimer()
	for i := range b.N {
		_, cmd := m.Update(wheel(i%400 < 200, 10, 20))
		settle(b, m, cmd)
		m.View()
		_, cmd = m.Update(click(10, 5+i%20))
		settle(b, m, cmd)
		m.View()
	}
}
