package ui_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	bkey "github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
)

// keyMode is one mode of the window, reached from the start by keys, and
// a piece of the screen that proves it was reached.
type keyMode struct {
	name string
	keys []string
	on   string
	kind modeKind
}

// modeKind says how a mode takes the keys it lists no binding for.
type modeKind int

const (
	// keysOnly: a key the mode lists no binding for does nothing.
	keysOnly modeKind = iota
	// text: a text input takes the other keys as text and edits.
	text
	// anyKey: any other key answers (no) or closes (a question, P's
	// verb, the help).
	anyKey
)

// keyModes are every pane's modes, the switcher's, the "me" picker's and
// the full help's.
var keyModes = []keyMode{
	{"Phases: list", nil, "phases ·", keysOnly},
	{"Phases: a phase's items", []string{"j", "enter"}, "deliverables: space toggles", keysOnly},
	{"Phases: timeline", []string{"v"}, "▀ planned", keysOnly},
	{"Phases: checklists", []string{"c"}, "items checked", keysOnly},
	{"Phases: attach picker", []string{"c", "a"}, "Attach which built-in checklist?", text},
	{"Phases: delete a checklist", []string{"c", "d"}, "(y/n)", anyKey},
	{"Phases: new phase prompt", []string{"a"}, "new phase after", text},
	{"Phases: edit prompt", []string{"e"}, "name: ", text},
	{"Phases: delete a phase", []string{"d"}, "(y/n)", anyKey},
	{"Phases: delete an item", []string{"j", "j", "j", "enter", "d"}, "(y/n)", anyKey},

	{"Change requests: table", []string{"2"}, "sorted by", keysOnly},
	{"Change requests: triage", []string{"2", "t"}, "Triage · ", keysOnly},
	{"Change requests: triage estimate", []string{"2", "t", "e"}, "estimate in hours: ", text},
	{"Change requests: matrix", []string{"2", "m"}, "Impact / effort", keysOnly},
	{"Change requests: facets", []string{"2", "f"}, "Filter by facet", text},
	{"Change requests: a facet's values", []string{"2", "f", "enter"}, "space ticks", text},
	{"Change requests: status picker", []string{"2", "S"}, "Status of CR-", text},
	{"Change requests: form", []string{"2", "a"}, "New change request", text},
	{"Change requests: discard the form?", []string{"2", "a", "x", "esc"}, "Discard the new request? (y/n)", anyKey},
	{"Change requests: detail", []string{"2", "enter"}, "read-only", keysOnly},
	// ? and a key to close the help clear the last decision's note, which
	// any key would.
	{"Change requests: triage summary", []string{"2", "t", "n", "n", "n", "n", "?", "x"}, "Triage done", keysOnly},
	{"Change requests: filter prompt", []string{"2", "/"}, "filter: ", text},
	{"Change requests: import prompt", []string{"2", "i"}, "import CSV/XLSX/JSON file: ", text},
	{"Change requests: delete", []string{"2", "d"}, "(y/n)", anyKey},
	{"Change requests: import preview", typed("2", "i", "../store/changesio/testdata/jira-cloud.csv", "enter"), "Import ", keysOnly},

	{"RACI: grid", []string{"3"}, "A add an activity", keysOnly},
	{"RACI: my role", []string{"3", "M"}, "My role", keysOnly},
	{"RACI: tie picker", []string{"3", "T"}, "to which phase?", text},
	{"RACI: after P", []string{"3", "P"}, "a add a person", anyKey},
	{"RACI: new activity prompt", []string{"3", "A"}, "new activity in", text},
	{"RACI: rename prompt", []string{"3", "E"}, "rename activity: ", text},
	{"RACI: person prompt", []string{"3", "P", "a"}, "new person — name: ", text},
	{"RACI: delete an activity", []string{"3", "D"}, "(y/n)", anyKey},
	{"RACI: import prompt", []string{"3", "I"}, "import a RACI matrix, CSV/XLSX file: ", text},
	{"RACI: import preview", []string{"3", "I", "../store/raciio/testdata/grid-comma.csv", "enter"}, "would create 6 people", keysOnly},

	{"Docs: list", []string{"4"}, "Status report", keysOnly},
	{"Docs: search", []string{"4", "/", "t", "h", "e", "enter"}, "ctrl+n next", keysOnly},
	{"Docs: search prompt", []string{"4", "/"}, "search docs: ", text},
	{"Docs: tie picker", []string{"4", "j", "t"}, "to which phase?", text},
	{"Docs: new doc prompt", []string{"4", "a"}, "new doc title: ", text},
	{"Docs: rename prompt", []string{"4", "j", "E"}, "rename doc: ", text},
	{"Docs: delete", []string{"4", "j", "d"}, "(y/n)", anyKey},

	{"Projects", []string{"p"}, "Projects ·", keysOnly},
	{"Projects: templates", []string{"p", "a"}, "pick a template", keysOnly},
	{"Projects: rename prompt", []string{"p", "e"}, "rename project: ", text},
	{"Projects: filter prompt", []string{"p", "/"}, "filter projects by name: ", text},
	{"Projects: filtered", []string{"p", "/", "a", "enter"}, `named like "a"`, keysOnly},

	{"@ over Phases", []string{"@"}, "Who are you?", text},
	{"@ over RACI", []string{"3", "@"}, "Who are you?", text},

	{"Message log", []string{"L"}, "newest first", anyKey},
	{"Message log over RACI", []string{"3", "L"}, "newest first", anyKey},

	{"help", []string{"?"}, "Everywhere", anyKey},
	{"help over triage", []string{"2", "t", "?"}, "Everywhere", anyKey},
}

