package model

import (
	"strings"
	"testing"
)

func myRoleFixture() ProjectData {
	d := orderFixture()
	d.People = []Person{{ID: 1, Name: "Léa"}, {ID: 2, Name: "Hugo"}}
	d.Cells = []Assignment{
		{ActivityID: 10, PersonID: 1, Role: Informed},
		{ActivityID: 11, PersonID: 1, Role: Accountable},
		{ActivityID: 12, PersonID: 1, Role: Responsible},
		{ActivityID: 15, PersonID: 1, Role: Responsible},
		{ActivityID: 13, PersonID: 1, Role: Consulted},
		{ActivityID: 14, PersonID: 1, Role: Accountable},
		{ActivityID: 12, PersonID: 2, Role: Accountable},
		{ActivityID: 404, PersonID: 1, Role: Accountable}, // a deleted row
	}
	return d
}

// render writes groups as "Phase: L a,b; L c | …" for compact comparison.
func render(groups []PhaseRoles) string {
	var parts []string
	for _, g := range groups {
		var letters []string
		for _, l := range g.Letters {
			letters = append(letters, l.Role.String()+" "+strings.Join(names(l.Activities), ","))
		}
		parts = append(parts, g.Phase+": "+strings.Join(letters, "; "))
	}
	return strings.Join(parts, " | ")
}

func TestPersonRoles(t *testing.T) {
	d := myRoleFixture()
	got := render(PersonRoles(d, 1))
	want := "Design: R d1; A d2 | Build: R b2; I b1 | Not tied to a phase: A orphan; C loose"
	if got != want {
		t.Fatalf("Léa's roles:\n got %s\nwant %s", got, want)
	}
	if got := render(PersonRoles(d, 2)); got != "Design: A d1" {
		t.Fatalf("Hugo's roles: %s", got)
	}
	if PersonRoles(d, 3) != nil {
		t.Fatal("someone with no letter has no groups")
	}
	n := RoleCounts(PersonRoles(d, 1))
	if n[Responsible] != 2 || n[Accountable] != 2 || n[Consulted] != 1 || n[Informed] != 1 {
		t.Fatalf("counts = %v", n)
	}
}

func TestCanRemovePerson(t *testing.T) {
	d := myRoleFixture()
	err := CanRemovePerson(d, 1)
	if err == nil {
		t.Fatal("Léa holds two A's and must not be removable")
	}
	for _, w := range []string{"Léa is Accountable for 2 activities", `"d2"`, `"orphan"`, "someone else"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
	if err := CanRemovePerson(d, 3); err != nil {
		t.Fatalf("someone with no A is removable: %v", err)
	}
	// Many rows: the first three are named, then a count.
	d.Cells = nil
	for _, a := range d.Activities {
		d.Cells = append(d.Cells, Assignment{ActivityID: a.ID, PersonID: 2, Role: Accountable})
	}
	err = CanRemovePerson(d, 2)
	if err == nil || !strings.Contains(err.Error(), "for 6 activities") || !strings.Contains(err.Error(), "3 more") {
		t.Fatalf("six A's: %v", err)
	}
	d.Cells = d.Cells[:1]
	if err := CanRemovePerson(d, 2); err == nil || !strings.Contains(err.Error(), "for 1 activity (") {
		t.Fatalf("one A: %v", err)
	}
}

// TestOverloadRuleOnAMatrix counts A's per person as the grid does and
// applies the threshold at its boundary.
func TestOverloadRuleOnAMatrix(t *testing.T) {
	for _, n := range []int{OverloadFrom - 1, OverloadFrom} {
		d := ProjectData{People: []Person{{ID: 1, Name: "P"}}}
		for i := range n {
			id := uint64(i + 1)
			d.Activities = append(d.Activities, Activity{ID: id, Name: "a"})
			d.Cells = append(d.Cells, Assignment{ActivityID: id, PersonID: 1, Role: Accountable})
		}
		a := len(AccountableFor(d, 1))
		if a != n {
			t.Fatalf("counted %d A's, want %d", a, n)
		}
		if got, want := Overloaded(a), n >= OverloadFrom; got != want {
			t.Errorf("%d A's: overloaded = %v, want %v", n, got, want)
		}
	}
}

// A cell with two letters lists its activity under each, and counts
// once for each letter.
func TestPersonRolesWithCombinedCells(t *testing.T) {
	d := myRoleFixture()
	for i, c := range d.Cells {
		if c.ActivityID == 11 && c.PersonID == 1 {
			d.Cells[i].Role = Accountable | Responsible
		}
	}
	got := render(PersonRoles(d, 1))
	want := "Design: R d1,d2; A d2 | Build: R b2; I b1 | Not tied to a phase: A orphan; C loose"
	if got != want {
		t.Fatalf("Léa's roles:\n got %s\nwant %s", got, want)
	}
	n := RoleCounts(PersonRoles(d, 1))
	if n[Responsible] != 3 || n[Accountable] != 2 {
		t.Errorf("counts = %v, want R 3, A 2", n)
	}
	for _, l := range PersonRoles(d, 1)[0].Letters {
		for i, a := range l.Activities {
			if want := map[string]Role{"d1": Responsible, "d2": Accountable | Responsible}[a.Name]; l.Cells[i] != want {
				t.Errorf("%s under %s: cell %q, want %q", a.Name, l.Role, l.Cells[i], want)
			}
		}
	}
	if acts := AccountableFor(d, 1); len(acts) != 2 {
		t.Errorf("AccountableFor = %v, want the A/R row and the orphan", names(acts))
	}
}
