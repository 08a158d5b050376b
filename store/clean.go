package store

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// Opening a file walks every page first (scanFile): bbolt trusts page
// numbers, and some damage would send it into an endless loop or a stack
// overflow no recover catches. The walk grows with the file and is most
// of what a one-row command pays, so it is skipped when the file is known
// to be as mopdeck last left it, sound:
//
//   - a clean close of a read-write store, and an open that walked the
//     file and found it sound, leave a stamp beside it (mopdeck.db.clean)
//     naming the file exactly as it was then: device, inode, size,
//     modification and change times to the nanosecond;
//   - an open whose stamp names the file as it is now skips the walk;
//   - a read-write open removes the stamp before it may write, so a
//     session that ends without closing (killed, a power cut) leaves
//     none, and the first open after it walks the whole file again;
//   - any write by another program (a copy over it, a sync tool, a test
//     flipping bits) changes the change time, which no program can set
//     back, so the stamp no longer matches.
//
// The change time only tells writes apart if the file system records it
// finely enough: Linux 6.13 and later give a distinct time to a write
// that follows a look at the file (the stamp's own stat). On a file
// system that does not, a stamp is kept only for a file unchanged for
// longer than coarseMargin, which any later write must then move past.
//
// `mopdeck check` always walks, and a file held read-only for damage (its
// .damaged marker) is never taken on its stamp. Should a read meet a page
// it cannot follow on a file opened on its stamp, the panic is not taken
// for mopdeck's bug before the walk has had its say (recheck).

// coarseMargin is how long a file must have been left alone before a
// stamp is trusted where the file system's times are coarse (ticks of at
// most 10 ms).
const coarseMargin = 100 * time.Millisecond

func cleanPath(path string) string { return path + ".clean" }

// stampLine is the stamp's content for the file at path as it is now; ok
// is false when the file cannot be told apart reliably (no such file, a
// platform without the times).
func stampLine(path string) (line string, changed time.Time, dev uint64, ok bool) {
	id, ok := identify(path)
	if !ok {
		return "", time.Time{}, 0, false
	}
	return fmt.Sprintf("mopdeck clean 1 %d %d %d %d %d\n", id.dev, id.ino, id.size, id.mtime, id.ctime),
		time.Unix(0, id.ctime), id.dev, true
}

// stamped tells whether the file at path is the one its stamp names, and
// not held read-only for damage.
func stamped(path string) bool {
	b, err := os.ReadFile(cleanPath(path))
	if err != nil || len(b) > 200 {
		return false
	}
	line, _, _, ok := stampLine(path)
	return ok && string(b) == line && readMark(path) == ""
}

// stamp records the file at path as sound and as it is now. Nothing is
// said when the stamp cannot be written (a read-only folder): the next
// open walks the file, as it always did.
func stamp(path string) {
	line, changed, dev, ok := stampLine(path)
	if !ok {
		return
	}
	sp := cleanPath(path)
	f, err := os.OpenFile(sp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return
	}
	keep := false
	defer func() {
		f.Close()
		if !keep {
			os.Remove(sp)
		}
	}()
	if _, err := f.WriteString(line); err != nil {
		return
	}
	fine, sameDevice := fineTimes(f, dev)
	keep = sameDevice && (fine || time.Since(changed) > coarseMargin)
}

// unstamp removes the stamp before a read-write session may write.
func unstamp(path string) {
	if err := os.Remove(cleanPath(path)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return // a stamp that stays names the file as it was: a write moves its change time past it
	}
}

// forgetClean makes the next open walk the file.
func forgetClean(path string) { unstamp(path) }

// recheck looks again at an error of one of mopdeck's transactions on a
// file opened on its stamp: a panic (ErrInternal) there may be a page
// damaged since the stamp (a failing disk) rather than a bug. The walk
// decides: damage found holds the file read-only and is reported as
// damage.
func (s *Store) recheck(err error) error {
	if !errors.Is(err, ErrInternal) || !s.onStamp {
		return err
	}
	problems, serr := scanFile(s.path)
	if serr != nil || len(problems) == 0 {
		return err
	}
	why := problems[0]
	if len(problems) > 1 {
		why += fmt.Sprintf(", and %d more problems", len(problems)-1)
	}
	if s.Damaged() == "" {
		s.noteDamage(why)
	}
	forgetClean(s.path)
	return damagedErr(s.path, errors.New(why))
}
