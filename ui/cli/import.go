package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/store/bundle"
	"mopdeck/store/changesio"
)

func init() {
	register(Command{
		Name:    "import",
		Summary: "import change requests (CSV, XLSX, JSON), a RACI matrix or a project bundle",
		Usage: `Usage:
  mopdeck [--db PATH] import changes FILE [--project NAME] [--dry-run]
                       [--map 'Column=field']... [--map-value 'field:Value=value']...
                       [--profile NAME] [--date-order dmy|mdy] [--allow-duplicates]
                       [--sheet NAME] [--header-row N]
                       [--encoding utf-8|windows-1252] [--max-rows N]
  mopdeck [--db PATH] import project BUNDLE.json [--replace | --as NEW-NAME]
  mopdeck [--db PATH] import raci FILE [--project NAME] [--dry-run] [--replace]

import changes reads a .csv, .xlsx or .json file into a project (--project,
else the first open one): mopdeck's own exports, testers' sheets, and the
exports of Jira (also in Portuguese), GitHub, Azure DevOps, ServiceNow and
GLPI. Columns are found by their header, in English or French (and the
tools' own words), whatever the case, accents or camelCase:
  title/titre/summary (required), description/body, impact, priority
  (becomes the impact when there is no impact column: 1 or Highest is 5),
  complexity, estimate (hours; Jira's Original Estimate in seconds),
  decision, status (Jira's Status Category where a status is unknown),
  area/category, raised by/reporter, raised in/phase, assignee, created,
  and a key: ID, Issue key, Number, Référence, Source key.
Values: the words of those tools and of English and French (Done, To Do,
Active, Resolved, En cours (Attribué), Clos; Highest…Lowest, P1…P5,
1 - High; faible/moyenne/élevée; maintenant/plus tard/rejeté). A category
mopdeck has no area for becomes "other", its text kept. Dates: ISO (with
an offset or not), Jira's 22/Dec/25 2:38 PM, Excel dates, dd/mm/yyyy and
mm/dd/yyyy: the order is taken from the dates that can only read one way.

A row whose key names a request already imported updates it (only the
columns the file has); a row of mopdeck's own export (ID CR-12) updates
CR-12; unchanged rows are skipped; other rows are added. It says
"N added, M updated, K unchanged", and it is one undo step. Without a key,
a row that repeats a request (same title, description, raised by) is
skipped as a probable duplicate unless --allow-duplicates.
All or nothing: if anything is wrong the whole file is refused, each kind
of problem listed once with its rows (file:row: column: message; XLSX
problems name their cell), and nothing is written.
  --project NAME          the project to import into
  --dry-run               print what would happen (rows to add, update and
                          skip, the columns and values mapped, the dates);
                          write nothing
  --map 'Column=field'    read a column as a field (title, description,
                          raised by, raised in, created, area, impact,
                          priority, complexity, estimate, estimate seconds,
                          decision, status, status category, assignee, key,
                          or ignore); repeatable
  --map-value 'field:Value=value'
                          read a value of a field as mopdeck's value, e.g.
                          'status:Selected for Tech Check=triaged'; repeatable
  --profile NAME          apply the mapping saved under NAME, and save the
                          --map, --map-value, --date-order, --sheet and
                          --header-row given with it there (after a
                          successful import), so the next import from the
                          same tool needs only --profile NAME
  --date-order dmy|mdy    how to read dates like 8/12/2025
  --allow-duplicates      add rows without a key that repeat a request
  --sheet NAME            the worksheet to read (default: the first with a
                          header)
  --header-row N          the header's row (default: found among the first
                          20 rows; a title above it is skipped)
  --encoding ENC          read CSV or JSON as utf-8 or windows-1252, not
                          deciding it
  --max-rows N            take up to N requests (default 200,000), and
                          files to match

import project reads a bundle written by mopdeck export project: the whole
project with its history. A project of the same name is never overwritten
silently:
  --replace        replace the project of that name (in one step)
  --as NEW-NAME    import it under another name, beside the existing one
A bundle written by a newer mopdeck is refused. Numbers are given afresh,
in the same order, so no bundle can run a counter to its end; a bundle
mopdeck wrote keeps its numbers (CR-12 stays CR-12).

` + raciImportHelp + `
Examples:
  mopdeck import changes --dry-run recette.csv
  mopdeck import changes tests.xlsx --project "CRM migration"
  mopdeck import changes jira.csv --profile jira \
      --map-value 'status:Selected for Tech Check=triaged'
  mopdeck import changes jira-next-week.csv --profile jira
  mopdeck import changes servicenow.csv --map 'Short Description=title'
  mopdeck import changes us-export.csv --date-order mdy
  mopdeck import project crm-offsite.json --as "CRM migration (offsite)"
  mopdeck import project crm-offsite.json --replace
  mopdeck import raci --dry-run matrice.csv
`,
		Run: runImport,
	})
}

