package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"mopdeck/model"
)

func init() {
	register(Command{
		Name:    "raci",
		Summary: "print one person's RACI role: every activity where they are R, A, C or I",
		Usage: `Usage: mopdeck raci --person NAME [--project NAME] [--json]

Prints every activity where the person holds a letter, grouped by phase and
letter, with what each letter asks of them. A cell holding two letters
(A/R) lists its activity under each, marked "(A/R)", and counts once for
each letter. NAME is matched against names and handles without regard to
case or accents ("lea petit" finds "Léa Petit"); an unknown name fails
(exit 1) and lists the close matches.

Flags:
  --person NAME    the person (name or handle); may also be given bare
  --project NAME   the project (default: the first open one)
  --json           print JSON for scripts instead of text

Examples:
  mopdeck raci --person "Léa Petit"
  mopdeck raci --project "CRM migration" --person nicolas.laurent@acme.example
  mopdeck raci --person "Hugo Bernard" --json | jq '.phases[].roles[] | select(.letter == "A")'
`,
		Run: runRACI,
	})
}

func runRACI(e *Env) error {
	fs := flag.NewFlagSet("raci", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	person := fs.String("person", "", "name or handle")
	project := fs.String("project", "", "project name")
	asJSON := fs.Bool("json", false, "JSON output")
	args, err := parseInterspersed(fs, e.Args)
	if err != nil {
		return Userf("%v (see mopdeck raci --help)", err)
	}
	name := strings.TrimSpace(*person)
	if name == "" {
		name = strings.TrimSpace(strings.Join(args, " "))
	} else if len(args) > 0 {
		return Userf("unexpected %q besides --person: quote a name with spaces", strings.Join(args, " "))
	}
	if name == "" {
		return Userf("whose role? mopdeck raci --person NAME (see mopdeck raci --help)")
	}
	if *project != "" {
		e.Project = *project
	}
	d, err := e.LoadPicked(false)
	if err != nil {
		return err
	}
	who, err := findPerson(d, name)
	if err != nil {
		return err
	}
	groups := model.PersonRoles(d, who.ID)
	if *asJSON {
		return writeRoleJSON(e.Stdout, d, who, groups)
	}
	_, err = io.WriteString(e.Stdout, roleText(d, who, groups))
	return err
}

// findPerson resolves a name or handle to exactly one person, or says
// who was meant.
func findPerson(d model.ProjectData, name string) (model.Person, error) {
	project := model.SanitizeLine(d.Project.Name)
	if len(d.People) == 0 {
		return model.Person{}, Userf("project %q has no people yet: add them in the RACI pane (+)", project)
	}
	found := model.FindPeople(d.People, name)
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		if close := model.ClosePeople(d.People, name, 5); len(close) > 0 {
			return model.Person{}, Userf("no person named %q in %q; close matches: %s", model.SanitizeLine(name), project, quoteNames(close, len(close)))
		}
		return model.Person{}, Userf("no person named %q in %q, nor anyone close; its people: %s", model.SanitizeLine(name), project, quoteNames(d.People, 8))
	}
	handles := make([]string, 0, len(found))
	for _, p := range found {
		if p.Handle != "" {
			handles = append(handles, model.SanitizeLine(p.Handle))
		}
	}
	hint := "rename one of them in the RACI pane (E)"
	if len(handles) > 0 {
		hint = "give a handle instead: " + strings.Join(handles, ", ")
	}
	return model.Person{}, Userf("%d people in %q are named %q: %s", len(found), project, model.SanitizeLine(name), hint)
}

// quoteNames lists up to n names, quoted, then how many more.
func quoteNames(people []model.Person, n int) string {
	out := make([]string, 0, n+1)
	for i, p := range people {
		if i == n {
			out = append(out, fmt.Sprintf("and %d more", len(people)-n))
			break
		}
		out = append(out, fmt.Sprintf("%q", model.SanitizeLine(p.Name)))
	}
	return strings.Join(out, ", ")
}

