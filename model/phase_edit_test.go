package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func day(n int) time.Time { return time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n) }

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Time
		wantErr string
	}{
		{"2024-03-01", day(0), ""},
		{" 2024-03-02 ", day(1), ""},
		{"", time.Time{}, ""},
		{"2024-02-30", time.Time{}, `"2024-02-30" is not a date: write it as YYYY-MM-DD`},
		{"01/03/2024", time.Time{}, "is not a date"},
		{"2024-3-1", time.Time{}, "is not a date"},
		{"\x1b[2J", time.Time{}, `"␛[2J" is not a date`},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		checkErr(t, err, tt.wantErr)
		if !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestEditPhase(t *testing.T) {
	tests := []struct {
		name       string
		phase      uint64
		newName    string
		start, end time.Time
		wantErr    string
		wantWarn   []string
	}{
		{"rename and move within its slot", phBuild, "  Build & configure ", day(10), day(19), "", nil},
		{"end before start refused", phBuild, "Build", day(15), day(14), "ends before it starts", nil},
		{"empty name refused", phBuild, " \t ", day(10), day(19), "name is empty", nil},
		{"one-day phase", phBuild, "Build", day(12), day(12), "", nil},
		{"overlap with previous warns", phBuild, "Build", day(8), day(19), "",
			[]string{`"Build" starts 2024-03-09, before "Design" ends 2024-03-11: the phases overlap`}},
		{"overlap with next warns", phBuild, "Build", day(10), day(25), "",
			[]string{`"Build" ends 2024-03-26, after "Test" starts 2024-03-21: the phases overlap`}},
		{"hand-over on the same day is no overlap", phBuild, "Build", day(10), day(20), "", nil},
		{"no dates at all", phBuild, "Build", time.Time{}, time.Time{}, "", nil},
		{"unknown phase", 999, "x", day(1), day(2), "no phase with ID 999", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := gateFixture()
			ph, warns, err := EditPhase(d, tt.phase, tt.newName, tt.start, tt.end)
			checkErr(t, err, tt.wantErr)
			if !slices.Equal(warns, tt.wantWarn) {
				t.Errorf("warnings = %q, want %q", warns, tt.wantWarn)
			}
			if err != nil {
				return
			}
			if ph.Name != strings.TrimSpace(tt.newName) || !ph.PlannedStart.Equal(tt.start) || !ph.PlannedEnd.Equal(tt.end) {
				t.Errorf("edited phase = %q %v %v", ph.Name, ph.PlannedStart, ph.PlannedEnd)
			}
			if orig, _ := d.Phase(tt.phase); orig.Name != "Build" {
				t.Error("EditPhase changed its input")
			}
		})
	}
}

// orderAfter applies returned records to the fixture's phases and lists
// names in Order.
func orderAfter(phases, recs []Phase) []string {
	all := slices.Clone(phases)
	for _, r := range recs {
		i := slices.IndexFunc(all, func(p Phase) bool { return r.ID != 0 && p.ID == r.ID })
		if i < 0 {
			all = append(all, r)
		} else {
			all[i] = r
		}
	}
	var names []string
	for _, p := range PhasesInOrder(all) {
		names = append(names, p.Name)
	}
	return names
}

