package ui_test

import (
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

// phStarted is started() that also hands back the store, to check what
// was written.
func phStarted(t testing.TB, w, h int, edit func(d *model.ProjectData)) (*ui.Model, *store.Store) {
	t.Helper()
	m, s := newApp(t, edit)
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	settle(t, m, cmd)
	return m, s
}

// phType types text into whatever holds the keyboard.
func phType(t testing.TB, m *ui.Model, text string) {
	t.Helper()
	for _, r := range text {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		settle(t, m, cmd)
	}
}

// phClear empties the open prompt (ctrl+u deletes up to the cursor, which
// stands at the end).
func phClear(t testing.TB, m *ui.Model) {
	t.Helper()
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	settle(t, m, cmd)
}

func phView(m *ui.Model) string { return ansi.Strip(m.View()) }

// phPhase reads one phase, by name, off the store.
func phPhase(t testing.TB, s *store.Store, pid uint64, name string) model.Phase {
	t.Helper()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Phases {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no phase %q in the store", name)
	return model.Phase{}
}

// freshMRM replaces the sample with a new MRM project whose Discovery runs
// with every deliverable and exit item done, so only the sign-off is
// missing; "me" is the person given (by template role).
func freshMRM(me string) func(d *model.ProjectData) {
	return func(d *model.ProjectData) {
		tpl, _ := model.TemplateByKey("mrm")
		fresh := model.NewProject(tpl, "Fresh MRM", now.AddDate(0, 0, -3))
		disc := &fresh.Phases[0]
		disc.Status, disc.ActualStart = model.PhaseInProgress, now.AddDate(0, 0, -3)
		for i := range disc.Deliverables {
			disc.Deliverables[i].Done = true
		}
		for i := range disc.Checklist {
			disc.Checklist[i].Done = true
		}
		for _, p := range fresh.People {
			if p.Name == me {
				fresh.Project.MeID = p.ID
			}
		}
		*d = fresh
	}
}

// TestSponsorSignsDiscoveryThenDesignMayStart runs the real program: the
// sponsor signs Discovery off with a note and a confirmation, Design
// becomes startable, and starting it works.
func TestSponsorSignsDiscoveryThenDesignMayStart(t *testing.T) {
	m, s := newApp(t, freshMRM(model.RoleSponsor))
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "nothing blocks it: s signs it off")
	tm.Send(key("j"))
	waitFor(t, tm, "waits for the previous gate")
	tm.Send(key("k"))
	tm.Send(key("s"))
	waitFor(t, tm, "sign-off note for Discovery")
	tm.Type("Requirements agreed")
	tm.Send(key("enter"))
	waitFor(t, tm, `Sign off the "Discovery" gate as Sponsor? (y/n)`)
	tm.Send(key("y"))
	waitFor(t, tm, "✓ signed off by Sponsor")
	tm.Send(key("j"))
	waitFor(t, tm, "may start: b begins it")
	tm.Send(key("b"))
	waitFor(t, tm, `phase "Design" started`)
	tm.Send(key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	final := tm.FinalModel(t).(*ui.Model)
	pid := final.ProjectID()
	disc := phPhase(t, s, pid, "Discovery")
	if !disc.Gate.SignedOff || disc.Gate.ByID != 1 || disc.Gate.Note != "Requirements agreed" || !disc.Gate.At.Equal(now) {
		t.Errorf("Discovery gate = %+v", disc.Gate)
	}
	if design := phPhase(t, s, pid, "Design"); design.Status != model.PhaseInProgress || !design.ActualStart.Equal(now) {
		t.Errorf("Design = %s from %v, want in progress from now", design.Status, design.ActualStart)
	}
	h, err := s.History(pid, 2)
	if err != nil {
		t.Fatal(err)
	}
	if h[0].By != "Sponsor" || h[0].Summary != `gate "Discovery" signed off by Sponsor: Requirements agreed` {
		t.Errorf("sign-off history = %q by %q", h[0].Summary, h[0].By)
	}
}

// testReady is the sample project with the Test phase's own work done, so
// that only the change requests decided "now" block its gate; "me" is the
// sponsor.
func testReady(d *model.ProjectData) {
	d.Project.MeID = d.Project.SponsorID
	for i := range d.Phases {
		if d.Phases[i].Name != "Test" {
			continue
		}
		for j := range d.Phases[i].Deliverables {
			d.Phases[i].Deliverables[j].Done = true
		}
		for j := range d.Phases[i].Checklist {
			d.Phases[i].Checklist[j].Done = true
		}
	}
}

// TestTestGateBlockedByOpenNowChange runs the real program: the sponsor
// tries to sign the Test gate while changes decided "now" are not
// verified; the refusal names them and the gate panel lists each one.
func TestTestGateBlockedByOpenNowChange(t *testing.T) {
	var open []model.ChangeRequest
	m, s := newApp(t, func(d *model.ProjectData) {
		testReady(d)
		open = model.OpenNowChanges(d.Changes)
	})
	if len(open) == 0 {
		t.Fatal("the sample has no open change decided now")
	}
	model.SortByPriority(open)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(140, 45))
	waitFor(t, tm, "Discovery")
	tm.Send(key("j"))
	tm.Send(key("j"))
	tm.Send(key("j"))
	waitFor(t, tm, "typical 2–3 weeks")
	tm.Send(key("s"))
	waitFor(t, tm, `✗ the "Test" gate cannot be signed off: `+open[0].Ref())
	tm.Send(key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	final := tm.FinalModel(t).(*ui.Model)
	v := phView(final)
	for i, c := range open {
		if i == 8 {
			break
		}
		if !strings.Contains(v, "✗ "+c.Ref()+" ") {
			t.Errorf("the gate panel does not list %s:\n%s", c.Ref(), v)
		}
	}
	if strings.Contains(v, "deliverable \"") || strings.Contains(v, "exit item \"") {
		t.Errorf("the gate panel lists work that is done:\n%s", v)
	}
	if ph := phPhase(t, s, final.ProjectID(), "Test"); ph.Gate.SignedOff {
		t.Fatal("the blocked Test gate was signed off")
	}
}

func TestSignOffRefusals(t *testing.T) {
	tests := []struct {
		name    string
		me      string
		want    string
		phase   int // presses of j
		prompts bool
	}{
		{"a team member may not sign", model.RoleMarketing, `Marketing may not sign the "Discovery" gate: only the sponsor (Sponsor) or the person accountable for the gate (Sponsor) may`, 0, false},
		{"nobody chosen as me", "nobody", "choose who you are first", 0, false},
		{"a gate not started is blocked", model.RoleSponsor, `the "Design" gate cannot be signed off: phase "Design" has not started`, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, s := phStarted(t, 120, 40, freshMRM(tt.me))
			for range tt.phase {
				press(t, m, "j")
			}
			press(t, m, "s")
			msg, isErr := m.Status()
			if !isErr || !strings.Contains(msg, tt.want) {
				t.Fatalf("status = %q (error %v), want %q", msg, isErr, tt.want)
			}
			if v := phView(m); strings.Contains(v, "sign-off note") {
				t.Fatal("a refused sign-off still asks for a note")
			}
			if ph := phPhase(t, s, m.ProjectID(), "Discovery"); ph.Gate.SignedOff {
				t.Fatal("a refused sign-off was saved")
			}
		})
	}
}

func TestSignOffCancelledSavesNothing(t *testing.T) {
	for _, keys := range [][]string{{"s", "esc"}, {"s", "enter", "n"}} {
		m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
		press(t, m, keys...)
		if ph := phPhase(t, s, m.ProjectID(), "Discovery"); ph.Gate.SignedOff {
			t.Fatalf("%v signed the gate", keys)
		}
		if v := phView(m); strings.Contains(v, "(y/n)") || strings.Contains(v, "sign-off note") {
			t.Fatalf("%v left a question open:\n%s", keys, v)
		}
	}
}

func TestOverrideStartByTheLeadOnly(t *testing.T) {
	// The marketing placeholder is not the lead: refused before any prompt.
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleMarketing))
	press(t, m, "j", "o")
	if msg, _ := m.Status(); !strings.Contains(msg, "only the project lead (Project lead) may override") {
		t.Fatalf("status = %q", msg)
	}
	press(t, m, "b")
	if msg, _ := m.Status(); !strings.Contains(msg, "the project lead can override") {
		t.Fatalf("starting Design early: status = %q", msg)
	}
	if ph := phPhase(t, s, m.ProjectID(), "Design"); ph.Status != model.PhaseNotStarted || ph.Gate.Override != nil {
		t.Fatalf("refused, yet Design is %s with override %+v", ph.Status, ph.Gate.Override)
	}

	m, s = phStarted(t, 120, 40, freshMRM(model.RoleLead))
	press(t, m, "j", "o", "enter") // an empty reason
	if msg, isErr := m.Status(); !isErr || !strings.Contains(msg, "needs a reason") {
		t.Fatalf("empty reason: status = %q", msg)
	}
	press(t, m, "o")
	phType(t, m, "Design workshops booked before the sign-off meeting")
	press(t, m, "enter")
	ph := phPhase(t, s, m.ProjectID(), "Design")
	if ph.Status != model.PhaseInProgress || ph.Gate.Override == nil || ph.Gate.Override.ByID != 2 ||
		ph.Gate.Override.Reason != "Design workshops booked before the sign-off meeting" {
		t.Fatalf("Design after override = %s %+v", ph.Status, ph.Gate.Override)
	}
	if v := phView(m); !strings.Contains(v, "started early") {
		t.Fatalf("the override is not shown:\n%s", v)
	}
}

func TestReadyForSignOff(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	press(t, m, "r")
	if ph := phPhase(t, s, m.ProjectID(), "Discovery"); ph.Status != model.PhaseAwaitingSignOff {
		t.Fatalf("status = %s", ph.Status)
	}
	press(t, m, "j", "r")
	if msg, isErr := m.Status(); !isErr || !strings.Contains(msg, "only a phase in progress") {
		t.Fatalf("status = %q", msg)
	}
}

// TestHelpListsEveryPhaseKeyAt80x24: the full help flows into columns so
// that the gate keys fit the smallest window.
func TestHelpListsEveryPhaseKeyAt80x24(t *testing.T) {
	m, _ := phStarted(t, 80, 24, nil)
	press(t, m, "?")
	v := phView(m)
	for _, want := range []string{"sign off gate", "begin phase", "override start (lead)", "ready for sign-off",
		"go to deliverables", "timeline", "move up", "undo phase change", "projects", "G/end"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q:\n%s", want, v)
		}
	}
	assertFits(t, m.View(), 80, 24)
}
