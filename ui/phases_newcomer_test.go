package ui_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/ui"
)

// newcomerSizes are the windows a newcomer tried the Phases pane at.
var newcomerSizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// phDetail is the text right of the list's separator, line by line: the
// selected phase's detail as drawn.
func phDetail(m *ui.Model) []string {
	var out []string
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if i := strings.Index(l, " │ "); i >= 0 {
			out = append(out, strings.TrimRight(l[i+len(" │ "):], " "))
		}
	}
	return out
}

// joined reads wrapped lines as one text: line breaks and indents become
// single spaces.
func joined(lines []string) string {
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// phRow is the list row of the named phase.
func phRow(t *testing.T, m *ui.Model, name string) string {
	t.Helper()
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if i := strings.Index(l, " │ "); i >= 0 && strings.Contains(l[:i], name) {
			return l[:i]
		}
	}
	t.Fatalf("no list row for %q:\n%s", name, ansi.Strip(m.View()))
	return ""
}

// The sample's Build has 1/2 deliverables and 3/4 exit items done: the
// list's count says 4/6, what the gate waits for, not 1/2.
func TestPhaseDoneCountIncludesExitItems(t *testing.T) {
	for _, size := range newcomerSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, s := phStarted(t, size[0], size[1], nil)
			build := phPhase(t, s, m.ProjectID(), "Build")
			dd, dt := build.DeliverablesDone()
			cd := 0
			for _, c := range build.Checklist {
				if c.Done {
					cd++
				}
			}
			if dd == dt || cd == len(build.Checklist) {
				t.Fatalf("the sample's Build should have open deliverables and exit items: %d/%d, %d/%d", dd, dt, cd, len(build.Checklist))
			}
			want := fmt.Sprintf("%d/%d", dd+cd, dt+len(build.Checklist))
			if row := phRow(t, m, "Build"); !strings.HasSuffix(strings.TrimSpace(row), want) {
				t.Errorf("Build's row = %q, want it to end with %s", row, want)
			}
			assertFits(t, m.View(), size[0], size[1])
		})
	}
}

// r with work still open names it and asks; n keeps the phase running,
// y marks it ready. With nothing open r marks at once (TestReadyForSignOff).
func TestReadyForSignOffNamesWhatIsOpenAndAsks(t *testing.T) {
	var item string
	m, s := phStarted(t, 80, 24, func(d *model.ProjectData) {
		freshMRM(model.RoleSponsor)(d)
		disc := &d.Phases[0]
		disc.Checklist[0].Done = false
		item = disc.Checklist[0].Text
	})
	pid := m.ProjectID()
	press(t, m, "r")
	top := joined(strings.Split(ansi.Strip(m.View()), "\n")[1:4])
	want := fmt.Sprintf(`Mark "Discovery" ready for sign-off with 1 still open? exit item %q is not checked (y/n)`, item)
	if !strings.Contains(top, want) {
		t.Fatalf("the question does not name the open item in full:\nwant %s\n%s", want, ansi.Strip(m.View()))
	}
	assertFits(t, m.View(), 80, 24)
	if ph := phPhase(t, s, pid, "Discovery"); ph.Status != model.PhaseInProgress {
		t.Fatalf("marked %s before the answer", ph.Status)
	}
	press(t, m, "n")
	if ph := phPhase(t, s, pid, "Discovery"); ph.Status != model.PhaseInProgress {
		t.Fatalf("n marked it %s", ph.Status)
	}
	if v := ansi.Strip(m.View()); strings.Contains(v, "(y/n)") {
		t.Fatalf("the question stayed open after n:\n%s", v)
	}
	press(t, m, "r", "y")
	if ph := phPhase(t, s, pid, "Discovery"); ph.Status != model.PhaseAwaitingSignOff {
		t.Fatalf("y left it %s", ph.Status)
	}
	phWantStatus(t, m, false, `phase "Discovery" is ready for sign-off`)
}

// The detail's facts that run long wrap instead of being cut: who signed
// a gate and when, who may sign, the overdue date, the participants.
func TestPhaseDetailWrapsSignersAndOverdue(t *testing.T) {
	for _, size := range newcomerSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, s := phStarted(t, size[0], size[1], nil)
			d := projectOf(t, s)
			disc := phPhase(t, s, m.ProjectID(), "Discovery")
			signed := fmt.Sprintf("✓ signed off by %s on %s", d.PersonName(disc.Gate.ByID), disc.Gate.At.Format("2006-01-02 15:04"))
			if text := joined(phDetail(m)); !strings.Contains(text, signed) {
				t.Errorf("Discovery's gate is not shown in full, want %q:\n%s", signed, strings.Join(phDetail(m), "\n"))
			}

			press(t, m, "j", "j")
			build := phPhase(t, s, m.ProjectID(), "Build")
			if !model.Overdue(build, now) {
				t.Fatal("the sample's Build should be overdue")
			}
			text := joined(phDetail(m))
			wants := []string{
				"overdue: planned to end " + build.PlannedEnd.Format(model.DateLayout),
				"may sign: " + d.PersonName(d.Project.SponsorID) + " (sponsor), " + d.PersonName(d.Project.LeadID) + " (A)",
			}
			if size[1] >= 40 { // at 24 lines the participants are below the box
				wants = append(wants, "Participants "+strings.Join(build.Participants, ", "))
			}
			for _, want := range wants {
				if !strings.Contains(text, want) {
					t.Errorf("the detail does not show %q in full:\n%s", want, strings.Join(phDetail(m), "\n"))
				}
			}
			assertFits(t, m.View(), size[0], size[1])
		})
	}
}