func runImport(e *Env) error {
	if len(e.Args) == 0 {
		return Userf("say what to import: mopdeck import changes FILE, or mopdeck import project BUNDLE.json")
	}
	switch e.Args[0] {
	case "changes", "change", "crs":
		return runImportChanges(e, e.Args[1:])
	case "project", "bundle":
		return runImportProject(e, e.Args[1:])
	case "raci":
		return runImportRACI(e, e.Args[1:])
	}
	return Userf("unknown import %q: use mopdeck import changes FILE, import raci FILE, or import project BUNDLE.json", e.Args[0])
}

// multiFlag is a flag that may be given several times.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ", ") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runImportChanges(e *Env, args []string) error {
	flags := newFlags("import changes")
	project := flags.String("project", "", "")
	dry := flags.Bool("dry-run", false, "")
	encoding := flags.String("encoding", "", "")
	maxRows := flags.Int("max-rows", changesio.DefaultMaxRows, "")
	var maps, mapValues multiFlag
	flags.Var(&maps, "map", "")
	flags.Var(&mapValues, "map-value", "")
	profileName := flags.String("profile", "", "")
	dateOrder := flags.String("date-order", "", "")
	allowDup := flags.Bool("allow-duplicates", false, "")
	sheet := flags.String("sheet", "", "")
	headerRow := flags.Int("header-row", 0, "")
	files, err := parseInterspersed(flags, args)
	if err != nil {
		return Userf("%v (see mopdeck import --help)", err)
	}
	if len(files) != 1 {
		return Userf("give one file: mopdeck import changes FILE.csv|FILE.xlsx|FILE.json [--project NAME] [--dry-run]")
	}
	enc, err := changesio.ParseEncoding(*encoding)
	if err != nil {
		return Userf("--encoding: %v", err)
	}
	if *maxRows < 1 {
		return Userf("--max-rows needs a number of rows above 0, such as --max-rows 500000")
	}
	if *headerRow < 0 {
		return Userf("--header-row needs a row number, 1 for the first row")
	}
	order, err := model.ParseDateOrder(*dateOrder)
	if err != nil {
		return Userf("--date-order: %v", err)
	}
	// What the flags map; a profile's mapping goes under it.
	given := changesio.NewMapping()
	for _, m := range maps {
		if err := given.AddColumn(m); err != nil {
			return UserError{err}
		}
	}
	for _, m := range mapValues {
		if err := given.AddValue(m); err != nil {
			return UserError{err}
		}
	}
	layout := given.Profile()
	layout.DateOrder, layout.Sheet, layout.HeaderRow = strings.ToLower(*dateOrder), *sheet, *headerRow
	if *project != "" {
		e.Project = *project
	}
	// Adding requests needs a project: do not create an empty database.
	if path, err := e.dbPath(); err == nil {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return Userf("%s does not exist: create a project first (mopdeck new), or pass --db with an existing database", path)
		}
	}
	return e.InProject(*dry, func(s *store.Store, p model.Project) error {
		saved := model.ImportProfile{Name: *profileName}
		if *profileName != "" {
			var found bool
			if saved, found, err = s.ImportProfile(*profileName); err != nil {
				if errors.Is(err, store.ErrInvalid) {
					return UserError{fmt.Errorf("--profile: %w", err)}
				}
				return err
			}
			if !found {
				saved = model.ImportProfile{Name: strings.TrimSpace(*profileName)}
				if layout.Empty() {
					fmt.Fprintf(e.Stderr, "no profile named %q yet: give --map or --map-value with --profile to save one\n", model.SanitizeLine(*profileName))
				}
			}
		}
		merged := saved.Merge(layout)
		mapping, err := changesio.MappingFrom(merged)
		if err != nil {
			return UserError{err}
		}
		if order == model.OrderUnknown && merged.DateOrder != "" {
			if order, err = model.ParseDateOrder(merged.DateOrder); err != nil {
				return UserError{fmt.Errorf("profile %q: %w", merged.Name, err)}
			}
		}
		opt := changesio.ImportOptions{
			Options: changesio.Options{Now: time.Now(), Encoding: enc, MaxRows: *maxRows, Mapping: mapping,
				DateOrder: order, Sheet: merged.Sheet, HeaderRow: merged.HeaderRow},
			AllowDuplicates: *allowDup,
		}
		// A signal while reading removes the reader's temporary files
		// before the process ends; the write that follows is bbolt's to
		// make safe.
		stop := cleanupOnSignal(e.Stderr, files[0])
		var res *changesio.Result
		if *dry {
			res, err = changesio.Preview(s, p.ID, files[0], opt)
		} else {
			res, err = changesio.ImportFile(s, p.ID, files[0], e.actor(), opt)
		}
		stop()
		if res == nil {
			return UserError{err}
		}
		for _, n := range res.Notes {
			fmt.Fprintf(e.Stderr, "%s: %s\n", model.SanitizeLine(res.File), model.SanitizeLine(n))
		}
		if len(res.Ignored) > 0 {
			fmt.Fprintf(e.Stderr, "%s: ignored columns mopdeck does not know: %s\n", model.SanitizeLine(res.File), changesio.QuoteHeaders(res.Ignored))
		}
		if len(res.Problems) > 0 {
			for _, pr := range res.Problems {
				fmt.Fprintln(e.Stderr, model.SanitizeLine(pr.String()))
			}
			return Userf("%s was refused (%s listed above): nothing was imported; fix the file and import it again",
				res.File, howMany(len(res.Problems), "problem"))
		}
		if err != nil {
			if errors.Is(err, store.ErrInvalid) || res.Err() != nil {
				return UserError{err}
			}
			return err
		}
		if *dry {
			if err := res.Err(); err != nil {
				return UserError{err}
			}
			phases, err := s.Phases(p.ID)
			if err != nil {
				return err
			}
			for _, line := range changesio.PreviewLines(res, p.Name, phases, 0) {
				fmt.Fprintln(e.Stdout, line)
			}
			fmt.Fprintln(e.Stdout, "dry run: nothing was written")
			return nil
		}
		fmt.Fprintln(e.Stdout, res.HeadlineInto(p.Name))
		if *profileName != "" && !layout.Empty() {
			if err := s.SaveImportProfile(merged); err != nil {
				return fmt.Errorf("imported, but the profile %q was not saved: %w", merged.Name, err)
			}
			fmt.Fprintf(e.Stdout, "saved the mapping as profile %q: next time, --profile %s is enough\n", merged.Name, merged.Name)
		}
		return nil
	})
}

