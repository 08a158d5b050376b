package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/store/raciio"
)

// raciImportHelp and raciExportHelp are the RACI parts of the import and
// export commands' help.
const raciImportHelp = `import raci reads a RACI matrix from a .csv or .xlsx file into a project,
in the shapes teams keep them:
  a column per person: first column the activities (Activity, Activité,
    Aktivität, Atividade, Actividad, Tarea, Task…), one column per person
    or role, letters in the cells;
  a column per letter: a row per activity, columns R, A, C, I (or spelled
    out: Responsible, Responsable, Approbateur, Consultado…), people named
    in the cells ("Designer, Community"), All/Tous/Todos/Alle for everyone
    the row does not name.
CSV may be comma or semicolon separated, with or without a byte order
mark, UTF-8 or Windows-1252. A cell holds one letter or two: A/R, R/A,
AR, "A, R" and A+R are all Accountable and Responsible; empty or - is
none. People are matched to the project's by name or handle, whatever the
case and accents, and created with the header's text when missing;
activities by name (within the row's phase when a Phase column names it)
and created when missing, tied to that phase. A row naming a phase and
filling no cell heads the rows under it. The cells the file fills are set
to its letters; the others are left as they are, or cleared with
--replace. All or nothing: any problem refuses the whole file, each one
named by row and column. The rules (one A, at least one R) are checked
after the import and their breaches listed, not refused. One undo (u in
the RACI pane) takes the whole import back.
  --project NAME   the project to import into
  --dry-run        check the file and print what would change; write nothing
  --replace        clear the cells of the project the file does not fill
`

const raciExportHelp = `export raci writes the project's RACI matrix as a column per person: a row
per activity in matrix order, columns Activity, Phase, then one per person,
combined cells as A/R. import raci reads it back unchanged. --sep ';'
writes semicolons and a byte order mark, for Excel in French or German.
XLSX colours each letter as the app does and freezes the header row and
the activity columns; JSON is for scripts.
`

// maxShownProblems is how many problems of a refused file are printed,
// maxShownWarnings how many rows breaking the rules after an import.
const (
	maxShownProblems = 50
	maxShownWarnings = 30
)

func runImportRACI(e *Env, args []string) error {
	flags := newFlags("import raci")
	project := flags.String("project", "", "")
	dry := flags.Bool("dry-run", false, "")
	replace := flags.Bool("replace", false, "")
	files, err := parseInterspersed(flags, args)
	if err != nil {
		return Userf("%v (see mopdeck import --help)", err)
	}
	if len(files) != 1 {
		return Userf("give one file: mopdeck import raci FILE.csv|FILE.xlsx [--project NAME] [--dry-run] [--replace]")
	}
	if *project != "" {
		e.Project = *project
	}
	if path, err := e.dbPath(); err == nil {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return Userf("%s does not exist: create a project first (mopdeck new), or pass --db with an existing database", path)
		}
	}
	res, err := raciio.ReadFile(files[0])
	if err != nil {
		return UserError{err}
	}
	file := model.SanitizeLine(res.Sheet.File)
	for _, n := range res.Notes {
		fmt.Fprintf(e.Stderr, "%s: %s\n", file, model.SanitizeLine(n))
	}
	if len(res.Problems) > 0 {
		return refuseSheet(e.Stderr, file, res.Problems)
	}
	fmt.Fprintf(e.Stderr, "%s: %s\n", file, res.ReadAs())
	return e.InProject(*dry, func(s *store.Store, p model.Project) error {
		if *dry {
			d, err := s.LoadProject(p.ID)
			if err != nil {
				return err
			}
			plan, problems := model.PlanRACIImport(d, res.Sheet, *replace)
			if len(problems) > 0 {
				return refuseSheet(e.Stderr, file, problems)
			}
			printRACIPlan(e.Stdout, d, plan, plan.Count(d), "would ")
			printRACIWarnings(e.Stdout, plan.Preview(d))
			fmt.Fprintln(e.Stdout, "dry run: nothing was written")
			return nil
		}
		before, err := s.LoadProject(p.ID)
		if err != nil {
			return err
		}
		imp, err := s.ImportRACI(p.ID, res.Sheet, *replace, e.actor())
		var se *store.SheetError
		switch {
		case errors.As(err, &se):
			return refuseSheet(e.Stderr, file, se.Problems)
		case errors.Is(err, store.ErrInvalid):
			return UserError{fmt.Errorf("%s was not imported: %w", file, err)}
		case err != nil:
			return err
		}
		n := model.RACICounts{Created: imp.Created, Changed: imp.Changed, Unchanged: imp.Unchanged, Cleared: imp.Cleared}
		printRACIPlan(e.Stdout, before, imp.Plan, n, "")
		after, err := s.LoadProject(p.ID)
		if err != nil {
			return err
		}
		printRACIWarnings(e.Stdout, after)
		if imp.Written() {
			fmt.Fprintf(e.Stdout, "imported %s into %q (u in the RACI pane takes it back in one step)\n", file, model.SanitizeLine(p.Name))
		} else {
			fmt.Fprintf(e.Stdout, "%s holds the matrix of %q as it is: nothing to change\n", file, model.SanitizeLine(p.Name))
		}
		return nil
	})
}

// refuseSheet lists a refused file's problems and says nothing was done.
func refuseSheet(w io.Writer, file string, problems []model.SheetProblem) error {
	grouped := model.GroupSheetProblems(problems)
	for i, pr := range grouped {
		if i == maxShownProblems {
			fmt.Fprintf(w, "… and %d more\n", len(grouped)-maxShownProblems)
			break
		}
		fmt.Fprintln(w, model.SanitizeLine(pr.String()))
	}
	return Userf("%s was refused (%s listed above): nothing was imported; fix the file and import it again",
		file, howMany(len(problems), "problem"))
}

