package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/store/atomicfile"
	"mopdeck/store/bundle"
	"mopdeck/store/changesio"
)

func init() {
	register(Command{
		Name:    "export",
		Summary: "export change requests (CSV, XLSX, JSON), the RACI matrix or a whole project bundle",
		Usage: `Usage:
  mopdeck [--db PATH] export changes [--format csv|xlsx|json] [-o FILE] [--project NAME]
  mopdeck [--db PATH] export project [NAME] [-o BUNDLE.json]
  mopdeck [--db PATH] export raci [--format csv|xlsx|json] [--sep ';'] [-o FILE] [--project NAME]

export changes writes the project's change requests, oldest first. The
format comes from --format, else from the -o file's extension (.csv,
.xlsx, .json), else CSV; another extension (out.ods) needs --format.
Without -o it goes to stdout. CSV is UTF-8, comma separated, with
English headers that import changes reads back; cells that a spreadsheet
would run as formulas (starting with = + - @) get a leading apostrophe,
which import removes again. XLSX cells hold at most 32,767 characters
(Excel's limit): use CSV or JSON to keep longer descriptions whole. JSON
spells values out ("decision": "now") for scripts.
  --format F       csv, xlsx or json
  -o FILE          write to FILE instead of stdout
  --project NAME   the project (default: the first open one)

export project writes the whole project — phases, change requests, people,
RACI, docs, checklists and history — as one versioned JSON bundle, for an
offline session; bring it back with mopdeck import project. Without -o
it goes to stdout when that is redirected (> FILE, a pipe), never onto a
terminal.

-o FILE, for both: a file is written whole or not at all (a temporary file
renamed at the end) and keeps its mode when it is replaced; a new export
gets your umask, a new bundle is private (0600). A symbolic link is
followed and the file it leads to replaced. A pipe or a device (-o
/dev/stdout, a FIFO) is written straight through. The database itself is
refused, by any name.

` + raciExportHelp + `
Examples:
  mopdeck export changes --format xlsx -o recette.xlsx
  mopdeck export changes --format json | jq '.changes[] | select(.decision == "now")'
  mopdeck export project "CRM migration" -o crm-offsite.json
  mopdeck export raci --sep ';' -o matrice.csv
`,
		Run: runExport,
	})
}

func runExport(e *Env) error {
	if len(e.Args) == 0 {
		return Userf("say what to export: mopdeck export changes, or mopdeck export project NAME -o BUNDLE.json")
	}
	switch e.Args[0] {
	case "changes", "change", "crs":
		return runExportChanges(e, e.Args[1:])
	case "project", "bundle":
		return runExportProject(e, e.Args[1:])
	case "raci":
		return runExportRACI(e, e.Args[1:])
	}
	return Userf("unknown export %q: use mopdeck export changes, export raci, or export project NAME", e.Args[0])
}

func runExportChanges(e *Env, args []string) error {
	fs := newFlags("export changes")
	formatFlag := fs.String("format", "", "")
	out := fs.String("o", "", "")
	fs.StringVar(out, "output", "", "")
	project := fs.String("project", "", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return Userf("%v (see mopdeck export --help)", err)
	}
	if len(rest) > 0 {
		return Userf("unexpected %q: mopdeck export changes [--format csv|xlsx|json] [-o FILE]", rest[0])
	}
	format, err := pickFormat(*formatFlag, *out)
	if err != nil {
		return err
	}
	if *out == "" && format == changesio.XLSX && isTerminal(e.Stdout) {
		return Userf("XLSX is a binary file: write it with -o FILE.xlsx, or redirect stdout to a file")
	}
	if *project != "" {
		e.Project = *project
	}
	return e.InProject(true, func(s *store.Store, p model.Project) error {
		phases, err := s.Phases(p.ID)
		if err != nil {
			return err
		}
		x := changesio.Export{Project: p.Name, Phases: phases}
		// Requests go from the store's cursor to the output one at a
		// time: memory stays flat however many the project holds. Once
		// they are read the database is closed, so that an XLSX
		// workbook is put together without the file mapped.
		n := 0
		each := func(add func(model.ChangeRequest) error) error {
			err := s.EachChange(p.ID, func(c model.ChangeRequest) error {
				n++
				return add(c)
			})
			if cerr := e.CloseStore(s); err == nil {
				err = cerr
			}
			return err
		}
		err = e.toStdoutOrFile(*out, exportPerm,
			func(w io.Writer) error { return changesio.WriteStream(w, format, x, each) })
		if err == nil && *out != "" {
			fmt.Fprintf(e.Stderr, "exported %s of %q to %s\n", howMany(n, "change request"), p.Name, *out)
		}
		return err
	})
}

