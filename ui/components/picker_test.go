package components

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/themes"
)

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func people() []PickItem {
	return []PickItem{
		{Label: "Sarah Chen", Hint: "marketing ops"},
		{Label: "Jamal Okafor", Hint: "sales ops"},
		{Label: "Léa Petit", Hint: "creative"},
		{Label: "Kim Jones", Hint: "IT"},
		{Label: "Jon Kjell", Hint: "legal"},
	}
}

// openPeople opens a picker on people() and records what it chooses.
func openPeople(t *testing.T, selected int, opts ...PickerOption) (*Picker, *[]int) {
	t.Helper()
	var chosen []int
	p := &Picker{}
	p.Open("Who are you?", people(), selected, func(i int) tea.Cmd {
		chosen = append(chosen, i)
		return nil
	}, opts...)
	p.View(themes.NewStyles(themes.Default(), true), 80, 10)
	return p, &chosen
}

func selectedLabel(t *testing.T, p *Picker) string {
	t.Helper()
	i, ok := p.Selected()
	if !ok {
		return ""
	}
	return p.items[i].Label
}

func TestPickerLettersNarrowAndNeverMove(t *testing.T) {
	p, _ := openPeople(t, 0)
	p.Update(runes("k"))
	p.Update(runes("j"))
	if p.filter != "kj" {
		t.Fatalf("filter = %q, want k and j typed", p.filter)
	}
	if got := len(p.shown); got != 1 || selectedLabel(t, p) != "Jon Kjell" {
		t.Fatalf("\"kj\" shows %d, on %q; want Jon Kjell alone", got, selectedLabel(t, p))
	}
}

func TestPickerArrowsAndCtrlJKMove(t *testing.T) {
	p, _ := openPeople(t, 0)
	for _, k := range []tea.KeyMsg{{Type: tea.KeyDown}, {Type: tea.KeyCtrlJ}} {
		p.Update(k)
	}
	if got := selectedLabel(t, p); got != "Léa Petit" {
		t.Fatalf("down, ctrl+j: on %q, want the third", got)
	}
	p.Update(tea.KeyMsg{Type: tea.KeyCtrlK})
	p.Update(tea.KeyMsg{Type: tea.KeyUp})
	if got := selectedLabel(t, p); got != "Sarah Chen" {
		t.Fatalf("ctrl+k, up: on %q, want the first", got)
	}
	if p.filter != "" {
		t.Fatalf("moving typed %q", p.filter)
	}
}

// The cursor stays on the item it was on while the filter narrows and
// widens; when the filter hides it, it goes to the first match and back
// once the filter lets it through again.
func TestPickerKeepsTheItemWhileTheFilterChanges(t *testing.T) {
	p, _ := openPeople(t, 3) // Kim Jones
	p.Update(runes("o"))     // every one but Léa
	if got := selectedLabel(t, p); got != "Kim Jones" {
		t.Fatalf("after o: on %q, want Kim Jones still", got)
	}
	p.Update(runes("n"))
	if got := selectedLabel(t, p); got != "Kim Jones" {
		t.Fatalf("after on: on %q, want Kim Jones still", got)
	}
	p.Update(runes("k")) // "onk": none; then widen
	p.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	if got := selectedLabel(t, p); got != "Kim Jones" {
		t.Fatalf("after widening: on %q, want Kim Jones again", got)
	}
	p.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	p.Update(runes("sal")) // only Jamal (sales ops): Kim is hidden
	if got := selectedLabel(t, p); got != "Jamal Okafor" {
		t.Fatalf("Kim hidden: on %q, want the one shown", got)
	}
	p.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	if got := selectedLabel(t, p); got != "Kim Jones" {
		t.Fatalf("filter cleared: on %q, want Kim Jones back", got)
	}
	p.Update(runes("ops")) // Sarah and Jamal, both above Kim
	if got := selectedLabel(t, p); got != "Sarah Chen" {
		t.Fatalf("Kim hidden below the matches: on %q, want the first match", got)
	}
}

