package raciio

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"

	"mopdeck/model"
)

// Export headers: the activity and phase columns, in English; the people
// follow, one column each.
const (
	HeaderActivity = "Activity"
	HeaderPhase    = "Phase"
)

// WriteOptions shape an export.
type WriteOptions struct {
	// Delimiter separates CSV cells: ',' (the default) or ';', which
	// Excel in French or German opens as columns. A ';' file starts with
	// a byte order mark, without which that Excel misreads accents.
	Delimiter rune
}

// Write writes the project's matrix in a format: the grid shape, a row
// per activity in matrix order and a column per person, which import
// reads back unchanged (JSON is for scripts and is not read back).
func Write(w io.Writer, format Format, d model.ProjectData, opt WriteOptions) error {
	g := gridOf(d)
	switch format {
	case XLSX:
		return writeXLSX(w, g)
	case JSON:
		return writeJSON(w, d, g)
	case CSV, "":
		return writeCSV(w, g, opt.Delimiter)
	}
	return fmt.Errorf("unknown format %q: use csv, xlsx or json", format)
}

// grid is the matrix laid out for a file.
type grid struct {
	header []string
	people []model.Person
	rows   []gridRow
}

type gridRow struct {
	act             model.Activity
	activity, phase string
	roles           []model.Role
}

func gridOf(d model.ProjectData) grid {
	g := grid{people: d.People, header: []string{HeaderActivity, HeaderPhase}}
	col := make(map[uint64]int, len(d.People))
	for i, p := range d.People {
		col[p.ID] = i
		g.header = append(g.header, personLabel(d.People, p))
	}
	byAct := make(map[uint64][]model.Role, len(d.Activities))
	for _, c := range d.Cells {
		i, ok := col[c.PersonID]
		if !ok || c.Role == model.RoleNone {
			continue
		}
		roles := byAct[c.ActivityID]
		if roles == nil {
			roles = make([]model.Role, len(d.People))
			byAct[c.ActivityID] = roles
		}
		roles[i] = c.Role
	}
	for _, a := range model.ActivitiesInOrder(d) {
		roles := byAct[a.ID]
		if roles == nil {
			roles = make([]model.Role, len(d.People))
		}
		g.rows = append(g.rows, gridRow{act: a, activity: a.Name, phase: d.PhaseName(a.PhaseID), roles: roles})
	}
	return g
}

// personLabel heads a person's column with their name, or their handle
// when another person's name reads the same: import matches either, and
// must find one person.
func personLabel(people []model.Person, p model.Person) string {
	if p.Handle == "" {
		return p.Name
	}
	k := model.FoldName(p.Name)
	for _, o := range people {
		if o.ID != p.ID && model.FoldName(o.Name) == k {
			return p.Handle
		}
	}
	return p.Name
}

func writeCSV(w io.Writer, g grid, sep rune) error {
	if sep == 0 {
		sep = ','
	}
	if sep != ',' && sep != ';' {
		return fmt.Errorf("CSV cells are separated by , or ;, not %q", sep)
	}
	if sep == ';' {
		if _, err := w.Write(bomUTF8); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma = sep
	rec := make([]string, len(g.header))
	for i, h := range g.header {
		rec[i] = escapeFormula(h)
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, r := range g.rows {
		rec[0], rec[1] = escapeFormula(r.activity), escapeFormula(r.phase)
		for i, role := range r.roles {
			rec[2+i] = role.String()
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// The JSON shape scripts read.
type jsonMatrix struct {
	Project    string         `json:"project"`
	People     []jsonPerson   `json:"people"`
	Activities []jsonActivity `json:"activities"`
}

type jsonPerson struct {
	Name   string `json:"name"`
	Team   string `json:"team,omitempty"`
	Handle string `json:"handle,omitempty"`
}

type jsonActivity struct {
	Name  string     `json:"name"`
	Phase string     `json:"phase,omitempty"`
	Gate  bool       `json:"gate,omitempty"`
	Cells []jsonCell `json:"cells"`
}

type jsonCell struct {
	Person  string   `json:"person"`
	Letters string   `json:"letters"`
	Roles   []string `json:"roles"`
}

func writeJSON(w io.Writer, d model.ProjectData, g grid) error {
	out := jsonMatrix{Project: d.Project.Name, People: []jsonPerson{}, Activities: []jsonActivity{}}
	for _, p := range g.people {
		out.People = append(out.People, jsonPerson{Name: p.Name, Team: p.Team, Handle: p.Handle})
	}
	for _, r := range g.rows {
		a := jsonActivity{Name: r.activity, Phase: r.phase, Gate: r.act.Gate, Cells: []jsonCell{}}
		for i, role := range r.roles {
			if role == model.RoleNone {
				continue
			}
			c := jsonCell{Person: g.header[2+i], Letters: role.String()}
			for _, l := range role.Letters() {
				c.Roles = append(c.Roles, l.String())
			}
			a.Cells = append(a.Cells, c)
		}
		out.Activities = append(out.Activities, a)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
