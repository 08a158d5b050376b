package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

var tplStart = time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)

func TestTemplatesOrder(t *testing.T) {
	var keys []string
	for _, tp := range Templates() {
		keys = append(keys, tp.Key)
	}
	want := []string{"mrm", "migration", "campaign", "dmp"}
	if !slices.Equal(keys, want) {
		t.Fatalf("template keys = %v, want %v", keys, want)
	}
}

func TestTemplatesShape(t *testing.T) {
	for _, tp := range Templates() {
		t.Run(tp.Key, func(t *testing.T) {
			if tp.Name == "" || tp.Summary == "" || tp.Span == "" {
				t.Errorf("name %q, summary %q, span %q: none may be empty", tp.Name, tp.Summary, tp.Span)
			}
			if len(tp.Phases) == 0 {
				t.Fatal("no phases")
			}
			seen := map[string]bool{}
			for _, ph := range tp.Phases {
				if strings.TrimSpace(ph.Name) == "" || ph.Duration == "" || ph.Goal == "" {
					t.Errorf("phase %q: name, duration (%q) and goal must be set", ph.Name, ph.Duration)
				}
				if seen[strings.ToLower(ph.Name)] {
					t.Errorf("phase name %q used twice", ph.Name)
				}
				seen[strings.ToLower(ph.Name)] = true
				if ph.Days <= 0 {
					t.Errorf("phase %q: Days = %d, want > 0", ph.Name, ph.Days)
				}
				if len(ph.Deliverables) == 0 || len(ph.Checklist) == 0 || len(ph.Participants) == 0 {
					t.Errorf("phase %q: needs deliverables, checklist and participants", ph.Name)
				}
				for _, team := range ph.Participants {
					if !slices.Contains(Teams, team) {
						t.Errorf("phase %q: participant %q is not one of Teams", ph.Name, team)
					}
				}
				// One RACI row per deliverable, same name and order, then the gate row.
				if len(ph.Activities) != len(ph.Deliverables)+1 {
					t.Fatalf("phase %q: %d activities for %d deliverables, want one each plus the gate",
						ph.Name, len(ph.Activities), len(ph.Deliverables))
				}
				for i, d := range ph.Deliverables {
					if a := ph.Activities[i]; a.Name != d || a.Gate {
						t.Errorf("phase %q: activity %d = %q (gate %v), want deliverable %q", ph.Name, i, a.Name, a.Gate, d)
					}
				}
				gate := ph.Activities[len(ph.Activities)-1]
				if !gate.Gate || gate.Name != ph.Name+" sign-off" {
					t.Errorf("phase %q: last activity %q (gate %v), want gate %q", ph.Name, gate.Name, gate.Gate, ph.Name+" sign-off")
				}
				for _, a := range ph.Activities {
					var a1, r int
					for role, letter := range a.Roles {
						if !slices.Contains(TemplateRoles, role) {
							t.Errorf("activity %q: role %q is not a template role", a.Name, role)
						}
						switch letter {
						case Accountable:
							a1++
						case Responsible:
							r++
						}
					}
					if a1 != 1 || r < 1 {
						t.Errorf("activity %q: %d A and %d R, want exactly one A and at least one R", a.Name, a1, r)
					}
				}
			}
			for _, key := range tp.Checklists {
				if _, ok := checklistTemplateByKey(key); !ok {
					t.Errorf("checklist %q is not a built-in checklist", key)
				}
			}
		})
	}
}

func TestTemplateDocs(t *testing.T) {
	for _, tp := range Templates() {
		if len(tp.Docs) == 0 {
			t.Errorf("%s: no starter docs", tp.Key)
		}
		for _, doc := range tp.Docs {
			name := tp.Key + "/" + doc.Title
			if doc.Phase != "" && !slices.ContainsFunc(tp.Phases, func(p TemplatePhase) bool { return p.Name == doc.Phase }) {
				t.Errorf("%s: phase %q does not exist", name, doc.Phase)
			}
			if !strings.HasPrefix(doc.Body, "# ") {
				t.Errorf("%s: body should open with a level-1 heading", name)
			}
			if n := strings.Count(strings.TrimRight(doc.Body, "\n"), "\n") + 1; n < 15 || n > 60 {
				t.Errorf("%s: %d lines, want 15 to 60", name, n)
			}
			if strings.Count(doc.Body, "\n- ")+strings.Count(doc.Body, "\n|") < 2 {
				t.Errorf("%s: want a few bullet prompts or table rows", name)
			}
		}
	}
}

