package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"mopdeck/model"
	"mopdeck/store"
)

// crEdit is what the flags of change add and change set ask for, read with
// the parsers the form and the import use. Only the flags given are set.
type crEdit struct {
	given map[string]bool

	title, description, raisedBy, assignee string
	impact                                 int
	complexity                             model.Complexity
	estimate                               float64
	decision                               model.Decision
	status                                 model.CRStatus
	area                                   model.Area
	phase                                  string // resolved against the project's phases
}

// crFlags declares the value flags on fs; withStatus adds --status and
// --title, which only set takes.
type crFlags struct {
	fs                                                   *flag.FlagSet
	title, description, raisedBy, assignee, phase, area  *string
	impact, complexity, estimate, decision, status, proj *string
}

func newCRFlags(name string, withStatus bool) *crFlags {
	fs := newFlags(name)
	f := &crFlags{fs: fs}
	f.impact = fs.String("impact", "", "")
	f.complexity = fs.String("complexity", "", "")
	f.estimate = fs.String("estimate", "", "")
	f.decision = fs.String("decision", "", "")
	f.area = fs.String("area", "", "")
	f.raisedBy = fs.String("raised-by", "", "")
	f.phase = fs.String("phase", "", "")
	f.assignee = fs.String("assignee", "", "")
	f.description = fs.String("description", "", "")
	f.proj = fs.String("project", "", "")
	if withStatus {
		f.status = fs.String("status", "", "")
		f.title = fs.String("title", "", "")
	}
	return f
}

// edit reads the flags given into an edit; a value a field cannot take is
// refused with the flag's name and what to write instead.
func (f *crFlags) edit() (crEdit, error) {
	ed := crEdit{given: map[string]bool{}}
	f.fs.Visit(func(fl *flag.Flag) { ed.given[fl.Name] = true })
	if ed.given["status"] && strings.TrimSpace(*f.status) == "" {
		return ed, Userf("--status needs a status: new, triaged, in progress, ready for retest, verified, rejected or deferred")
	}
	if err := firstError(
		parseGiven(ed.given, "impact", f.impact, model.ParseImpact, &ed.impact),
		parseGiven(ed.given, "complexity", f.complexity, model.ParseComplexity, &ed.complexity),
		parseGiven(ed.given, "estimate", f.estimate, model.ParseEstimate, &ed.estimate),
		parseGiven(ed.given, "decision", f.decision, model.ParseDecision, &ed.decision),
		parseGiven(ed.given, "status", f.status, model.ParseStatus, &ed.status),
	); err != nil {
		return ed, err
	}
	if ed.given["area"] {
		a, other := model.ParseArea(*f.area)
		if other != "" {
			return ed, Userf("--area: %s is not an area: use data fields, workflow, security, reporting, integration or other, or \"\" for none",
				model.QuoteValue(model.ClipValue(other)))
		}
		ed.area = a
	}
	if ed.given["title"] {
		ed.title = strings.TrimSpace(model.SanitizeLine(*f.title))
		if ed.title == "" {
			return ed, Userf("--title is empty: describe the change in a few words")
		}
	}
	ed.description = strings.TrimSpace(model.Sanitize(*f.description))
	ed.raisedBy = strings.TrimSpace(model.SanitizeLine(*f.raisedBy))
	ed.assignee = strings.TrimSpace(model.SanitizeLine(*f.assignee))
	ed.phase = *f.phase
	return ed, nil
}

// parseGiven reads flag name into *into with the field's parser when the
// flag was given; the error names the flag.
func parseGiven[T any](given map[string]bool, name string, raw *string, parse func(string) (T, error), into *T) error {
	if !given[name] {
		return nil
	}
	v, err := parse(*raw)
	if err != nil {
		return Userf("--%s: %v", name, err)
	}
	*into = v
	return nil
}

// firstError returns the first error that is not nil.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// apply is the form's edit (see mergeEdit in ui/changes): the fields given
// replace the stored ones; the decision and the status go through the
// model's rule (model.DecisionStatusEdit), so they never contradict.
func (ed crEdit) apply(c model.ChangeRequest, raisedIn uint64) (model.ChangeRequest, error) {
	if ed.given["title"] {
		c.Title = ed.title
	}
	if ed.given["description"] {
		c.Description = ed.description
	}
	if ed.given["raised-by"] {
		c.RaisedBy = ed.raisedBy
	}
	if ed.given["phase"] {
		c.RaisedIn = raisedIn
	}
	if ed.given["area"] {
		c.Area = ed.area
	}
	if ed.given["impact"] {
		c.Impact = ed.impact
	}
	if ed.given["complexity"] {
		c.Complexity = ed.complexity
	}
	if ed.given["estimate"] {
		c.EstimateHrs = ed.estimate
	}
	if ed.given["assignee"] {
		c.Assignee = ed.assignee
	}
	return model.DecisionStatusEdit{
		Decision: ed.decision, SetDecision: ed.given["decision"],
		Status: ed.status, SetStatus: ed.given["status"],
	}.Apply(c)
}

