package store

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
)

// Sentinel errors. The store wraps them with the path or the record and
// with what to do, so messages are one line; callers test them with
// errors.Is.
var (
	// ErrInUse: another mopdeck (or another Store in this process) holds the
	// file's lock.
	ErrInUse = errors.New("in use by another mopdeck")
	// ErrNotMopdeck: the file exists but is not a mopdeck database; it was
	// not touched.
	ErrNotMopdeck = errors.New("not a mopdeck database")
	// ErrNewerSchema: the file was written by a newer mopdeck; it was not
	// touched.
	ErrNewerSchema = errors.New("written by a newer mopdeck")
	// ErrDamaged: the file is a bbolt file but its pages or records do not
	// read back.
	ErrDamaged = errors.New("looks damaged")
	// ErrNotFound: the project or record does not exist (any more).
	ErrNotFound = errors.New("not found")
	// ErrNothingToUndo: Undo found no entry to revert.
	ErrNothingToUndo = errors.New("nothing to undo")
	// ErrReadOnly: a mutation was asked of a store opened read-only.
	ErrReadOnly = errors.New("open read-only")
	// ErrInvalid: a record failed validation (its Validate method or a
	// reference to a record that does not exist); nothing was written.
	ErrInvalid = errors.New("invalid")
	// ErrInternal: mopdeck's own code failed inside a transaction (a
	// panic); the transaction was rolled back. It is a bug, not the
	// user's file.
	ErrInternal = errors.New("internal error in mopdeck")
)

// internalError is a panic caught in a transaction: what it said and
// where, on one line a user can paste into a bug report.
type internalError struct {
	cause string
	at    string
}

func (e *internalError) Error() string {
	at := ""
	if e.at != "" {
		at = " (in " + e.at + ")"
	}
	return fmt.Sprintf("%v: %s%s; this is a bug, please report it — your data was not changed", ErrInternal, e.cause, at)
}

func (e *internalError) Unwrap() error { return ErrInternal }

func inUseErr(path string, cause error) error {
	if cause != nil {
		return fmt.Errorf("%s is %w: close it, or open another file with --db (%w)", path, ErrInUse, cause)
	}
	return fmt.Errorf("%s is %w: close it, or open another file with --db", path, ErrInUse)
}

func notMopdeckErr(path, why string) error {
	if why != "" {
		return fmt.Errorf("%s is %w (%s): nothing was changed; pass --db with another path", path, ErrNotMopdeck, why)
	}
	return fmt.Errorf("%s is %w: nothing was changed; pass --db with another path", path, ErrNotMopdeck)
}

func newerSchemaErr(path string, have int) error {
	return fmt.Errorf("%s was %w (schema %d > %d): upgrade mopdeck; the file was not touched",
		path, ErrNewerSchema, have, currentSchema)
}

// damageError keeps the cause apart so `mopdeck check` can show it alone.
type damageError struct {
	path  string
	cause error
}

func (e *damageError) Error() string {
	return fmt.Sprintf("%s %v (%v): run `mopdeck check --db %s` and restore from a backup", e.path, ErrDamaged, e.cause, e.path)
}

func (e *damageError) Unwrap() []error { return []error{ErrDamaged, e.cause} }

func damagedErr(path string, cause any) error {
	err, ok := cause.(error)
	if !ok {
		err = fmt.Errorf("%v", cause)
	}
	return &damageError{path: path, cause: err}
}

// invalidErr wraps a model validation error so errors.Is(err, ErrInvalid)
// holds while the text stays the model's own one-line message.
type invalidError struct{ err error }

func (e *invalidError) Error() string   { return e.err.Error() }
func (e *invalidError) Unwrap() []error { return []error{ErrInvalid, e.err} }

func invalid(err error) error {
	if err == nil {
		return nil
	}
	return &invalidError{err}
}

func invalidf(format string, args ...any) error {
	return invalid(fmt.Errorf(format, args...))
}

// writeError is a write the disk refused, in words a person can act on;
// the system's error stays reachable with errors.Is.
type writeError struct {
	msg string
	err error
}

func (e *writeError) Error() string { return e.msg }
func (e *writeError) Unwrap() error { return e.err }

// diskErrors are the refusals of a disk, with what to tell the user.
var diskErrors = []struct {
	errno syscall.Errno
	what  string
}{
	{syscall.ENOSPC, "the disk is full; free some space and try again"},
	{syscall.EDQUOT, "your disk quota is used up; free some space and try again"},
	{syscall.EFBIG, "the file reached the size limit of this system; free some space or raise the limit, then try again"},
	{syscall.EROFS, "the disk became read-only; check the disk, then try again"},
	{syscall.EIO, "the disk reported an error; check the disk, and run `mopdeck check`"},
}

// writeErr turns a failed write's system error into one line naming the
// file, saying what happened, what to do, and that nothing was saved. Other
// errors pass unchanged. bbolt formats some of its errors with %s, losing
// the error number, so the system's wording is matched as well.
func writeErr(path string, err error) error {
	if err == nil {
		return nil
	}
	var we *writeError
	if errors.As(err, &we) || errors.Is(err, ErrInternal) {
		return err
	}
	for _, d := range diskErrors {
		if errors.Is(err, d.errno) || strings.Contains(err.Error(), d.errno.Error()) {
			return &writeError{
				msg: fmt.Sprintf("cannot save to %s: %s (the change was not saved)", path, d.what),
				err: errors.Join(d.errno, err),
			}
		}
	}
	if errors.Is(err, fs.ErrPermission) {
		return &writeError{
			msg: fmt.Sprintf("cannot save to %s: permission denied; make it writable (chmod u+w %s), then try again (the change was not saved)", path, path),
			err: err,
		}
	}
	return err
}
