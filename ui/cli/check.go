package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"mopdeck/model"
	"mopdeck/store"
)

func init() {
	register(Command{
		Name:    "check",
		Summary: "check the database's integrity",
		Usage: `Usage: mopdeck [--db PATH] check

Reads the whole database without changing it: bbolt's own consistency check
(pages, free list), then mopdeck's — every record reads back, every RACI
cell points at an existing person and activity, every change request,
activity and doc at an existing phase, every deliverable at an existing doc.
Prints "ok" and exits 0 when all is sound; otherwise lists each problem and
exits 1. A damaged file is best replaced by a backup (mopdeck backup).

Examples:
  mopdeck check
  mopdeck --db mopdeck-20250303-090000.db check
`,
		Run: runCheck,
	})
}

func runCheck(e *Env) error {
	if len(e.Args) > 0 {
		return Userf("unexpected %q: mopdeck check takes no argument (use --db PATH before it)", e.Args[0])
	}
	path, err := e.dbPath()
	if err != nil {
		return err
	}
	problems, err := store.CheckFile(path, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return Userf("%s does not exist: check the path given with --db", path)
	}
	if err != nil {
		return err
	}
	// What the check found holds (or frees) the file for every later
	// mopdeck: a damaged file is written to no more.
	store.KeepCheckFinding(path, problems)
	if len(problems) == 0 {
		fmt.Fprintf(e.Stdout, "ok: %s passed bbolt's and mopdeck's checks\n", path)
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(e.Stdout, model.SanitizeLine(p))
	}
	return Userf("%s has %s (listed above): mopdeck now opens it read-only — restore a backup, or export what reads and import it into a new database", path, howMany(len(problems), "problem"))
}

// dbPath is the database --db names, or the default one.
func (e *Env) dbPath() (string, error) {
	if e.DB != "" {
		return e.DB, nil
	}
	return store.DefaultPath()
}
