package model

import (
	"slices"
	"strings"
	"time"
)

// Role names used as default RACI columns in templates. A new project gets
// one placeholder person per role, named after it, so that its matrix is
// valid from the start; people rename them afterwards.
const (
	RoleSponsor   = "Sponsor"
	RoleLead      = "Project lead"
	RoleMarketing = "Marketing"
	RoleCreative  = "Creative"
	RoleCampaign  = "Campaign"
	RoleIT        = "IT"
)

// TemplateRoles lists the template roles in column order.
var TemplateRoles = []string{RoleSponsor, RoleLead, RoleMarketing, RoleCreative, RoleCampaign, RoleIT}

// RoleTeam maps a template role to the team its placeholder person belongs
// to (one of Teams); an unknown role has no team.
func RoleTeam(role string) string {
	switch role {
	case RoleSponsor:
		return "executive sponsor"
	case RoleLead:
		return "operations"
	case RoleMarketing:
		return "marketing"
	case RoleCreative:
		return "creative"
	case RoleCampaign:
		return "campaign"
	case RoleIT:
		return "IT"
	}
	return ""
}

// TemplateActivity is a default RACI row: role name → letter. A row has
// exactly one A and at least one R.
type TemplateActivity struct {
	Name  string
	Gate  bool
	Roles map[string]Role
}

// TemplatePhase is a phase as a template describes it.
type TemplatePhase struct {
	Name string
	// Goal is markdown (a few lines).
	Goal string
	// Duration is the typical span as people say it, e.g. "1–2 days".
	Duration string
	// Days is the planned length in calendar days, used to lay out planned
	// dates.
	Days         int
	Deliverables []string
	// Checklist holds the exit checklist items.
	Checklist []string
	// Participants are teams (see Teams).
	Participants        []string
	BlocksOnOpenChanges bool
	// Activities are the RACI rows: one per deliverable (same name), then
	// one gate row named "<Phase> sign-off".
	Activities []TemplateActivity
}

// TemplateDoc is a starter markdown document. Phase is a phase name, or ""
// for a project-wide doc.
type TemplateDoc struct {
	Title, Phase, Body string
}

// Template is a built-in project shape drawn from the source material.
type Template struct {
	// Key is the short name: "mrm", "migration", "campaign", "dmp".
	Key     string
	Name    string
	Summary string
	// Span is the expected length of the whole project, e.g. "3–6 months".
	Span   string
	Phases []TemplatePhase
	Docs   []TemplateDoc
	// Checklists holds keys of ChecklistTemplates attached to a new project.
	Checklists []string
}

// Templates returns the built-in templates in the order mrm, migration,
// campaign, dmp. Each call builds fresh values: callers may change them.
func Templates() []Template {
	return []Template{mrmTemplate(), migrationTemplate(), campaignTemplate(), dmpTemplate()}
}

// TemplateByKey finds a template by key or by name, ignoring case and
// surrounding spaces.
func TemplateByKey(key string) (Template, bool) {
	k := strings.TrimSpace(key)
	if k == "" {
		return Template{}, false
	}
	for _, t := range Templates() {
		if strings.EqualFold(t.Key, k) || strings.EqualFold(t.Name, k) {
			return t, true
		}
	}
	return Template{}, false
}

// postProductionPhase is the name of the phase that follows go-live in the
// MRM template; it does not count towards the go-live date.
const postProductionPhase = "Post-production"

