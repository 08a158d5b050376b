package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/store/changesio"
)

func runChangeShow(e *Env, args []string) error {
	fs := newFlags("change show")
	asJSON := fs.Bool("json", false, "")
	project := fs.String("project", "", "")
	refs, err := parseInterspersed(fs, args)
	if err != nil {
		return Userf("%v (see mopdeck change --help)", err)
	}
	if len(refs) != 1 {
		return Userf("give one request: mopdeck change show CR-12 [--json]")
	}
	id, err := parseRef(refs[0])
	if err != nil {
		return err
	}
	if *project != "" {
		e.Project = *project
	}
	return e.InProject(true, func(s *store.Store, p model.Project) error {
		c, err := s.Change(p.ID, id)
		if err != nil {
			return notFound(err, id, p.Name)
		}
		phases, err := s.Phases(p.ID)
		if err != nil {
			return err
		}
		w, flush := e.stdout()
		x := changesio.Export{Project: p.Name, Phases: phases}
		if *asJSON {
			err = changesio.WriteJSONObject(w, c, x)
		} else {
			err = writeShow(w, c, phases)
		}
		if err != nil {
			return err
		}
		return flush()
	})
}

// writeShow prints one request for people: a line per field, then the
// description.
func writeShow(w io.Writer, c model.ChangeRequest, phases []model.Phase) error {
	var b strings.Builder
	field := func(name, v string) {
		if v == "" {
			v = "—"
		}
		fmt.Fprintf(&b, "%-12s %s\n", name+":", model.SanitizeLine(v))
	}
	fmt.Fprintf(&b, "%s  %s\n", c.Ref(), model.SanitizeLine(c.Title))
	field("status", c.Status.String())
	field("decision", c.Decision.String())
	field("quadrant", model.QuadrantOf(c).String())
	imp, est := "", ""
	if c.Impact != 0 {
		imp = strconv.Itoa(c.Impact)
	}
	if c.EstimateHrs > 0 {
		est = strconv.FormatFloat(c.EstimateHrs, 'f', -1, 64) + " h"
	}
	field("impact", imp)
	field("complexity", c.Complexity.String())
	field("estimate", est)
	field("area", c.AreaLabel())
	field("raised by", c.RaisedBy)
	phase := ""
	for _, ph := range phases {
		if ph.ID == c.RaisedIn && c.RaisedIn != 0 {
			phase = ph.Name
		}
	}
	field("raised in", phase)
	field("assignee", c.Assignee)
	created := ""
	if !c.CreatedAt.IsZero() {
		created = c.CreatedAt.Local().Format("2006-01-02 15:04")
	}
	field("created", created)
	if d := strings.TrimSpace(model.Sanitize(c.Description)); d != "" {
		b.WriteString("\n")
		for _, l := range strings.Split(d, "\n") {
			b.WriteString("  " + l + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
