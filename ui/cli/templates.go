package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"mopdeck/model"
)

func init() {
	register(Command{
		Name:    "templates",
		Summary: "list the built-in project templates",
		Usage:   "Usage: mopdeck templates\n\nLists the templates `mopdeck new --template KEY` accepts, with their phases,\nthen the built-in checklists the templates attach.\n",
		Run:     runTemplates,
	})
	register(Command{
		Name:    "new",
		Summary: "create a project from a template",
		Usage: `Usage: mopdeck new --template KEY [--start YYYY-MM-DD] "Project name"

Creates a project with the template's phases (planned dates laid out from
the start date), deliverables, checklists, RACI activities and starter docs.

Example:
  mopdeck new --template migration --start 2027-01-04 "CRM migration"
`,
		Run: runNew,
	})
}

func runTemplates(e *Env) error {
	width := terminalWidth(e.Stdout)
	for _, t := range model.Templates() {
		names := make([]string, len(t.Phases))
		for i, p := range t.Phases {
			names[i] = p.Name
		}
		fmt.Fprintf(e.Stdout, "%-10s %s (%s)\n%s\n", t.Key, t.Name, t.Span, indented(strings.Join(names, " → "), 11, width))
	}
	fmt.Fprintln(e.Stdout, "\nChecklists:")
	for _, c := range model.ChecklistTemplates() {
		var sections []string
		for _, it := range c.Items {
			if len(sections) == 0 || sections[len(sections)-1] != it.Section {
				sections = append(sections, it.Section)
			}
		}
		fmt.Fprintf(e.Stdout, "%-15s %s (%d items)\n%s\n", c.Key, c.Name, len(c.Items), indented(strings.Join(sections, ", "), 16, width))
	}
	return nil
}

func runNew(e *Env) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	tpl := fs.String("template", "", "template key")
	start := fs.String("start", "", "start date YYYY-MM-DD (default today)")
	args, err := parseInterspersed(fs, e.Args)
	if err != nil {
		return Userf("%v (see mopdeck new --help)", err)
	}
	key := *tpl
	if key == "" {
		key = "KEY"
	}
	// The words of an unquoted name arrive apart: say how to quote them
	// rather than guess where the name ends.
	if len(args) > 1 {
		return Userf("give one project name, quoted if it has spaces: mopdeck new --template %s %q", key, strings.Join(args, " "))
	}
	name := ""
	if len(args) == 1 {
		name = strings.TrimSpace(args[0])
	}
	if name == "" {
		return Userf("give the project a name: mopdeck new --template KEY \"Project name\"")
	}
	t, ok := model.TemplateByKey(*tpl)
	if !ok {
		keys := make([]string, 0, 4)
		for _, t := range model.Templates() {
			keys = append(keys, t.Key)
		}
		if *tpl == "" {
			return Userf("which template? add --template KEY, one of %s (mopdeck templates lists them)", strings.Join(keys, ", "))
		}
		return Userf("unknown template %q: use one of %s (mopdeck templates lists them)", *tpl, strings.Join(keys, ", "))
	}
	day := time.Now().UTC().Truncate(24 * time.Hour)
	if *start != "" {
		d, err := model.ParseDate(*start)
		if err != nil {
			return Userf("start date: %v", err)
		}
		day = d
	}
	s, err := e.OpenStore(false)
	if err != nil {
		return err
	}
	defer e.CloseStore(s)
	projects, err := s.Projects()
	if err != nil {
		return err
	}
	if err := model.CheckProjectName(projects, name, 0); err != nil {
		return UserError{err}
	}
	d, err := s.CreateProject(model.NewProject(t, model.SanitizeLine(name), day), e.actor())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "created %q from %s: %d phases, go-live %s\n", d.Project.Name, t.Name, len(d.Phases), d.Project.GoLive.Format(model.DateLayout))
	return nil
}
