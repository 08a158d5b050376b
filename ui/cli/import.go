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
		Summary: "import change requests (CSV, XLSX, JSON) or a project bundle",
		Usage: `Usage:
  mopdeck [--db PATH] import changes FILE [--project NAME] [--dry-run]
                       [--encoding utf-8|windows-1252] [--max-rows N]
  mopdeck [--db PATH] import project BUNDLE.json [--replace | --as NEW-NAME]

import changes adds the change requests of a .csv, .xlsx or .json file to a
project (--project, else the first open one). Columns are found by their
header, in English or French, whatever the case and accents:
  title/titre (required), description, impact (1–5), complexity/complexité,
  estimate/estimation (hours), decision/décision, status/statut,
  area/domaine, raised by/demandeur, raised in/phase, assignee/responsable,
  created/créé le.
Values: low/medium/high or faible/moyenne/élevée; now/later/reject or
maintenant/plus tard/rejeté; statuses such as new, triaged, in progress
(nouveau, trié, en cours). Empty cells mean not rated, undecided, new.
CSV may be comma or semicolon separated (French Excel), with or without a
byte order mark. Columns mopdeck does not know are listed and ignored.
The encoding is decided from the whole file: UTF-8, or Windows-1252 (older
Excel in French) when no line is UTF-8, which is then noted; a file that
mixes both is refused at its first line that is not UTF-8.
All or nothing: if any row is wrong the whole file is refused, every problem
is listed as file:line: column: message, and nothing is written.
A file may hold up to 200,000 requests, cells up to 1 MiB; sizes follow
from the number of rows (about 1 KiB a row for CSV, 2 KiB for XLSX).
  --project NAME   the project to add to
  --dry-run        check the file and print what would be imported; write nothing
  --encoding ENC   read CSV or JSON as utf-8 or windows-1252, not deciding it
  --max-rows N     take up to N requests (default 200,000), and files to match

import project reads a bundle written by mopdeck export project: the whole
project with its history. A project of the same name is never overwritten
silently:
  --replace        replace the project of that name (in one step)
  --as NEW-NAME    import it under another name, beside the existing one
A bundle written by a newer mopdeck is refused. Numbers are given afresh,
in the same order, so no bundle can run a counter to its end; a bundle
mopdeck wrote keeps its numbers (CR-12 stays CR-12).

Examples:
  mopdeck import changes --dry-run recette.csv
  mopdeck import changes tests.xlsx --project "CRM migration"
  mopdeck import project crm-offsite.json --as "CRM migration (offsite)"
  mopdeck import project crm-offsite.json --replace
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
	}
	return Userf("unknown import %q: use mopdeck import changes FILE, or mopdeck import project BUNDLE.json", e.Args[0])
}

func runImportChanges(e *Env, args []string) error {
	flags := newFlags("import changes")
	project := flags.String("project", "", "")
	dry := flags.Bool("dry-run", false, "")
	encoding := flags.String("encoding", "", "")
	maxRows := flags.Int("max-rows", changesio.DefaultMaxRows, "")
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
		phases, err := s.Phases(p.ID)
		if err != nil {
			return err
		}
		// A signal while reading removes the reader's temporary files
		// before the process ends; the write that follows is bbolt's to
		// make safe.
		stop := cleanupOnSignal(e.Stderr, files[0])
		res, err := changesio.ReadFile(files[0], changesio.Options{Phases: phases, Now: time.Now(), Encoding: enc, MaxRows: *maxRows})
		stop()
		if err != nil {
			return UserError{err}
		}
		for _, n := range res.Notes {
			fmt.Fprintf(e.Stderr, "%s: %s\n", model.SanitizeLine(res.File), n)
		}
		if len(res.Ignored) > 0 {
			names := make([]string, len(res.Ignored))
			for i, n := range res.Ignored {
				names[i] = fmt.Sprintf("%q", model.SanitizeLine(n))
			}
			fmt.Fprintf(e.Stderr, "%s: ignored columns mopdeck does not know: %s\n", model.SanitizeLine(res.File), strings.Join(names, ", "))
		}
		if len(res.Problems) > 0 {
			for _, pr := range res.Problems {
				fmt.Fprintln(e.Stderr, model.SanitizeLine(pr.String()))
			}
			return Userf("%s was refused (%s listed above): nothing was imported; fix the file and import it again",
				res.File, howMany(len(res.Problems), "problem"))
		}
		if err := res.Err(); err != nil {
			return UserError{err}
		}
		if *dry {
			printDryRun(e.Stdout, res, p.Name, phases)
			return nil
		}
		saved, err := s.ImportChanges(p.ID, res.Changes, e.actor())
		if err != nil {
			if errors.Is(err, store.ErrInvalid) {
				return UserError{fmt.Errorf("%s was not imported: %w", res.File, err)}
			}
			return err
		}
		res.Changes = saved
		fmt.Fprintf(e.Stdout, "%s into %q\n", res.Headline(), p.Name)
		return nil
	})
}

// printDryRun lists what an import would add, one request a line.
func printDryRun(w io.Writer, res *changesio.Result, project string, phases []model.Phase) {
	names := map[uint64]string{}
	for _, ph := range phases {
		names[ph.ID] = ph.Name
	}
	from := res.File
	if res.Sheet != "" {
		from += fmt.Sprintf(" (sheet %q)", res.Sheet)
	}
	fmt.Fprintf(w, "would import %s into %q from %s:\n", howMany(len(res.Changes), "change request"), project, from)
	for i, c := range res.Changes {
		var parts []string
		if c.Impact != 0 {
			parts = append(parts, fmt.Sprintf("impact %d", c.Impact))
		}
		if c.Complexity != model.ComplexityUnrated {
			parts = append(parts, c.Complexity.String())
		}
		if c.EstimateHrs != 0 {
			parts = append(parts, fmt.Sprintf("%g h", c.EstimateHrs))
		}
		parts = append(parts, c.Decision.String(), c.Status.String())
		if c.Area != "" {
			parts = append(parts, string(c.Area))
		}
		if n := names[c.RaisedIn]; n != "" {
			parts = append(parts, "raised in "+n)
		}
		fmt.Fprintf(w, "  line %d: %q — %s\n", res.Lines[i], c.Title, strings.Join(parts, ", "))
	}
	fmt.Fprintln(w, "dry run: nothing was written")
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
	defer s.Close()
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
// positional ones. "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
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