// raisedIn resolves --phase against the project's phases when it is given.
func (ed crEdit) raisedIn(s *store.Store, pid uint64) (uint64, error) {
	if !ed.given["phase"] {
		return 0, nil
	}
	phases, err := s.Phases(pid)
	if err != nil {
		return 0, err
	}
	return phaseByName(phases, ed.phase)
}

// spellPeople gives the names typed for --raised-by and --assignee the
// project's spelling where they name one of its people, as the form does.
func (ed *crEdit) spellPeople(s *store.Store, pid uint64) error {
	if !ed.given["raised-by"] && !ed.given["assignee"] {
		return nil
	}
	people, err := s.People(pid)
	if err != nil {
		return err
	}
	ed.raisedBy, ed.assignee = model.PersonName(people, ed.raisedBy), model.PersonName(people, ed.assignee)
	return nil
}

func runChangeAdd(e *Env, args []string) error {
	f := newCRFlags("change add", false)
	words, err := parseInterspersed(f.fs, args)
	if err != nil {
		return Userf("%v (see mopdeck change --help)", err)
	}
	ed, err := f.edit()
	if err != nil {
		return err
	}
	title := strings.TrimSpace(model.SanitizeLine(strings.Join(words, " ")))
	if title == "" {
		return Userf("give the request a title: mopdeck change add \"What should change\" [--impact N …]")
	}
	if *f.proj != "" {
		e.Project = *f.proj
	}
	now, err := clock()
	if err != nil {
		return err
	}
	if err := e.existingDB(); err != nil {
		return err
	}
	return e.InProject(false, func(s *store.Store, p model.Project) error {
		raisedIn, err := ed.raisedIn(s, p.ID)
		if err != nil {
			return err
		}
		if err := ed.spellPeople(s, p.ID); err != nil {
			return err
		}
		c, err := ed.apply(model.ChangeRequest{Title: title, CreatedAt: now}, raisedIn)
		if err != nil {
			return Userf("not added: %v", err)
		}
		saved, err := s.SaveChange(p.ID, c, e.actor())
		if err != nil {
			return refusal("not added", err)
		}
		_, err = fmt.Fprintln(e.Stdout, saved.Ref())
		return err
	})
}

func runChangeSet(e *Env, args []string) error {
	f := newCRFlags("change set", true)
	refs, err := parseInterspersed(f.fs, args)
	if err != nil {
		return Userf("%v (see mopdeck change --help)", err)
	}
	if len(refs) != 1 {
		return Userf("give one request and the fields to change: mopdeck change set CR-12 --status triaged (quote values with spaces)")
	}
	id, err := parseRef(refs[0])
	if err != nil {
		return err
	}
	ed, err := f.edit()
	if err != nil {
		return err
	}
	if len(ed.given) == 0 || len(ed.given) == 1 && ed.given["project"] {
		return Userf("nothing to change: give a field such as --status, --decision or --assignee (see mopdeck change --help)")
	}
	if *f.proj != "" {
		e.Project = *f.proj
	}
	if err := e.existingDB(); err != nil {
		return err
	}
	return e.InProject(false, func(s *store.Store, p model.Project) error {
		raisedIn, err := ed.raisedIn(s, p.ID)
		if err != nil {
			return err
		}
		if err := ed.spellPeople(s, p.ID); err != nil {
			return err
		}
		var before model.ChangeRequest
		saved, err := s.UpdateChange(p.ID, id, e.actor(), func(cur model.ChangeRequest) (model.ChangeRequest, error) {
			before = cur
			return ed.apply(cur, raisedIn)
		})
		if err != nil {
			return refusal(fmt.Sprintf("CR-%d not saved", id), notFound(err, id, p.Name))
		}
		if saved == before {
			_, err = fmt.Fprintf(e.Stdout, "%s unchanged\n", saved.Ref())
			return err
		}
		_, err = fmt.Fprintf(e.Stdout, "%s saved: %s, %s\n", saved.Ref(), saved.Status, saved.Decision)
		return err
	})
}

// refusal marks an edit the store refused for its content (a workflow
// move, a value) as the user's to fix, with what was not done.
func refusal(what string, err error) error {
	if errors.Is(err, store.ErrInvalid) {
		return Userf("%s: %v", what, err)
	}
	return err
}