func TestPickerEnterChoosesEscCloses(t *testing.T) {
	p, chosen := openPeople(t, 1)
	p.Update(runes("zzz"))
	p.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if !p.Active() || len(*chosen) != 0 {
		t.Fatalf("enter with nothing shown: open %v, chose %v", p.Active(), *chosen)
	}
	p.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if p.Active() || len(*chosen) != 0 {
		t.Fatalf("esc: open %v, chose %v", p.Active(), *chosen)
	}
	p, chosen = openPeople(t, 1)
	p.Update(runes("lea"))
	p.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if p.Active() || len(*chosen) != 1 || (*chosen)[0] != 2 {
		t.Fatalf("\"lea\" enter: open %v, chose %v; want Léa (2)", p.Active(), *chosen)
	}
}

func TestNumberedPickerTakesADigitAsTheChoice(t *testing.T) {
	p, chosen := openPeople(t, 0, Numbered())
	p.Update(runes("kim")) // Léa is filtered out; her number still picks her
	p.Update(runes("3"))
	if p.Active() || len(*chosen) != 1 || (*chosen)[0] != 2 {
		t.Fatalf("3: open %v, chose %v; want item 3 (index 2)", p.Active(), *chosen)
	}
	p, chosen = openPeople(t, 0, Numbered())
	p.Update(runes("9")) // no ninth item: nothing
	if !p.Active() || len(*chosen) != 0 || p.filter != "" {
		t.Fatalf("9 of 5: open %v, chose %v, filter %q", p.Active(), *chosen, p.filter)
	}
	v := ansi.Strip(p.View(themes.NewStyles(themes.Default(), true), 80, 10))
	if !strings.Contains(v, "1  Sarah Chen") || !strings.Contains(v, "5  Jon Kjell") {
		t.Fatalf("the numbers are not shown:\n%s", v)
	}
}

func TestTogglingPickerStaysOpen(t *testing.T) {
	p, chosen := openPeople(t, 0, Toggles())
	p.Update(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")})
	p.Update(tea.KeyMsg{Type: tea.KeyDown})
	p.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if !p.Active() || len(*chosen) != 2 || (*chosen)[0] != 0 || (*chosen)[1] != 1 {
		t.Fatalf("space, down, enter: open %v, chose %v", p.Active(), *chosen)
	}
	if p.filter != "" {
		t.Fatalf("space typed into the filter: %q", p.filter)
	}
}

func TestPickerViewFitsAndScrolls(t *testing.T) {
	st := themes.NewStyles(themes.Default(), true)
	p, _ := openPeople(t, 0)
	v := ansi.Strip(p.View(st, 30, 4)) // title, filter and two items
	lines := strings.Split(v, "\n")
	if len(lines) != 4 || !strings.Contains(v, "▸ Sarah Chen") || strings.Contains(v, "Léa") {
		t.Fatalf("view at 30×4:\n%s", v)
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 30 {
			t.Fatalf("line %q is %d cells wide", l, w)
		}
	}
	p.Update(tea.KeyMsg{Type: tea.KeyPgDown})
	p.Update(tea.KeyMsg{Type: tea.KeyDown})
	if v := ansi.Strip(p.View(st, 30, 4)); !strings.Contains(v, "▸ Léa Petit") {
		t.Fatalf("the view did not follow the cursor:\n%s", v)
	}
	p.Update(runes("zz"))
	if v := ansi.Strip(p.View(st, 80, 10)); !strings.Contains(v, "nothing matches") || !strings.Contains(v, "(0 of 5)") {
		t.Fatalf("no note for an empty filter:\n%s", v)
	}
}

// No key of the picker means two things, in any of its kinds.
func TestPickerKeysMeanOneThingEach(t *testing.T) {
	for _, opts := range [][]PickerOption{nil, {Numbered()}, {Toggles()}} {
		p, _ := openPeople(t, 0, opts...)
		meaning := map[string]string{}
		for _, g := range p.FullHelp() {
			for _, b := range g {
				for _, k := range b.Keys() {
					if d, ok := meaning[k]; ok && d != b.Help().Desc {
						t.Errorf("key %q is both %q and %q", k, d, b.Help().Desc)
					}
					meaning[k] = b.Help().Desc
				}
			}
		}
		for _, k := range []string{"j", "k"} {
			if meaning[k] != "narrow the list" {
				t.Errorf("%s means %q, want it typed", k, meaning[k])
			}
		}
	}
}