func TestInsertPhase(t *testing.T) {
	tests := []struct {
		name      string
		after     uint64
		newName   string
		wantOrder []string
		wantStart time.Time
		wantErr   string
	}{
		{"after the first", phDesign, "Review", []string{"Design", "Review", "Build", "Test", "Deploy"}, day(11), ""},
		{"after the last", phDeploy, "Hypercare", []string{"Design", "Build", "Test", "Deploy", "Hypercare"}, day(37), ""},
		{"at the end when no phase is given", 0, "Hypercare", []string{"Design", "Build", "Test", "Deploy", "Hypercare"}, day(37), ""},
		{"empty name", phDesign, "  ", nil, time.Time{}, "name is empty"},
		{"unknown phase", 999, "x", nil, time.Time{}, "no phase with ID 999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := gateFixture()
			recs, err := InsertPhase(d.Phases, tt.after, tt.newName)
			checkErr(t, err, tt.wantErr)
			if err != nil {
				return
			}
			if got := orderAfter(d.Phases, recs); !slices.Equal(got, tt.wantOrder) {
				t.Errorf("order = %v, want %v", got, tt.wantOrder)
			}
			var added Phase
			for _, r := range recs {
				if r.ID == 0 {
					added = r
				}
			}
			if !added.PlannedStart.Equal(tt.wantStart) || !added.PlannedEnd.Equal(tt.wantStart.AddDate(0, 0, 6)) {
				t.Errorf("new phase planned %v → %v, want a week from %v", added.PlannedStart, added.PlannedEnd, tt.wantStart)
			}
			if err := added.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
	// Into an empty project: first phase, no dates to follow.
	recs, err := InsertPhase(nil, 0, "Kick-off")
	if err != nil || len(recs) != 1 || recs[0].Order != 0 || !recs[0].PlannedStart.IsZero() {
		t.Errorf("InsertPhase(empty) = %+v, %v", recs, err)
	}
}

func TestMovePhase(t *testing.T) {
	tests := []struct {
		name    string
		id      uint64
		delta   int
		want    []string
		wantErr string
	}{
		{"down one", phBuild, +1, []string{"Design", "Test", "Build", "Deploy"}, ""},
		{"up one", phBuild, -1, []string{"Build", "Design", "Test", "Deploy"}, ""},
		{"first cannot go up", phDesign, -1, nil, `"Design" is already the first phase`},
		{"last cannot go down", phDeploy, +1, nil, `"Deploy" is already the last phase`},
		{"unknown", 999, 1, nil, "no phase with ID 999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := gateFixture()
			recs, err := MovePhase(d.Phases, tt.id, tt.delta)
			checkErr(t, err, tt.wantErr)
			if err != nil {
				return
			}
			if got := orderAfter(d.Phases, recs); !slices.Equal(got, tt.want) {
				t.Errorf("order = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestItemEdits(t *testing.T) {
	ph := Phase{Name: "Build", Status: PhaseInProgress,
		Deliverables: []Deliverable{{Name: "Env"}, {Name: "Review", Done: true}},
		Checklist:    []CheckItem{{Text: "Secure"}}}
	orig := ownLists(ph)

	if n := PhaseItems(ph); n != 3 {
		t.Fatalf("PhaseItems = %d", n)
	}
	for row, want := range []struct {
		kind ItemKind
		i    int
		ok   bool
	}{{ItemDeliverable, 0, true}, {ItemDeliverable, 1, true}, {ItemExit, 0, true}, {0, 0, false}} {
		k, i, ok := ItemAt(ph, row)
		if k != want.kind || i != want.i || ok != want.ok {
			t.Errorf("ItemAt(%d) = %v %d %v", row, k, i, ok)
		}
	}
	if _, _, ok := ItemAt(ph, -1); ok {
		t.Error("ItemAt(-1) must fail")
	}

	got, err := ToggleItem(ph, ItemExit, 0, 7, day(3))
	if err != nil || !got.Checklist[0].Done || got.Checklist[0].ByID != 7 || !got.Checklist[0].At.Equal(day(3)) {
		t.Fatalf("ToggleItem(exit) = %+v, %v", got.Checklist, err)
	}
	got, _ = ToggleItem(got, ItemExit, 0, 8, day(4))
	if got.Checklist[0].Done || got.Checklist[0].ByID != 0 || !got.Checklist[0].At.IsZero() {
		t.Fatalf("unchecking keeps who/when: %+v", got.Checklist[0])
	}
	got, _ = ToggleItem(ph, ItemDeliverable, 1, 7, day(3))
	if got.Deliverables[1].Done {
		t.Fatal("toggle did not undo a done deliverable")
	}
	if _, err := ToggleItem(ph, ItemDeliverable, 5, 7, day(3)); err == nil || !strings.Contains(err.Error(), "no deliverable 6") {
		t.Fatalf("out of range toggle: %v", err)
	}

	got, row, err := AddItem(ph, ItemDeliverable, 0, " Data model ")
	if err != nil || row != 1 || got.Deliverables[1].Name != "Data model" || len(got.Deliverables) != 3 {
		t.Fatalf("AddItem = %+v row %d, %v", got.Deliverables, row, err)
	}
	got, row, err = AddItem(ph, ItemExit, 99, "Load test")
	if err != nil || row != 3 || got.Checklist[1].Text != "Load test" {
		t.Fatalf("AddItem(exit, end) = %+v row %d, %v", got.Checklist, row, err)
	}
	got, row, _ = AddItem(ph, ItemDeliverable, -1, "First")
	if row != 0 || got.Deliverables[0].Name != "First" {
		t.Fatalf("AddItem(top) = %+v row %d", got.Deliverables, row)
	}
	if _, _, err := AddItem(ph, ItemDeliverable, 0, " \t "); err == nil {
		t.Fatal("AddItem with an empty name must fail")
	}

	got, err = RenameItem(ph, ItemDeliverable, 0, "Dev environment")
	if err != nil || got.Deliverables[0].Name != "Dev environment" {
		t.Fatalf("RenameItem = %+v, %v", got.Deliverables, err)
	}
	if _, err := RenameItem(ph, ItemDeliverable, 0, ""); err == nil {
		t.Fatal("rename to empty must fail")
	}

	got, err = RemoveItem(ph, ItemDeliverable, 0)
	if err != nil || len(got.Deliverables) != 1 || got.Deliverables[0].Name != "Review" {
		t.Fatalf("RemoveItem = %+v, %v", got.Deliverables, err)
	}

	got, row, err = MoveItem(ph, ItemDeliverable, 0, +1)
	if err != nil || row != 1 || got.Deliverables[1].Name != "Env" {
		t.Fatalf("MoveItem = %+v row %d, %v", got.Deliverables, row, err)
	}
	if _, _, err := MoveItem(ph, ItemDeliverable, 0, -1); err == nil || !strings.Contains(err.Error(), "already the first") {
		t.Fatalf("MoveItem past the top: %v", err)
	}
	if _, _, err := MoveItem(ph, ItemExit, 0, +1); err == nil || !strings.Contains(err.Error(), "already the last") {
		t.Fatalf("MoveItem past the bottom: %v", err)
	}

	// None of it touched the original's lists.
	if !slices.Equal(ph.Deliverables, orig.Deliverables) || !slices.Equal(ph.Checklist, orig.Checklist) {
		t.Fatal("an item edit changed its input")
	}
}

func TestItemEditsFrozenAfterSignOff(t *testing.T) {
	ph := Phase{Name: "Design", Status: PhaseSignedOff, Gate: Gate{SignedOff: true},
		Deliverables: []Deliverable{{Name: "Doc", Done: true}}, Checklist: []CheckItem{{Text: "ok", Done: true}}}
	const want = `the "Design" gate is signed off`
	_, err := ToggleItem(ph, ItemDeliverable, 0, 1, day(1))
	checkErr(t, err, want)
	_, _, err = AddItem(ph, ItemDeliverable, 0, "x")
	checkErr(t, err, want)
	_, err = RenameItem(ph, ItemExit, 0, "x")
	checkErr(t, err, want)
	_, err = RemoveItem(ph, ItemExit, 0)
	checkErr(t, err, want)
	_, _, err = MoveItem(Phase{Name: "Design", Gate: Gate{SignedOff: true}, Deliverables: []Deliverable{{Name: "a"}, {Name: "b"}}}, ItemDeliverable, 0, 1)
	checkErr(t, err, want)
}

func TestOverdue(t *testing.T) {
	today := day(10).Add(15 * time.Hour)
	tests := []struct {
		name string
		ph   Phase
		want bool
	}{
		{"ended yesterday, still open", Phase{PlannedEnd: day(9), Status: PhaseInProgress}, true},
		{"ends today", Phase{PlannedEnd: day(10), Status: PhaseInProgress}, false},
		{"not started and past its end", Phase{PlannedEnd: day(2)}, true},
		{"signed off late is not overdue", Phase{PlannedEnd: day(2), Status: PhaseSignedOff, Gate: Gate{SignedOff: true}}, false},
		{"no planned end", Phase{Status: PhaseInProgress}, false},
		{"future", Phase{PlannedEnd: day(30)}, false},
	}
	for _, tt := range tests {
		if got := Overdue(tt.ph, today); got != tt.want {
			t.Errorf("%s: Overdue = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestActualSpan(t *testing.T) {
	today := day(10)
	if _, _, ok := ActualSpan(Phase{}, today); ok {
		t.Error("a phase not started has no actual span")
	}
	s, e, ok := ActualSpan(Phase{ActualStart: day(2)}, today)
	if !ok || !s.Equal(day(2)) || !e.Equal(today) {
		t.Errorf("running phase span = %v → %v", s, e)
	}
	s, e, _ = ActualSpan(Phase{ActualStart: day(2), ActualEnd: day(4)}, today)
	if !s.Equal(day(2)) || !e.Equal(day(4)) {
		t.Errorf("finished phase span = %v → %v", s, e)
	}
	_, e, _ = ActualSpan(Phase{ActualStart: day(12)}, today)
	if !e.Equal(day(12)) {
		t.Errorf("a start after today ends on its start, got %v", e)
	}
}

func TestCheckProjectName(t *testing.T) {
	ps := []Project{{ID: 1, Name: "Acme MRM"}, {ID: 2, Name: "DMP"}}
	checkErr(t, CheckProjectName(ps, "New one", 0), "")
	checkErr(t, CheckProjectName(ps, "  acme mrm ", 0), `a project named "Acme MRM" already exists`)
	checkErr(t, CheckProjectName(ps, "Acme MRM", 1), "") // renaming itself
	checkErr(t, CheckProjectName(ps, "dmp", 1), "already exists")
	checkErr(t, CheckProjectName(ps, "   ", 0), "name is empty")
}

func TestParseDateRefusesDaysOutOfRange(t *testing.T) {
	for _, s := range []string{"9999-12-31", "0001-01-01", "2200-01-01", "1899-12-31"} {
		if _, err := ParseDate(s); err == nil || !strings.Contains(err.Error(), "out of range") {
			t.Errorf("ParseDate(%q) = %v, want out of range", s, err)
		}
	}
	for _, s := range []string{"1900-01-01", "2199-12-31", "2027-01-04"} {
		if _, err := ParseDate(s); err != nil {
			t.Errorf("ParseDate(%q) = %v", s, err)
		}
	}
}
