package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"time"

	"mopdeck/store"
)

func init() {
	register(Command{
		Name:    "backup",
		Summary: "write a consistent copy of the database",
		Usage: `Usage: mopdeck [--db PATH] backup [-o FILE]

Copies the database from one read transaction, so the copy is consistent
even while this mopdeck writes. The copy is written to a temporary file and
renamed at the end, then checked like mopdeck check does. Without -o it goes
beside the database, named after it and the time
(mopdeck-20250303-090000.db). Open a backup with mopdeck --db FILE.

A database open in another mopdeck cannot be read: close that one first.

Examples:
  mopdeck backup
  mopdeck --db team.db backup -o /media/usb/team-before-go-live.db
`,
		Run: runBackup,
	})
}

func runBackup(e *Env) error {
	flags := newFlags("backup")
	out := flags.String("o", "", "")
	flags.StringVar(out, "output", "", "")
	rest, err := parseInterspersed(flags, e.Args)
	if err != nil {
		return Userf("%v (see mopdeck backup --help)", err)
	}
	if len(rest) > 0 {
		return Userf("unexpected %q: mopdeck backup [-o FILE]", rest[0])
	}
	s, err := e.OpenStore(true)
	if errors.Is(err, fs.ErrNotExist) {
		return UserError{err}
	}
	if err != nil {
		return err
	}
	path := *out
	if path == "" {
		path = store.BackupPath(s.Path(), time.Now())
	}
	n, err := s.BackupTo(path)
	s.Close()
	if err != nil {
		return UserError{err}
	}
	problems, err := store.CheckFile(path, 0)
	if err != nil {
		return fmt.Errorf("the backup %s was written but cannot be checked: %w", path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("the backup %s was written but fails its check (%s): run mopdeck check on the database", path, problems[0])
	}
	fmt.Fprintf(e.Stdout, "backed up %s to %s (%s), checked: no problems\n", s.Path(), path, size(n))
	return nil
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