func TestTemplateStarterDocTitles(t *testing.T) {
	want := map[string][]string{
		"mrm":       {"Discovery document", "Requirements sheet", "Design document", "Test plan", "Training manual"},
		"migration": {"Migration playbook", "UAT test plan"},
	}
	for key, titles := range want {
		tp, _ := TemplateByKey(key)
		var got []string
		for _, d := range tp.Docs {
			got = append(got, d.Title)
		}
		if !slices.Equal(got, titles) {
			t.Errorf("%s docs = %v, want %v", key, got, titles)
		}
	}
}

func TestMRMPhases(t *testing.T) {
	tp, ok := TemplateByKey("mrm")
	if !ok {
		t.Fatal("no mrm template")
	}
	want := []string{"Discovery", "Design", "Build", "Test", "Train", "Deploy", "Post-production"}
	var got []string
	for _, ph := range tp.Phases {
		got = append(got, ph.Name)
		if blocks := ph.Name == "Test"; ph.BlocksOnOpenChanges != blocks {
			t.Errorf("phase %q BlocksOnOpenChanges = %v, want %v", ph.Name, ph.BlocksOnOpenChanges, blocks)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("mrm phases = %v, want %v", got, want)
	}
	durations := map[string]string{"Discovery": "1–2 days", "Test": "2–3 weeks", "Train": "2–3 weeks", "Deploy": "1–2 days"}
	for _, ph := range tp.Phases {
		if w, ok := durations[ph.Name]; ok && ph.Duration != w {
			t.Errorf("phase %q duration %q, want %q", ph.Name, ph.Duration, w)
		}
	}
	if tp.Span != "3–6 months" {
		t.Errorf("mrm span %q, want 3–6 months", tp.Span)
	}
}

func TestBlockingPhases(t *testing.T) {
	want := map[string]string{"mrm": "Test", "migration": "User acceptance testing"}
	for _, tp := range Templates() {
		var blocking []string
		for _, ph := range tp.Phases {
			if ph.BlocksOnOpenChanges {
				blocking = append(blocking, ph.Name)
			}
		}
		if w, ok := want[tp.Key]; ok && !slices.Equal(blocking, []string{w}) {
			t.Errorf("%s: blocking phases %v, want [%s]", tp.Key, blocking, w)
		}
		if len(blocking) > 1 {
			t.Errorf("%s: %d phases block on open changes, want at most one", tp.Key, len(blocking))
		}
	}
}

func TestTemplateByKey(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" = not found
	}{
		{"mrm", "mrm"},
		{"MRM", "mrm"},
		{"  Migration ", "migration"},
		{"campaign", "campaign"},
		{"DMP", "dmp"},
		{"MRM implementation", "mrm"},
		{"martech PLATFORM migration", "migration"},
		{"Campaign management process", "campaign"},
		{"marketing dmp project", "dmp"},
		{"", ""},
		{"   ", ""},
		{"crm", ""},
		{"mrm2", ""},
	}
	for _, tt := range tests {
		got, ok := TemplateByKey(tt.in)
		if ok != (tt.want != "") || got.Key != tt.want {
			t.Errorf("TemplateByKey(%q) = %q, %v; want %q", tt.in, got.Key, ok, tt.want)
		}
	}
}

func TestTemplatesAreFreshValues(t *testing.T) {
	a := Templates()
	a[0].Phases[0].Name = "changed"
	a[0].Phases[0].Deliverables[0] = "changed"
	a[0].Phases[0].Activities[0].Roles[RoleSponsor] = Accountable
	b := Templates()
	if b[0].Phases[0].Name == "changed" || b[0].Phases[0].Deliverables[0] == "changed" ||
		b[0].Phases[0].Activities[0].Roles[RoleSponsor] == Accountable {
		t.Fatal("changing a returned template changed the built-in one")
	}
	c := ChecklistTemplates()
	c[0].Items[0].Text = "changed"
	if ChecklistTemplates()[0].Items[0].Text == "changed" {
		t.Fatal("changing a returned checklist changed the built-in one")
	}
}