// typed is keys to press: single keys, and longer strings typed a rune at a
// time into the text input open then.
func typed(keys ...string) []string {
	var out []string
	for _, k := range keys {
		if len([]rune(k)) > 1 && k != "enter" {
			for _, r := range k {
				out = append(out, string(r))
			}
			continue
		}
		out = append(out, k)
	}
	return out
}

// doubleMeanings lists the keys bound to two meanings (two help texts)
// among bindings; a key bound twice to the same meaning is fine.
func doubleMeanings(bindings []bkey.Binding) []string {
	meaning := map[string]string{}
	var out []string
	for _, b := range bindings {
		if !b.Enabled() {
			continue
		}
		for _, k := range b.Keys() {
			desc := b.Help().Desc
			if was, ok := meaning[k]; ok && was != desc {
				out = append(out, fmt.Sprintf("%q is both %q and %q", k, was, desc))
				continue
			}
			meaning[k] = desc
		}
	}
	sort.Strings(out)
	return out
}

// Every mode of every pane, reached through the root: no key means two
// things there, counting the global keys that still act in that mode.
func TestNoKeyMeansTwoThingsInAnyMode(t *testing.T) {
	for _, mode := range keyModes {
		t.Run(mode.name, func(t *testing.T) {
			m := started(t, 160, 50, func(d *model.ProjectData) { d.Project.MeID = 0 })
			press(t, m, mode.keys...)
			if v := phView(m); !strings.Contains(v, mode.on) {
				t.Fatalf("%v did not reach the mode (no %q on screen):\n%s", mode.keys, mode.on, v)
			}
			active := m.ActiveKeys()
			if len(active) == 0 {
				t.Fatal("no key acts")
			}
			quits := false
			for _, b := range active {
				for _, k := range b.Keys() {
					quits = quits || k == "ctrl+c"
				}
			}
			if !quits {
				t.Error("ctrl+c is not among the keys that act")
			}
			for _, c := range doubleMeanings(active) {
				t.Error(c)
			}
		})
	}
}

// The check itself finds a double meaning: the Docs pane's old p (tie to
// a phase) beside the global p (projects), in the list where both would
// act; and it lets one meaning bound twice through.
func TestDoubleMeaningsAreFound(t *testing.T) {
	b := func(k, desc string) bkey.Binding { return bkey.NewBinding(bkey.WithKeys(k), bkey.WithHelp(k, desc)) }
	if got := doubleMeanings([]bkey.Binding{b("p", "tie to a phase"), b("t", "tie"), b("p", "projects")}); len(got) != 1 ||
		got[0] != `"p" is both "tie to a phase" and "projects"` {
		t.Fatalf("found %q, want p's two meanings", got)
	}
	if got := doubleMeanings([]bkey.Binding{b("esc", "back"), b("esc", "back")}); len(got) != 0 {
		t.Fatalf("one meaning bound twice was reported: %q", got)
	}
}

// candidateKeys are the keys a user may press: every printable character
// and the named keys a terminal sends.
func candidateKeys() map[string]tea.KeyMsg {
	keys := map[string]tea.KeyMsg{" ": {Type: tea.KeySpace, Runes: []rune(" ")}}
	for r := rune(33); r < 127; r++ {
		keys[string(r)] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}
	}
	for _, t := range []tea.KeyType{tea.KeyUp, tea.KeyDown, tea.KeyLeft, tea.KeyRight, tea.KeyPgUp, tea.KeyPgDown,
		tea.KeyHome, tea.KeyEnd, tea.KeyEnter, tea.KeyEsc, tea.KeyTab, tea.KeyShiftTab, tea.KeyBackspace, tea.KeyDelete,
		tea.KeyCtrlN, tea.KeyCtrlP, tea.KeyCtrlU, tea.KeyCtrlD, tea.KeyCtrlJ, tea.KeyCtrlK, tea.KeyCtrlE, tea.KeyShiftUp, tea.KeyShiftDown} {
		keys[tea.KeyMsg{Type: t}.String()] = tea.KeyMsg{Type: t}
	}
	return keys
}

// In every mode that is neither a text input nor a question, a key the
// full help does not list does nothing: the help lists every key that
// acts.
func TestEveryKeyThatActsIsListed(t *testing.T) {
	for _, mode := range keyModes {
		if mode.kind != keysOnly {
			continue
		}
		t.Run(mode.name, func(t *testing.T) {
			m, s := newApp(t, func(d *model.ProjectData) { d.Project.MeID = 0 })
			open := func() {
				settle(t, m, m.Init())
				resize(t, m, 160, 50)
				press(t, m, mode.keys...)
			}
			open()
			listed := map[string]bool{}
			for _, b := range m.ActiveKeys() {
				for _, k := range b.Keys() {
					listed[k] = true
				}
			}
			names := make([]string, 0, 128)
			keys := candidateKeys()
			for k := range keys {
				if !listed[k] {
					names = append(names, k)
				}
			}
			sort.Strings(names)
			version := projectOf(t, s).Version
			for _, k := range names {
				before := m.View()
				_, cmd := m.Update(keys[k])
				settle(t, m, cmd)
				if m.View() != before || projectOf(t, s).Version != version {
					t.Errorf("%q acts, but the help does not list it", k)
					m, s = newApp(t, func(d *model.ProjectData) { d.Project.MeID = 0 })
					open()
					version = projectOf(t, s).Version
				}
			}
		})
	}
}