// printRACIPlan says what an import creates and sets; verb is "would "
// for a dry run.
func printRACIPlan(w io.Writer, d model.ProjectData, plan model.RACIPlan, n model.RACICounts, verb string) {
	if len(plan.NewPeople) > 0 {
		names := make([]string, len(plan.NewPeople))
		for i, p := range plan.NewPeople {
			names[i] = fmt.Sprintf("%q", model.SanitizeLine(p.Name))
		}
		fmt.Fprintf(w, "%screate %s: %s\n", verb, howMany(len(plan.NewPeople), "person"), strings.Join(names, ", "))
	}
	if len(plan.NewActivities) > 0 {
		fmt.Fprintf(w, "%screate %s:\n", verb, howMany(len(plan.NewActivities), "activity"))
		for _, a := range plan.NewActivities {
			where := "no phase"
			if name := d.PhaseName(a.PhaseID); name != "" {
				where = "under " + name
			}
			fmt.Fprintf(w, "  %q (%s)\n", model.SanitizeLine(a.Name), model.SanitizeLine(where))
		}
	}
	fmt.Fprintf(w, "%sset %s (%d new, %d changed), %d already so",
		verb, howMany(n.Created+n.Changed, "cell"), n.Created, n.Changed, n.Unchanged)
	if plan.Replace {
		fmt.Fprintf(w, "; %sclear %s the file leaves empty", verb, howMany(n.Cleared, "cell"))
	}
	fmt.Fprintf(w, "; matched %s and %s of the project\n", howMany(plan.MatchedPeople, "person"), howMany(plan.MatchedActivities, "activity"))
	for _, note := range plan.Notes {
		fmt.Fprintf(w, "note: %s\n", model.SanitizeLine(note))
	}
}

// printRACIWarnings lists what breaks the rules once the file is in: a
// list to act on, not a refusal.
func printRACIWarnings(w io.Writer, d model.ProjectData) {
	rows, over := model.ReviewRACI(d)
	if len(rows)+len(over) == 0 {
		fmt.Fprintln(w, "rules: every row has one A and at least one R")
		return
	}
	fmt.Fprintf(w, "rules: %s to look at (not refused):\n", howMany(len(rows)+len(over), "warning"))
	for i, r := range rows {
		if i == maxShownWarnings {
			fmt.Fprintf(w, "  … and %d more rows: see the RACI pane or mopdeck report\n", len(rows)-maxShownWarnings)
			break
		}
		where := ""
		if n := d.PhaseName(r.Activity.PhaseID); n != "" {
			where = " (" + model.SanitizeLine(n) + ")"
		}
		fmt.Fprintf(w, "  %q%s: %s\n", model.SanitizeLine(r.Activity.Name), where, r.Text())
	}
	for _, o := range over {
		fmt.Fprintf(w, "  %s holds %d A's: more than anyone can answer for\n", model.SanitizeLine(d.PersonName(o.PersonID)), o.Accountables)
	}
}

func runExportRACI(e *Env, args []string) error {
	flags := newFlags("export raci")
	formatFlag := flags.String("format", "", "")
	out := flags.String("o", "", "")
	flags.StringVar(out, "output", "", "")
	project := flags.String("project", "", "")
	sep := flags.String("sep", "", "")
	rest, err := parseInterspersed(flags, args)
	if err != nil {
		return Userf("%v (see mopdeck export --help)", err)
	}
	if len(rest) > 0 {
		return Userf("unexpected %q: mopdeck export raci [--format csv|xlsx|json] [--sep ';'] [-o FILE]", rest[0])
	}
	format, err := raciFormat(*formatFlag, *out)
	if err != nil {
		return err
	}
	var opt raciio.WriteOptions
	switch strings.ToLower(strings.TrimSpace(*sep)) {
	case "", ",", "comma":
	case ";", "semicolon":
		opt.Delimiter = ';'
	default:
		return Userf("--sep %q: use ',' or ';'", model.SanitizeLine(*sep))
	}
	if opt.Delimiter != 0 && format != raciio.CSV {
		return Userf("--sep is for CSV: drop it, or export --format csv")
	}
	if *out == "" && format == raciio.XLSX && isTerminal(e.Stdout) {
		return Userf("XLSX is a binary file: write it with -o FILE.xlsx, or redirect stdout to a file")
	}
	if *project != "" {
		e.Project = *project
	}
	d, err := e.LoadPicked(false)
	if err != nil {
		return err
	}
	err = e.toStdoutOrFile(*out, exportPerm, func(w io.Writer) error { return raciio.Write(w, format, d, opt) })
	if err == nil && *out != "" {
		fmt.Fprintf(e.Stderr, "exported the RACI matrix of %q to %s: %s × %s\n", model.SanitizeLine(d.Project.Name), *out,
			howMany(len(d.Activities), "activity"), howMany(len(d.People), "person"))
	}
	return err
}

// raciFormat: --format, else the output's extension, else CSV; a format
// that contradicts a known extension is refused, and so is an extension
// no format has.
func raciFormat(flagValue, out string) (raciio.Format, error) {
	byExt, known := raciio.FormatOf(out)
	if flagValue == "" {
		if known {
			return byExt, nil
		}
		if err := unknownExtension(out); err != nil {
			return "", err
		}
		return raciio.CSV, nil
	}
	f, err := raciio.ParseFormat(flagValue)
	if err != nil {
		return "", UserError{err}
	}
	if out != "" && known && byExt != f {
		return "", Userf("--format %s does not match %s: name the file .%s, or drop --format", f, out, f)
	}
	return f, nil
}