func TestRoleTeam(t *testing.T) {
	for _, role := range TemplateRoles {
		team := RoleTeam(role)
		if !slices.Contains(Teams, team) {
			t.Errorf("RoleTeam(%q) = %q, not one of Teams", role, team)
		}
	}
	if RoleTeam(RoleSponsor) != "executive sponsor" || RoleTeam(RoleIT) != "IT" {
		t.Errorf("sponsor → %q, IT → %q", RoleTeam(RoleSponsor), RoleTeam(RoleIT))
	}
	if got := RoleTeam("Janitor"); got != "" {
		t.Errorf("RoleTeam(unknown) = %q, want empty", got)
	}
}

func TestNewProjectBasics(t *testing.T) {
	for _, tp := range Templates() {
		t.Run(tp.Key, func(t *testing.T) {
			d := NewProject(tp, "Project X", tplStart)
			p := d.Project
			if p.Name != "Project X" || p.Template != tp.Key || !p.Start.Equal(tplStart) {
				t.Errorf("project = %+v", p)
			}
			if err := p.Validate(); err != nil {
				t.Errorf("project: %v", err)
			}
			if len(d.People) != len(TemplateRoles) {
				t.Fatalf("%d people, want one per template role", len(d.People))
			}
			for i, role := range TemplateRoles {
				pe := d.People[i]
				if pe.ID != uint64(i+1) || pe.Name != role || pe.Team != RoleTeam(role) {
					t.Errorf("person %d = %+v, want ID %d, name %q, team %q", i, pe, i+1, role, RoleTeam(role))
				}
			}
			if d.PersonName(p.SponsorID) != RoleSponsor || d.PersonName(p.LeadID) != RoleLead {
				t.Errorf("sponsor %q, lead %q", d.PersonName(p.SponsorID), d.PersonName(p.LeadID))
			}
			if len(d.Phases) != len(tp.Phases) {
				t.Fatalf("%d phases, want %d", len(d.Phases), len(tp.Phases))
			}
			for i, ph := range d.Phases {
				tph := tp.Phases[i]
				if ph.ID != uint64(i+1) || ph.Order != i || ph.Name != tph.Name || ph.Status != PhaseNotStarted {
					t.Errorf("phase %d = ID %d, order %d, %q, %v", i, ph.ID, ph.Order, ph.Name, ph.Status)
				}
				if len(ph.Deliverables) != len(tph.Deliverables) || len(ph.Checklist) != len(tph.Checklist) ||
					!slices.Equal(ph.Participants, tph.Participants) || ph.BlocksOnOpenChanges != tph.BlocksOnOpenChanges {
					t.Errorf("phase %q not copied from its template", ph.Name)
				}
				if err := ph.Validate(); err != nil {
					t.Errorf("phase %q: %v", ph.Name, err)
				}
			}
			var n int
			for _, tph := range tp.Phases {
				n += len(tph.Activities)
			}
			if len(d.Activities) != n {
				t.Errorf("%d activities, want %d", len(d.Activities), n)
			}
			for i, a := range d.Activities {
				if a.ID != uint64(i+1) || a.Order != i {
					t.Errorf("activity %d: ID %d, order %d", i, a.ID, a.Order)
				}
				if i > 0 && a.PhaseID < d.Activities[i-1].PhaseID {
					t.Errorf("activity %q comes before the previous phase's rows", a.Name)
				}
			}
			if len(d.Docs) != len(tp.Docs) {
				t.Errorf("%d docs, want %d", len(d.Docs), len(tp.Docs))
			}
			for i, doc := range d.Docs {
				if doc.ID != uint64(i+1) || doc.Rev != 1 || !doc.Updated.Equal(tplStart) || doc.Body == "" {
					t.Errorf("doc %q: ID %d, rev %d, updated %v", doc.Title, doc.ID, doc.Rev, doc.Updated)
				}
				if want := tp.Docs[i].Phase; want != d.PhaseName(doc.PhaseID) {
					t.Errorf("doc %q in phase %q, want %q", doc.Title, d.PhaseName(doc.PhaseID), want)
				}
			}
			if len(d.Checklists) != len(tp.Checklists) {
				t.Errorf("%d checklists, want %d", len(d.Checklists), len(tp.Checklists))
			}
			for i, cl := range d.Checklists {
				if cl.ID != uint64(i+1) || len(cl.Items) == 0 || cl.Validate() != nil {
					t.Errorf("checklist %d = %+v", i, cl)
				}
			}
			checkTplRefs(t, d)
		})
	}
}