func runImportProject(e *Env, args []string) error {
	fs := newFlags("import project")
	replace := fs.Bool("replace", false, "")
	as := fs.String("as", "", "")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return Userf("%v (see mopdeck import --help)", err)
	}
	if len(files) != 1 {
		return Userf("give one bundle: mopdeck import project BUNDLE.json [--replace | --as NEW-NAME]")
	}
	if *replace && *as != "" {
		return Userf("use --replace or --as NEW-NAME, not both")
	}
	b, err := bundle.ReadFile(files[0])
	if err != nil {
		return UserError{err}
	}
	d := b.Data
	if *as != "" {
		name := strings.TrimSpace(model.SanitizeLine(*as))
		if name == "" {
			return Userf("--as needs a project name")
		}
		d.Project.Name = name
	}
	s, err := e.OpenStore(false)
	if err != nil {
		return err
	}
	defer e.CloseStore(s)
	out, err := s.RestoreProject(d, *replace, e.actor())
	switch {
	case errors.Is(err, store.ErrNameTaken):
		return Userf("a project named %q already exists: add --replace to overwrite it with the bundle, or --as NEW-NAME to import it beside it; nothing was changed", d.Project.Name)
	case errors.Is(err, store.ErrInvalid):
		return UserError{fmt.Errorf("%s cannot be imported: %w", files[0], err)}
	case err != nil:
		return err
	}
	verb := "imported"
	if *replace {
		verb = "imported (replacing any project of that name)"
	}
	fmt.Fprintf(e.Stdout, "%s project %q from %s: %s, %s, %s, %s, %s\n", verb, out.Project.Name, files[0],
		howMany(len(out.Phases), "phase"), howMany(len(out.Changes), "change request"), howMany(len(out.People), "person"),
		howMany(len(out.Docs), "doc"), howMany(len(out.History), "history entry"))
	return nil
}

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseInterspersed parses flags placed before, between or after the
// positional arguments ("import changes FILE --dry-run"), and returns the
// positional ones. "--" ends the flags. Its errors spell the flags as the
// help does (--db, -o).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(err)
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// howMany writes "1 phase", "3 phases", "2 people", "1 history entry".
func howMany(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	switch {
	case noun == "person":
		noun = "people"
	case strings.HasSuffix(noun, "y"):
		noun = strings.TrimSuffix(noun, "y") + "ies"
	default:
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}