// roleText is the person's role for people: a head line with the counts,
// then phase by phase each letter, its meaning, and its activities.
func roleText(d model.ProjectData, who model.Person, groups []model.PhaseRoles) string {
	var b strings.Builder
	head := model.SanitizeLine(who.Name)
	for _, extra := range []string{who.Team, who.Handle} {
		if extra != "" {
			head += " · " + model.SanitizeLine(extra)
		}
	}
	fmt.Fprintf(&b, "%s\n%s: ", head, model.SanitizeLine(d.Project.Name))
	if len(groups) == 0 {
		b.WriteString("no RACI letter yet\n")
		return b.String()
	}
	n := model.RoleCounts(groups)
	counts := make([]string, len(model.Roles))
	for i, r := range model.Roles {
		counts[i] = fmt.Sprintf("%s %d", r, n[r])
	}
	b.WriteString(strings.Join(counts, " · "))
	if model.Overloaded(n[model.Accountable]) {
		fmt.Fprintf(&b, " (accountable for %d activities: more than anyone can answer for)", n[model.Accountable])
	}
	b.WriteString("\n")
	for _, g := range groups {
		fmt.Fprintf(&b, "\n%s\n", model.SanitizeLine(g.Phase))
		for _, l := range g.Letters {
			fmt.Fprintf(&b, "  %s  %s\n", l.Role, l.Role.Meaning())
			for i, a := range l.Activities {
				fmt.Fprintf(&b, "       %s%s\n", model.SanitizeLine(a.Name), alsoHeld(l.Cells[i]))
			}
		}
	}
	return b.String()
}

// roleJSON is the stable shape scripts read.
type roleJSON struct {
	Project string         `json:"project"`
	Person  personJSON     `json:"person"`
	Counts  map[string]int `json:"counts"`
	Phases  []phaseJSON    `json:"phases"`
}

type personJSON struct {
	ID     uint64 `json:"id"`
	Name   string `json:"name"`
	Team   string `json:"team"`
	Handle string `json:"handle"`
}

type phaseJSON struct {
	Phase string       `json:"phase"`
	Roles []letterJSON `json:"roles"`
}

type letterJSON struct {
	Letter     string   `json:"letter"`
	Meaning    string   `json:"meaning"`
	Activities []string `json:"activities"`
	// Combined gives, for the activities where the person holds more
	// than this letter, the whole cell: "Launch": "A/R".
	Combined map[string]string `json:"combined,omitempty"`
}

// alsoHeld marks an activity whose cell holds more than the letter it is
// listed under: "  (A/R)".
func alsoHeld(cell model.Role) string {
	if len(cell.Letters()) < 2 {
		return ""
	}
	return "  (" + cell.String() + ")"
}

func writeRoleJSON(w io.Writer, d model.ProjectData, who model.Person, groups []model.PhaseRoles) error {
	out := roleJSON{
		Project: d.Project.Name,
		Person:  personJSON{ID: who.ID, Name: who.Name, Team: who.Team, Handle: who.Handle},
		Counts:  map[string]int{},
		Phases:  []phaseJSON{},
	}
	n := model.RoleCounts(groups)
	for _, r := range model.Roles {
		out.Counts[r.String()] = n[r]
	}
	for _, g := range groups {
		ph := phaseJSON{Phase: g.Phase}
		for _, l := range g.Letters {
			lj := letterJSON{Letter: l.Role.String(), Meaning: l.Role.Meaning()}
			for i, a := range l.Activities {
				lj.Activities = append(lj.Activities, a.Name)
				if len(l.Cells[i].Letters()) > 1 {
					if lj.Combined == nil {
						lj.Combined = map[string]string{}
					}
					lj.Combined[a.Name] = l.Cells[i].String()
				}
			}
			ph.Roles = append(ph.Roles, lj)
		}
		out.Phases = append(out.Phases, ph)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