func TestNewProjectRACIValid(t *testing.T) {
	for _, tp := range Templates() {
		t.Run(tp.Key, func(t *testing.T) {
			checkTplRACI(t, NewProject(tp, "X", tplStart))
		})
	}
}

func TestNewProjectEveryDeliverableHasAnAccountable(t *testing.T) {
	for _, tp := range Templates() {
		d := NewProject(tp, "X", tplStart)
		for _, ph := range d.Phases {
			for _, del := range ph.Deliverables {
				i := slices.IndexFunc(d.Activities, func(a Activity) bool { return a.PhaseID == ph.ID && a.Name == del.Name })
				if i < 0 {
					t.Errorf("%s: deliverable %q of %q has no RACI activity", tp.Key, del.Name, ph.Name)
					continue
				}
				if got := len(tplHolders(d, d.Activities[i].ID, Accountable)); got != 1 {
					t.Errorf("%s: deliverable %q has %d A, want 1", tp.Key, del.Name, got)
				}
			}
			gates := slices.DeleteFunc(slices.Clone(d.Activities), func(a Activity) bool { return a.PhaseID != ph.ID || !a.Gate })
			if len(gates) != 1 {
				t.Errorf("%s: phase %q has %d gate rows, want 1", tp.Key, ph.Name, len(gates))
			}
		}
	}
}

func TestNewProjectDates(t *testing.T) {
	paris := time.FixedZone("CET", 3600)
	tests := []struct {
		name  string
		start time.Time
		want  time.Time
	}{
		{"utc midnight", tplStart, tplStart},
		{"afternoon", time.Date(2025, 3, 3, 15, 4, 5, 6, time.UTC), tplStart},
		{"local midnight keeps the local date", time.Date(2025, 3, 3, 0, 30, 0, 0, paris), tplStart},
		{"across a year end", time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC), time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		for _, tp := range Templates() {
			t.Run(tt.name+"/"+tp.Key, func(t *testing.T) {
				d := NewProject(tp, "X", tt.start)
				if !d.Project.Start.Equal(tt.want) || d.Project.Start.Location() != time.UTC {
					t.Fatalf("start = %v, want %v UTC", d.Project.Start, tt.want)
				}
				next := tt.want
				var lastBeforePost time.Time
				for i, ph := range d.Phases {
					if !ph.PlannedStart.Equal(next) {
						t.Errorf("phase %q starts %v, want %v (the day after the previous one)", ph.Name, ph.PlannedStart, next)
					}
					if want := ph.PlannedStart.AddDate(0, 0, tp.Phases[i].Days-1); !ph.PlannedEnd.Equal(want) {
						t.Errorf("phase %q ends %v, want %v (%d days)", ph.Name, ph.PlannedEnd, want, tp.Phases[i].Days)
					}
					for _, ts := range []time.Time{ph.PlannedStart, ph.PlannedEnd} {
						if ts.Location() != time.UTC || ts.Hour() != 0 || ts.Minute() != 0 {
							t.Errorf("phase %q date %v is not UTC midnight", ph.Name, ts)
						}
					}
					if i > 0 && !ph.PlannedStart.After(d.Phases[i-1].PlannedEnd) {
						t.Errorf("phase %q overlaps %q", ph.Name, d.Phases[i-1].Name)
					}
					if ph.Name != "Post-production" {
						lastBeforePost = ph.PlannedEnd
					}
					next = ph.PlannedEnd.AddDate(0, 0, 1)
				}
				if d.Project.GoLive.IsZero() || !d.Project.GoLive.Equal(lastBeforePost) {
					t.Errorf("go-live = %v, want %v", d.Project.GoLive, lastBeforePost)
				}
			})
		}
	}
}

