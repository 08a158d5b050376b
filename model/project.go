package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Project is one implementation effort: an MRM roll-out, a migration, a DMP.
type Project struct {
	ID          uint64    `json:"id"`
	Name        string    `json:"name"`
	Template    string    `json:"template"`
	SponsorID   uint64    `json:"sponsor_id,omitempty"`
	LeadID      uint64    `json:"lead_id,omitempty"`
	Start       time.Time `json:"start"`
	GoLive      time.Time `json:"go_live"`
	Description string    `json:"description,omitempty"`
	Archived    bool      `json:"archived,omitempty"`
	// MeID is the person this database's user chose to be ("me").
	MeID uint64 `json:"me_id,omitempty"`
}

// Validate reports the first problem that would make the project unusable.
func (p Project) Validate() error {
	if strings.TrimSpace(p.Name) == "" {
		return errors.New("project name is empty: give the project a name")
	}
	if err := CheckNameLength("project", p.Name); err != nil {
		return err
	}
	if !p.Start.IsZero() && !p.GoLive.IsZero() && p.GoLive.Before(p.Start) {
		return errors.New("go-live is before the start date: move one of them")
	}
	return nil
}

// ProjectData is a whole project in memory: what the UI shows and what a
// bundle carries. Slices are in creation order as stored.
type ProjectData struct {
	Project    Project         `json:"project"`
	Phases     []Phase         `json:"phases"`
	Changes    []ChangeRequest `json:"changes"`
	People     []Person        `json:"people"`
	Activities []Activity      `json:"activities"`
	Cells      []Assignment    `json:"cells"`
	Docs       []Doc           `json:"docs"`
	Checklists []Checklist     `json:"checklists"`
	History    []HistoryEntry  `json:"history"`
	// Version is the project's version when this copy was read: the
	// number of history entries ever recorded. Events carry the versions
	// they lead from and to.
	Version uint64 `json:"-"`
}

// Person returns the person with the given ID, if any.
func (d *ProjectData) Person(id uint64) (Person, bool) {
	for _, p := range d.People {
		if p.ID == id {
			return p, true
		}
	}
	return Person{}, false
}

// Phase returns the phase with the given ID, if any.
func (d *ProjectData) Phase(id uint64) (Phase, bool) {
	for _, p := range d.Phases {
		if p.ID == id {
			return p, true
		}
	}
	return Phase{}, false
}

// PersonName returns a person's name, or "" when the ID is unknown.
func (d *ProjectData) PersonName(id uint64) string {
	p, _ := d.Person(id)
	return p.Name
}

// PhaseName returns a phase's name, or "" when the ID is unknown.
func (d *ProjectData) PhaseName(id uint64) string {
	p, _ := d.Phase(id)
	return p.Name
}

// CheckProjectName refuses a project name that is empty or that another
// project already bears (ignoring case and surrounding spaces). exceptID is
// the project being renamed, 0 for a new one.
func CheckProjectName(projects []Project, name string, exceptID uint64) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("project name is empty: give the project a name")
	}
	if err := CheckNameLength("project", name); err != nil {
		return err
	}
	for _, p := range projects {
		if p.ID != exceptID && strings.EqualFold(strings.TrimSpace(p.Name), name) {
			return fmt.Errorf("a project named %q already exists: pick another name", SanitizeLine(p.Name))
		}
	}
	return nil
}

// MaxNameLength is the longest name of a project, a phase or a person, in
// characters: names are labels on one line, and a megabyte-long one only
// pushes everything else off the screen.
const MaxNameLength = 200

// CheckNameLength refuses a name longer than MaxNameLength.
func CheckNameLength(what, name string) error {
	if n := utf8.RuneCountInString(name); n > MaxNameLength {
		return fmt.Errorf("%s name is %d characters long: keep it to %d", what, n, MaxNameLength)
	}
	return nil
}
