package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"mopdeck/store"
)

func init() {
	register(Command{
		Name:    "backup",
		Summary: "write a consistent copy of the database",
		Usage: `Usage: mopdeck [--db PATH] backup [-o FILE] [--force] [--compact]

Copies the database from one read transaction, so the copy is consistent
even while this mopdeck writes. The copy is written to a temporary file and
renamed at the end, then checked like mopdeck check does. A new copy is
private (0600); a file replaced keeps its mode; a symbolic link is followed
and the file it leads to replaced; a pipe or a device is written straight
through, unchecked. The database itself is refused, by any name. Without -o it goes
beside the database, named after it and the time
(mopdeck-20250303-090000.db). A file already at -o FILE is refused
unless --force says to replace it. Open a backup with mopdeck --db FILE.

A bbolt file never shrinks: space that deleted records (a project, an
import undone) leave is kept for the next writes. --compact writes the
records into a fresh file instead, without that space. To shrink the
database itself, quit every mopdeck on it and move the compacted copy
over it.

While the app or mopdeck serve holds the database, the copy is taken by
that process, from the same consistent read.

Examples:
  mopdeck backup
  mopdeck --db team.db backup -o /media/usb/team-before-go-live.db
  mopdeck backup --compact -o small.db
`,
		Run: runBackup,
	})
}

func runBackup(e *Env) error {
	flags := newFlags("backup")
	out := flags.String("o", "", "")
	flags.StringVar(out, "output", "", "")
	force := flags.Bool("force", false, "")
	compact := flags.Bool("compact", false, "")
	rest, err := parseInterspersed(flags, e.Args)
	if err != nil {
		return Userf("%v (see mopdeck backup --help)", err)
	}
	if len(rest) > 0 {
		return Userf("unexpected %q: mopdeck backup [-o FILE] [--force] [--compact]", rest[0])
	}
	s, err := e.OpenStore(true)
	if errors.Is(err, fs.ErrNotExist) {
		return UserError{err}
	}
	if err != nil {
		return err
	}
	// The default name is new each time; a name given may be an earlier
	// backup, which is replaced only when asked. The database itself is
	// left to the refusal that names it.
	if *out != "" && !*force && isOtherFile(*out, s.Path()) {
		e.CloseStore(s)
		return Userf("%s already exists: add --force to replace it, or choose another -o FILE", *out)
	}
	path := *out
	if path == "" {
		path = store.BackupPath(s.Path(), time.Now())
	}
	backup, was := s.Backup, ""
	if *compact {
		backup = s.CompactBackup
		if fi, err := os.Stat(s.Path()); err == nil {
			was = fmt.Sprintf(", compacted from %s", size(fi.Size()))
		}
	}
	t, n, err := backup(path)
	e.CloseStore(s)
	if err != nil {
		return UserError{err}
	}
	if t.Stream {
		// What went down a pipe or to a device cannot be read back: say
		// so rather than check (a FIFO would wait) or remove the node;
		// on stderr, since the stream may be stdout.
		fmt.Fprintf(e.Stderr, "backed up %s to %s (%s%s), not checked: a pipe or a device cannot be read back; check the copy where it lands with mopdeck --db FILE check\n", s.Path(), path, size(n), was)
		return nil
	}
	if err := checkBackup(s.Path(), t.Path); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "backed up %s to %s (%s%s), checked: no problems\n", s.Path(), path, size(n), was)
	return nil
}

// checkBackup checks the copy like mopdeck check does. When the database
// itself is damaged, the copy holds the same damage and is kept: it is a
// snapshot of what can still be read, to save it from. Otherwise a copy
// that fails is removed, so that no one restores it later trusting its
// name.
func checkBackup(db, path string) error {
	problems, err := store.CheckFile(path, 0)
	if err == nil && len(problems) == 0 {
		return nil
	}
	if dbProblems, derr := store.CheckFile(db, 0); err == nil && derr == nil && len(dbProblems) > 0 {
		return Userf("the database %s is damaged (%s, %s): the copy %s holds the same damage and is kept as a snapshot to save what reads from (export, report); restore an earlier backup, and see mopdeck --db %s check",
			db, dbProblems[0], howMany(len(dbProblems), "problem"), path, db)
	}
	kept := "no backup was kept"
	if rerr := os.Remove(path); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
		kept = fmt.Sprintf("remove %s by hand: %v", path, rerr)
	}
	if err != nil {
		return fmt.Errorf("the backup %s was written but cannot be checked (%w); %s: back up again", path, err, kept)
	}
	return Userf("the backup %s failed its check (%s) though the database is sound; %s: check the disk it went to, then back up again", path, problems[0], kept)
}

// isOtherFile tells whether path is a file already there, through a
// symbolic link, other than the database db; a pipe or a device (-o
// /dev/stdout) is not one.
func isOtherFile(path, db string) bool {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	dbi, err := os.Stat(db)
	return err != nil || !os.SameFile(fi, dbi)
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