func TestNewProjectMRMGoLiveIsDeployEnd(t *testing.T) {
	tp, _ := TemplateByKey("mrm")
	d := NewProject(tp, "X", tplStart)
	deploy := d.Phases[5]
	if deploy.Name != "Deploy" || !d.Project.GoLive.Equal(deploy.PlannedEnd) {
		t.Fatalf("go-live %v, want the end of Deploy %v", d.Project.GoLive, deploy.PlannedEnd)
	}
	// 3–6 months from start to go-live.
	if days := d.Project.GoLive.Sub(d.Project.Start).Hours() / 24; days < 80 || days > 190 {
		t.Errorf("go-live %v days after start, want 3 to 6 months", days)
	}
}

func TestNewProjectLinksDeliverablesToDocs(t *testing.T) {
	tp, _ := TemplateByKey("mrm")
	d := NewProject(tp, "X", tplStart)
	disc := d.Phases[0]
	for _, del := range disc.Deliverables {
		if del.DocID == 0 {
			t.Errorf("deliverable %q has no doc", del.Name)
			continue
		}
		if doc := d.Docs[del.DocID-1]; doc.Title != del.Name || doc.PhaseID != disc.ID {
			t.Errorf("deliverable %q links to doc %q", del.Name, doc.Title)
		}
	}
}

func TestNewProjectEmptyTemplate(t *testing.T) {
	d := NewProject(Template{Key: "blank"}, "Blank", tplStart)
	if len(d.Phases) != 0 || len(d.People) != len(TemplateRoles) || !d.Project.GoLive.Equal(tplStart) {
		t.Fatalf("blank project = %+v", d.Project)
	}
	checkTplRefs(t, d)
}

func TestChecklistTemplates(t *testing.T) {
	cts := ChecklistTemplates()
	var keys []string
	for _, ct := range cts {
		keys = append(keys, ct.Key)
		if ct.Name == "" || len(ct.Items) == 0 {
			t.Errorf("%s: name %q, %d items", ct.Key, ct.Name, len(ct.Items))
		}
		for _, it := range ct.Items {
			if it.Section == "" || strings.TrimSpace(it.Text) == "" || it.Done {
				t.Errorf("%s: item %+v needs a section and text, unchecked", ct.Key, it)
			}
		}
	}
	if want := []string{"marketo-audit", "data-cleanup", "year-in-review"}; !slices.Equal(keys, want) {
		t.Fatalf("checklist keys = %v, want %v", keys, want)
	}
	audit, _ := checklistTemplateByKey("marketo-audit")
	var sections []string
	for _, it := range audit.Items {
		if len(sections) == 0 || sections[len(sections)-1] != it.Section {
			sections = append(sections, it.Section)
		}
	}
	want := []string{"Admin", "Channels", "Users", "Naming and organisation", "Scoring programs", "Operational programs"}
	if !slices.Equal(sections, want) {
		t.Errorf("marketo-audit sections = %v, want %v", sections, want)
	}
	if _, ok := checklistTemplateByKey("nope"); ok {
		t.Error("unknown checklist key found")
	}
}

func TestTemplateChecklistsAttached(t *testing.T) {
	want := map[string]string{"migration": "data-cleanup", "dmp": "data-cleanup"}
	for key, cl := range want {
		tp, _ := TemplateByKey(key)
		if !slices.Contains(tp.Checklists, cl) {
			t.Errorf("%s checklists = %v, want %q among them", key, tp.Checklists, cl)
		}
	}
}

// tplHolders lists the people holding a letter on an activity.
func tplHolders(d ProjectData, activity uint64, role Role) []uint64 {
	var out []uint64
	for _, c := range d.Cells {
		if c.ActivityID == activity && c.Role == role {
			out = append(out, c.PersonID)
		}
	}
	return out
}