// exportPerm is a new export file's mode, less the umask; bundles and
// backups are private instead.
const exportPerm = 0o644

// toStdoutOrFile writes through a buffer to stdout when out is empty, else
// to the file out by the rule every output file follows (writeOutput).
func (e *Env) toStdoutOrFile(out string, perm os.FileMode, write func(io.Writer) error) error {
	if out == "" {
		w, flush := e.stdout()
		if err := write(w); err != nil {
			if errors.Is(err, store.ErrDamaged) || errors.Is(err, store.ErrInternal) {
				return err // the records, not the output, failed
			}
			return fmt.Errorf("cannot write the export: %w", err)
		}
		return flush()
	}
	_, err := e.writeOutput(out, perm, write)
	return err
}

// writeOutput writes an output file of the database --db names, as
// atomicfile.WriteFile with store.OutputOptions, the rule a backup follows
// too: never over the database, by any name; through to a pipe or a
// device; a link's target replaced, the link kept; a file replaced whole
// and keeping its mode; a new one perm less the umask. A file that cannot
// be written is the user's to fix (a path, a permission, a full disk).
func (e *Env) writeOutput(out string, perm os.FileMode, write func(io.Writer) error) (atomicfile.Target, error) {
	db, err := e.dbPath()
	if err != nil {
		return atomicfile.Target{}, err
	}
	t, err := atomicfile.WriteFile(out, store.OutputOptions(db, perm), write)
	if err != nil {
		return t, UserError{err}
	}
	return t, nil
}

// pickFormat: --format, else the output's extension, else CSV. A format
// that contradicts a known extension is refused rather than guessed, and
// so is an extension no format has (out.ods would hold CSV under a name
// that promises a spreadsheet); a name without one (/dev/stdout) is CSV.
func pickFormat(flagValue, out string) (changesio.Format, error) {
	byExt, known := changesio.FormatOf(out)
	if flagValue == "" {
		if known {
			return byExt, nil
		}
		if err := unknownExtension(out); err != nil {
			return "", err
		}
		return changesio.CSV, nil
	}
	f, err := changesio.ParseFormat(flagValue)
	if err != nil {
		return "", UserError{err}
	}
	if out != "" && known && byExt != f {
		return "", Userf("--format %s does not match %s: name the file .%s, or drop --format", f, out, f)
	}
	return f, nil
}

func runExportProject(e *Env, args []string) error {
	fs := newFlags("export project")
	out := fs.String("o", "", "")
	fs.StringVar(out, "output", "", "")
	project := fs.String("project", "", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return Userf("%v (see mopdeck export --help)", err)
	}
	switch {
	case len(rest) > 1:
		return Userf("give one project name (quote it if it has spaces): mopdeck export project NAME -o BUNDLE.json")
	case len(rest) == 1:
		e.Project = rest[0]
	case *project != "":
		e.Project = *project
	}
	// A bundle is a file to keep, and a large one: on a terminal it
	// would only scroll by.
	if *out == "" && isTerminal(e.Stdout) {
		return Userf("a project bundle is a file to keep: write it with -o BUNDLE.json, or redirect stdout to a file")
	}
	d, err := e.LoadPicked(true)
	if err != nil {
		return err
	}
	now := time.Now()
	err = e.toStdoutOrFile(*out, bundle.Perm,
		func(w io.Writer) error { return bundle.Write(w, d, e.Version, now) })
	if err == nil && *out != "" {
		fmt.Fprintf(e.Stderr, "exported project %q to %s: %s, %s, %s\n", d.Project.Name, *out,
			howMany(len(d.Phases), "phase"), howMany(len(d.Changes), "change request"), howMany(len(d.History), "history entry"))
	}
	return err
}

// unknownExtension refuses an output whose extension names no export
// format, when --format does not say which to write.
func unknownExtension(out string) error {
	ext := filepath.Ext(out)
	if ext == "" || ext == "." {
		return nil
	}
	return Userf("%s: cannot tell which format %s means: name the file .csv, .xlsx or .json, or say --format csv|xlsx|json", out, ext)
}
