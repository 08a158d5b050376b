package ui_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store/changesio"
	"mopdeck/ui"
	"mopdeck/ui/common"
)

// Text from a spreadsheet, a doc or a colleague must never drive the
// terminal: whatever a title, a name, a doc or an error message holds, the
// screen gets only printable text (and, with colour, SGR styling).

// hostilePayload holds what a terminal must never receive raw.
var hostilePayload = strings.Join([]string{
	"\x1b]52;c;ZXZpbA==\x07",                                // OSC 52: write the clipboard
	"\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", // OSC 8 hyperlink
	"\x1b]0;pwned\x07\x1b]2;pwned\x1b\\",                    // OSC 0/2: window title
	"\x1b[2J\x1b[H\x1b[10;5H\x1b[3A\x1b[K",                  // CSI erase and cursor moves
	"\x1bP+q544e\x1b\\",                                     // DCS
	"\x1b_Gf=100;AAAA\x1b\\",                                // APC (kitty graphics)
	"\x9b31m",                                               // raw 8-bit CSI byte
	"\u009b2J",                                              // CSI as the rune U+009B
	"\x07\x08\r",                                            // BEL, BS, CR
	"\u202eevil",                                            // right-to-left override
	"\u2066iso\u2069",                                       // isolate
	"zero\u200bwidth\u200e\u200f\ufeff\u2060",               // invisible format characters
	"\x7f", // DEL
}, " ")

// hostileData puts the payload into every kind of text the panes draw.
func hostileData(d *model.ProjectData) {
	d.Project.Name = "Acme \x1b[2J\u202e\x07" // short: the status line also shows "me"
	c := &d.Changes[0]
	c.Title = "Fix " + hostilePayload
	c.Description = "Steps: " + hostilePayload
	c.RaisedBy, c.Assignee = "Tess "+hostilePayload, "Dev "+hostilePayload
	c.Impact, c.Complexity, c.EstimateHrs = 5, model.ComplexityLow, 1 // first in priority order
	d.People[0].Name = "Eve " + hostilePayload
	d.People[0].Team = "team " + hostilePayload
	d.Project.MeID = d.People[0].ID // the status line shows "me"
	d.Phases[0].Name = "Discovery " + hostilePayload
	d.Phases[0].Goal = "Goal " + hostilePayload
	d.Activities[0].Name = "Sign-off " + hostilePayload
	doc := &d.Docs[0]
	doc.Title = "Plan " + hostilePayload
	doc.Body = "# Plan " + hostilePayload + "\n\n" +
		"Text " + hostilePayload + "\n\n" +
		"```\ncode " + hostilePayload + "\n```\n\n" +
		"    indented " + hostilePayload + "\n\n" +
		"[a link](https://example.com/" + hostilePayload + ") and <https://example.com/auto" + hostilePayload + ">\n\n" +
		"| col | " + hostilePayload + " |\n|---|---|\n| cell | " + hostilePayload + " |\n"
}

// assertInert fails when view holds anything but printable text, newlines
// and SGR styling sequences.
func assertInert(t testing.TB, where, view string) {
	t.Helper()
	if problem := inertProblem(view); problem != "" {
		t.Fatalf("%s: %s", where, problem)
	}
}

// inertProblem describes the first thing in view a terminal would act on,
// or returns "".
func inertProblem(view string) string {
	if !utf8.ValidString(view) {
		return fmt.Sprintf("the screen is not valid UTF-8 (a raw 8-bit control byte?): %q", view)
	}
	plain := stripSGR(view)
	for i, r := range plain {
		bad := ""
		switch {
		case r == 0x1b:
			bad = "ESC"
		case r < 0x20 && r != '\n':
			bad = "C0 control"
		case r == 0x7f:
			bad = "DEL"
		case r >= 0x80 && r <= 0x9f:
			bad = "C1 control"
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			bad = "bidi override"
		case r == 0x200b, r == 0x200e, r == 0x200f, r == 0xfeff, r >= 0x2060 && r <= 0x2064, r == 0x061c:
			bad = "invisible format character"
		}
		if bad != "" {
			from := max(0, i-40)
			return fmt.Sprintf("%s %U on the screen near %q", bad, r, plain[from:min(len(plain), i+40)])
		}
	}
	return ""
}