// checkTplRACI fails on any broken RACI rule and on any overloaded person.
func checkTplRACI(t *testing.T, d ProjectData) {
	t.Helper()
	rows := map[uint64][]Role{}
	accountables := map[uint64]int{}
	for _, c := range d.Cells {
		rows[c.ActivityID] = append(rows[c.ActivityID], c.Role)
		if c.Role == Accountable {
			accountables[c.PersonID]++
		}
	}
	for _, a := range d.Activities {
		for _, p := range CheckRow(rows[a.ID], len(d.People)) {
			if !p.Warning() {
				t.Errorf("activity %q: %v", a.Name, p)
			} else {
				t.Errorf("activity %q: warning %v in a built-in project", a.Name, p)
			}
		}
	}
	for id, n := range accountables {
		if Overloaded(n) {
			t.Errorf("%s holds %d A's: overloaded", d.PersonName(id), n)
		}
	}
}

// checkTplRefs fails on any cross-reference that points nowhere and on any
// duplicate ID.
func checkTplRefs(t *testing.T, d ProjectData) {
	t.Helper()
	people := tplIDs(d.People, func(p Person) uint64 { return p.ID })
	phases := tplIDs(d.Phases, func(p Phase) uint64 { return p.ID })
	acts := tplIDs(d.Activities, func(a Activity) uint64 { return a.ID })
	docs := tplIDs(d.Docs, func(x Doc) uint64 { return x.ID })
	crs := tplIDs(d.Changes, func(c ChangeRequest) uint64 { return c.ID })
	cls := tplIDs(d.Checklists, func(c Checklist) uint64 { return c.ID })
	for kind, m := range map[string]map[uint64]int{"person": people, "phase": phases, "activity": acts, "doc": docs, "change": crs, "checklist": cls} {
		for id, n := range m {
			if id == 0 || n > 1 {
				t.Errorf("%s ID %d used %d times", kind, id, n)
			}
		}
	}
	must := func(what string, id uint64, m map[uint64]int) {
		if m[id] == 0 {
			t.Errorf("%s points at missing ID %d", what, id)
		}
	}
	if len(d.People) > 0 {
		must("project sponsor", d.Project.SponsorID, people)
		must("project lead", d.Project.LeadID, people)
	}
	for _, a := range d.Activities {
		must(fmt.Sprintf("activity %q phase", a.Name), a.PhaseID, phases)
	}
	cells := map[[2]uint64]bool{}
	for _, c := range d.Cells {
		must("cell activity", c.ActivityID, acts)
		must("cell person", c.PersonID, people)
		if c.Role == RoleNone {
			t.Errorf("empty cell stored for activity %d person %d", c.ActivityID, c.PersonID)
		}
		k := [2]uint64{c.ActivityID, c.PersonID}
		if cells[k] {
			t.Errorf("two cells for activity %d person %d", c.ActivityID, c.PersonID)
		}
		cells[k] = true
	}
	for _, doc := range d.Docs {
		if doc.PhaseID != 0 {
			must(fmt.Sprintf("doc %q phase", doc.Title), doc.PhaseID, phases)
		}
	}
	for _, c := range d.Changes {
		if c.RaisedIn != 0 {
			must(c.Ref()+" raised in", c.RaisedIn, phases)
		}
	}
	for _, ph := range d.Phases {
		for _, del := range ph.Deliverables {
			if del.DocID != 0 {
				must(fmt.Sprintf("deliverable %q doc", del.Name), del.DocID, docs)
			}
		}
		for _, it := range ph.Checklist {
			if it.ByID != 0 {
				must(fmt.Sprintf("phase %q checklist item", ph.Name), it.ByID, people)
			}
		}
		if ph.Gate.ByID != 0 {
			must(fmt.Sprintf("phase %q gate", ph.Name), ph.Gate.ByID, people)
		}
		if o := ph.Gate.Override; o != nil {
			must(fmt.Sprintf("phase %q override", ph.Name), o.ByID, people)
		}
	}
	for _, cl := range d.Checklists {
		for _, it := range cl.Items {
			if it.ByID != 0 {
				must(fmt.Sprintf("checklist %q item", cl.Name), it.ByID, people)
			}
		}
	}
}

func tplIDs[T any](xs []T, id func(T) uint64) map[uint64]int {
	m := make(map[uint64]int, len(xs))
	for _, x := range xs {
		m[id(x)]++
	}
	return m
}