// NewProject builds a project from a template, starting on start's calendar
// date (UTC midnight). Phases are laid out back to back from the start: each
// lasts its Days, the next begins the day after. Go-live is the end of the
// last phase before Post-production. One placeholder person stands for each
// template role (IDs 1..6, named after the role) so that every RACI row is
// valid at once. Every record gets an explicit ID, counting from 1 per kind.
func NewProject(t Template, name string, start time.Time) ProjectData {
	start = tplDate(start)
	d := ProjectData{
		Project: Project{
			Name:        name,
			Template:    t.Key,
			Start:       start,
			Description: t.Summary,
		},
	}

	personOf := make(map[string]uint64, len(TemplateRoles))
	for i, role := range TemplateRoles {
		id := uint64(i + 1)
		d.People = append(d.People, Person{ID: id, Name: role, Team: RoleTeam(role)})
		personOf[role] = id
	}
	d.Project.SponsorID = personOf[RoleSponsor]
	d.Project.LeadID = personOf[RoleLead]

	day := start
	var goLive time.Time
	phaseOf := make(map[string]uint64, len(t.Phases))
	for i, tp := range t.Phases {
		days := max(tp.Days, 1)
		ph := Phase{
			ID:                  uint64(i + 1),
			Order:               i,
			Name:                tp.Name,
			Goal:                tp.Goal,
			Duration:            tp.Duration,
			PlannedStart:        day,
			PlannedEnd:          day.AddDate(0, 0, days-1),
			Status:              PhaseNotStarted,
			Participants:        slices.Clone(tp.Participants),
			BlocksOnOpenChanges: tp.BlocksOnOpenChanges,
		}
		for _, name := range tp.Deliverables {
			ph.Deliverables = append(ph.Deliverables, Deliverable{Name: name})
		}
		for _, text := range tp.Checklist {
			ph.Checklist = append(ph.Checklist, CheckItem{Text: text})
		}
		if !strings.EqualFold(tp.Name, postProductionPhase) {
			goLive = ph.PlannedEnd
		}
		day = ph.PlannedEnd.AddDate(0, 0, 1)
		phaseOf[strings.ToLower(tp.Name)] = ph.ID
		d.Phases = append(d.Phases, ph)
	}
	switch {
	case !goLive.IsZero():
	case len(d.Phases) > 0:
		goLive = d.Phases[len(d.Phases)-1].PlannedEnd
	default:
		goLive = start
	}
	d.Project.GoLive = goLive

	var actID uint64
	for i, tp := range t.Phases {
		for _, ta := range tp.Activities {
			actID++
			d.Activities = append(d.Activities, Activity{
				ID:      actID,
				Name:    ta.Name,
				PhaseID: uint64(i + 1),
				Order:   int(actID - 1),
				Gate:    ta.Gate,
			})
			// Walk the roles in column order so cells come out the same
			// every time.
			for _, role := range TemplateRoles {
				if r := ta.Roles[role]; r != RoleNone {
					d.Cells = append(d.Cells, Assignment{ActivityID: actID, PersonID: personOf[role], Role: r})
				}
			}
		}
	}

	for i, td := range t.Docs {
		doc := Doc{
			ID:      uint64(i + 1),
			Title:   td.Title,
			PhaseID: phaseOf[strings.ToLower(strings.TrimSpace(td.Phase))],
			Body:    td.Body,
			Rev:     1,
			Updated: start,
		}
		// A deliverable of the doc's phase that bears the doc's title links
		// to it.
		if doc.PhaseID != 0 {
			ph := &d.Phases[doc.PhaseID-1]
			for j := range ph.Deliverables {
				if strings.EqualFold(ph.Deliverables[j].Name, doc.Title) && ph.Deliverables[j].DocID == 0 {
					ph.Deliverables[j].DocID = doc.ID
				}
			}
		}
		d.Docs = append(d.Docs, doc)
	}

	for _, key := range t.Checklists {
		ct, ok := checklistTemplateByKey(key)
		if !ok {
			continue
		}
		d.Checklists = append(d.Checklists, Checklist{
			ID:    uint64(len(d.Checklists) + 1),
			Name:  ct.Name,
			Items: slices.Clone(ct.Items),
		})
	}
	return d
}

// tplDate is t's calendar date at UTC midnight.
func tplDate(t time.Time) time.Time {
	y, m, day := t.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

// tplDeliverable is a deliverable with its default RACI row (see tplRACI).
type tplDeliverable struct {
	name string
	raci string
}

// tplPhase completes p with its deliverables and RACI rows: one row per
// deliverable, in order, then the gate row "<Phase> sign-off".
func tplPhase(p TemplatePhase, gateRACI string, ds ...tplDeliverable) TemplatePhase {
	for _, d := range ds {
		p.Deliverables = append(p.Deliverables, d.name)
		p.Activities = append(p.Activities, TemplateActivity{Name: d.name, Roles: tplRACI(d.raci)})
	}
	p.Activities = append(p.Activities, TemplateActivity{Name: p.Name + " sign-off", Gate: true, Roles: tplRACI(gateRACI)})
	return p
}

// tplRACI reads a RACI row written as one letter per template role, in the
// column order of TemplateRoles: Sponsor, Project lead, Marketing, Creative,
// Campaign, IT. "-" leaves a cell empty; "ARC--I" reads Sponsor A, lead R,
// Marketing C, IT I.
func tplRACI(letters string) map[string]Role {
	m := make(map[string]Role, len(TemplateRoles))
	for i, c := range []byte(letters) {
		if i >= len(TemplateRoles) {
			break
		}
		if r, err := ParseRole(string(c)); err == nil && r != RoleNone {
			m[TemplateRoles[i]] = r
		}
	}
	return m
}