// stripSGR removes "ESC [ digits/semicolons m", the one sequence a styled
// screen may hold; any other escape stays and fails assertInert.
func stripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j + 1
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	m := started(t, 160, 50, hostileData)
	panes := []struct {
		key, name string
		shows     []string // proof that the hostile record is on screen
	}{
		{"1", "Phases", []string{"Discovery ␛]52;c;ZXZpbA==␇"}},
		{"2", "Change requests", []string{"Fix ␛]52;c;ZXZpbA==␇"}},
		{"3", "RACI", []string{"Eve"}},
		{"4", "Docs", []string{"Plan ␛]52;c;ZXZpbA==␇", "code ␛]52", "Text ␛]52"}},
	}
	for _, p := range panes {
		press(t, m, p.key)
		if p.name == "Docs" {
			selectDoc(t, m, "code ␛]52")
		}
		v := m.View()
		assertInert(t, p.name, v)
		for _, want := range p.shows {
			if !strings.Contains(v, want) {
				t.Errorf("%s: the hostile record is not on screen (want %q), so this pane was not tested:\n%s", p.name, want, v)
			}
		}
		// The status line shows the project and "me" on every pane.
		if !strings.Contains(v, "Acme ␛[2J\uFFFD␇") || !strings.Contains(v, "me: Eve ␛]52") {
			t.Errorf("%s: the status line does not show the hostile project and person:\n%s", p.name, v)
		}
		press(t, m, "?")
		assertInert(t, p.name+" help", m.View())
		press(t, m, "esc")
	}
}

// Glamour sees the doc too: a link URL, a code block and a table cell must
// come out inert at every width the Docs pane may render at.
func TestHostileDocAtEveryWidth(t *testing.T) {
	m := started(t, 80, 24, hostileData)
	press(t, m, "4")
	selectDoc(t, m, "code ␛]52")
	for _, w := range []int{80, 100, 132, 200} {
		resize(t, m, w, 40)
		v := m.View()
		assertInert(t, fmt.Sprintf("Docs at %d columns", w), v)
		if !strings.Contains(v, "Plan ␛]52") {
			t.Errorf("at %d columns the hostile doc is not on screen:\n%s", w, v)
		}
	}
}

// An error message quoting a file's content (an import naming a bad cell)
// is shown in the status line: inert, and on one line.
func TestHostileErrorInTheStatusLine(t *testing.T) {
	m := started(t, 120, 30, nil)
	err := fmt.Errorf("line 3: unknown decision \"%s\" in column Decision: use now, later or rejected; nothing was imported", hostilePayload)
	settle(t, m, common.Error(err))
	msg, isErr := m.Status()
	if !isErr || !strings.Contains(msg, "unknown decision") {
		t.Fatalf("status = %q (error %v), want the import error", msg, isErr)
	}
	v := m.View()
	assertInert(t, "status line", v)
	if !strings.Contains(v, "✗ line 3: unknown decision \"␛]52;c;ZXZpbA==␇") {
		t.Errorf("the error is not shown with visible placeholders:\n%s", v)
	}
	lines := strings.Split(v, "\n")
	if len(lines) != 30 {
		t.Errorf("the error pushed the frame to %d lines", len(lines))
	}

	// The same through the real importer, refusing a spreadsheet row.
	csv := "Title,Decision,Impact\n" +
		"\"Fix " + hostilePayload + "\",\"now" + hostilePayload + "\",3\n"
	res := changesio.ReadCSV(strings.NewReader(csv), "requests"+hostilePayload+".csv", changesio.Options{Now: now})
	ierr := res.Err()
	if ierr == nil {
		t.Fatal("the importer accepted a decision it cannot know")
	}
	settle(t, m, common.Error(ierr))
	v = m.View()
	assertInert(t, "status line, import refused", v)
	if !strings.Contains(v, "✗ requests␛]52") {
		t.Errorf("the importer's error is not on the status line:\n%s", v)
	}
}

// The guard itself: a screen holding a raw sequence must fail.
func TestInertCheckCatchesRawSequences(t *testing.T) {
	for _, bad := range []string{"\x1b]52;c;x\x07", "\x1b[2J", "a\x9bb", "a\u009bb", "\r", "\x08", "\u202e", "\u2066", "\u200b", "\ufeff", "\x1bP1\x1b\\", "\x7f"} {
		if inertProblem("ok \x1b[1mbold\x1b[0m "+bad) == "" {
			t.Errorf("the check let %q through", bad)
		}
	}
	// SGR styling alone, newlines and a ZWJ emoji sequence pass.
	if p := inertProblem("\x1b[1;38;5;12mtitle\x1b[0m\nplain 👩\u200d💻"); p != "" {
		t.Errorf("a clean screen failed: %s", p)
	}
}

// selectDoc moves down the Docs list, checking every screen on the way,
// until the doc showing want is open.
func selectDoc(t *testing.T, m *ui.Model, want string) {
	t.Helper()
	for range 20 {
		v := m.View()
		assertInert(t, "Docs list", v)
		if strings.Contains(v, want) {
			return
		}
		press(t, m, "j")
	}
	t.Fatalf("no doc in the list shows %q:\n%s", want, m.View())
}

func resize(t testing.TB, m *ui.Model, w, h int) {
	t.Helper()
	_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	settle(t, m, cmd)
}