// In the items of a long phase the name stays on the detail's first line
// while the rest scrolls to the selected item.
func TestPhaseNameStaysAboveScrolledItems(t *testing.T) {
	for _, size := range newcomerSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, s := phStarted(t, size[0], size[1], nil)
			press(t, m, "j", "j", "j", "enter", "G")
			test := phPhase(t, s, m.ProjectID(), "Test")
			last := test.Checklist[len(test.Checklist)-1].Text
			lines := phDetail(m)
			if len(lines) == 0 || lines[0] != "Test" {
				t.Fatalf("the detail's first line is not the phase's name:\n%s", strings.Join(lines, "\n"))
			}
			sel := ""
			for _, l := range lines {
				if strings.HasPrefix(l, "▸ ") {
					sel = l
				}
			}
			if !strings.Contains(sel, strings.Fields(last)[0]) {
				t.Errorf("the last exit item %q is not the selected line in view (%q):\n%s", last, sel, strings.Join(lines, "\n"))
			}
			// At 80×24 the items do not fit under the gate: the detail
			// has scrolled, and the name is still there.
			if size[1] == 24 && strings.Contains(joined(lines), "planned 20") {
				t.Errorf("the detail did not scroll at 80×24:\n%s", strings.Join(lines, "\n"))
			}
			assertFits(t, m.View(), size[0], size[1])
		})
	}
}

// d on a phase says what loses its tie to it, counted on the project
// shown, before anything is deleted; the whole question is on screen.
func TestDeletePhaseSaysWhatItUnties(t *testing.T) {
	for _, size := range newcomerSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, s := phStarted(t, size[0], size[1], func(d *model.ProjectData) {
				for _, ph := range d.Phases {
					if ph.Name == "Build" {
						d.Docs[0].PhaseID = ph.ID
					}
				}
			})
			d := projectOf(t, s)
			build := phPhase(t, s, m.ProjectID(), "Build")
			acts, crs, docs := 0, 0, 0
			for _, a := range d.Activities {
				if a.PhaseID == build.ID {
					acts++
				}
			}
			for _, c := range d.Changes {
				if c.RaisedIn == build.ID {
					crs++
				}
			}
			for _, doc := range d.Docs {
				if doc.PhaseID == build.ID {
					docs++
				}
			}
			if acts < 2 || crs < 2 || docs != 1 {
				t.Fatalf("the sample's Build should have activities, change requests and one doc tied: %d, %d, %d", acts, crs, docs)
			}
			press(t, m, "j", "j", "d")
			top := joined(strings.Split(ansi.Strip(m.View()), "\n")[1:4])
			want := fmt.Sprintf("%d activities, %d change requests and 1 doc lose their tie to it; u undoes it (y/n)", acts, crs)
			if !strings.Contains(top, `Delete phase "Build"`) || !strings.Contains(top, want) {
				t.Fatalf("the question does not say what is untied, want %q:\n%s", want, ansi.Strip(m.View()))
			}
			assertFits(t, m.View(), size[0], size[1])
			press(t, m, "n")
			if got := phOrder(t, s, m.ProjectID()); len(got) != len(d.Phases) {
				t.Fatalf("n deleted a phase: %v", got)
			}
			press(t, m, "d", "y")
			if got := phOrder(t, s, m.ProjectID()); len(got) != len(d.Phases)-1 {
				t.Fatalf("y did not delete Build: %v", got)
			}
		})
	}
}

// The timeline names the month it begins in, though the plan starts
// mid-month (the sample's first day is 09-24).
func TestTimelineNamesItsFirstMonth(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, _ := phStarted(t, size[0], size[1], nil)
			press(t, m, "v")
			var axis string
			for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
				if strings.Contains(l, "Nov") && strings.Contains(l, "Dec") && !strings.Contains(l, "→") {
					axis = l
				}
			}
			if f := strings.Fields(axis); len(f) == 0 || f[0] != "Sep" {
				t.Errorf("the axis does not begin with the first month, Sep: %q", axis)
			}
			assertFits(t, m.View(), size[0], size[1])
		})
	}
}

// At 80 columns the items' lines are cut, but the item under the cursor
// shows its whole text, wrapped under itself.
func TestThePhaseItemUnderTheCursorShowsWhole(t *testing.T) {
	m, s := phStarted(t, 80, 24, nil)
	press(t, m, "j", "j", "enter") // Build's items
	build := phPhase(t, s, m.ProjectID(), "Build")
	var texts []string
	for _, d := range build.Deliverables {
		texts = append(texts, d.Name)
	}
	for _, c := range build.Checklist {
		texts = append(texts, c.Text)
	}
	cut := 0
	for i, text := range texts {
		if i > 0 {
			press(t, m, "j")
		}
		if !strings.Contains(joined(phDetail(m)), text) {
			t.Errorf("item %d under the cursor is not whole, want %q:\n%s", i, text, strings.Join(phDetail(m), "\n"))
		}
		if len(text) > 34 {
			cut++
		}
	}
	if cut == 0 {
		t.Fatal("no item of the sample's Build is longer than a line at 80 columns: the test shows nothing")
	}
}
