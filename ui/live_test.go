package ui_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui"
	"mopdeck/ui/common"
	"mopdeck/ui/uitest"
)

// liveBeside returns a second live context on ctx's store, guarded as
// a team member would be.
func liveBeside(ctx *common.Context, person string, role store.TeamRole) *common.Context {
	return &common.Context{
		Store:  ctx.Store.Guarded(&store.Policy{Role: role, Person: person}),
		Styles: ctx.Styles, Now: ctx.Now, User: person, Person: person, Role: role, Live: true,
	}
}

// pointedRow is the row the table's pointer is on.
func pointedRow(view string) string {
	for _, line := range strings.Split(view, "\n") {
		if strings.HasPrefix(line, "▸ ") {
			return line
		}
	}
	return ""
}

func TestLiveRootShowsOtherWritersChangesAndKeepsItsCursor(t *testing.T) {
	ctx, pid := uitest.Sample(t, nil)
	ctx.Live = true
	member := liveBeside(ctx, "léa petit", store.RoleMember)
	tm := teatest.NewTestModel(t, ui.New(member, pid), teatest.WithInitialTermSize(120, 30))
	waitFor(t, tm, "me: Léa Petit") // "me" is the key's person, as the project writes it
	tm.Send(key("2"))
	waitFor(t, tm, "CR-12")
	for range 3 {
		tm.Send(key("j"))
	}
	time.Sleep(100 * time.Millisecond)

	// Another writer (the owner's app, a command) rates and decides an
	// untriaged request, which moves it to the top, above the cursor.
	if _, err := ctx.Store.UpdateChange(pid, 12, "Hugo Bernard", func(c model.ChangeRequest) (model.ChangeRequest, error) {
		c.Title = "Renamed by someone else"
		c.Impact, c.Complexity, c.EstimateHrs = 5, model.ComplexityLow, 1
		c.Decision, c.Status = model.DecisionNow, model.StatusTriaged
		return c, nil
	}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tm, "Renamed by someone")
	tm.Send(tea.QuitMsg{})
	m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*ui.Model)
	view := m.View()
	if row := pointedRow(view); !strings.Contains(row, "CR-6 ") {
		t.Fatalf("the cursor left its request: pointed row %q\n%s", row, view)
	}
	if strings.Index(view, "CR-12") > strings.Index(view, "CR-6 ") {
		t.Fatalf("the decided request did not move above the cursor:\n%s", view)
	}
}

func TestLiveRootRefusesWhatItsRoleDoesNotAllow(t *testing.T) {
	ctx, pid := uitest.Sample(t, nil)
	viewer := liveBeside(ctx, "Julien Roux", store.RoleViewer)
	tm := teatest.NewTestModel(t, ui.New(viewer, pid), teatest.WithInitialTermSize(120, 30))
	waitFor(t, tm, "Phases")
	tm.Send(key("2"))
	waitFor(t, tm, "CR-12")
	tm.Send(key("d"))
	waitFor(t, tm, "y yes")
	tm.Send(key("y"))
	waitFor(t, tm, "viewers cannot change anything")
	tm.Send(tea.QuitMsg{})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	cs, err := ctx.Store.Changes(pid)
	if err != nil || len(cs) != len(model.SampleProject(uitest.Now).Changes) {
		t.Fatalf("a viewer's delete changed the requests: %d, %v", len(cs), err)
	}
}

// In team mode the status line names the key's person and role, even in a
// project that does not list them, never "nobody".
func TestTeamSessionNamesItsPersonAndRole(t *testing.T) {
	ctx, pid := uitest.Sample(t, nil)
	member := liveBeside(ctx, "Zoé Newcomer", store.RoleMember)
	tm := teatest.NewTestModel(t, ui.New(member, pid), teatest.WithInitialTermSize(120, 30))
	waitFor(t, tm, "me: Zoé Newcomer (member)")
	tm.Send(tea.QuitMsg{})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
