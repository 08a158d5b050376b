// Package atomicfile writes output files by one rule, so that no output
// path loses data. A regular file is replaced whole or not at all: the
// content goes to a temporary file in the same folder, is synced, then
// renamed over the target. A pipe or a device is written through. A
// symbolic link is followed and its target replaced. A file the caller
// protects (the database) is refused under any name.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// Options say how a new file is made and which file must never be written.
type Options struct {
	// Perm is a new file's mode, less the process umask, as os.Create
	// gives it: a user who keeps their files private (umask 077) gets
	// private exports. A file replaced keeps its own mode.
	Perm os.FileMode
	// Never is a file the output must not be, under any name: it is
	// compared by device and inode, so a relative path, a symbolic link or
	// a hard link to it is refused too. NeverName is how messages call it
	// ("the database").
	Never, NeverName string
}

// Target is where an output path leads.
type Target struct {
	// Path is the file written: the path given, or where its symbolic
	// links lead.
	Path string
	// Stream is set for a pipe or a device: it is written through, with
	// no temporary file and no rename, so that -o /dev/null or -o a FIFO
	// stays what it is. What was written cannot be read back.
	Stream bool
	// mode is the mode of the file replaced; exists tells there is one.
	mode   os.FileMode
	exists bool
	// appendOnly: a descriptor (/dev/stdout) is written at its end, so
	// that a file the shell opened to append to (>>) keeps what it held.
	appendOnly bool
}

// ErrSameFile: the output is the file Options.Never protects.
var ErrSameFile = errors.New("is the file it must not replace")

// Write creates or replaces path with what fn writes, by the rule of
// WriteFile, with no file protected.
func Write(path string, perm os.FileMode, fn func(w io.Writer) error) error {
	_, err := WriteFile(path, Options{Perm: perm}, fn)
	return err
}

// WriteFile writes what fn writes to path, by the one rule every output
// file follows:
//   - the file opt.Never names is refused, by any name, before anything
//     is written;
//   - a pipe or a device is written through (see Target.Stream);
//   - a symbolic link is followed, and the file it leads to is replaced
//     atomically (the link stays a link);
//   - a regular file is replaced atomically and keeps its mode; a new one
//     gets opt.Perm less the umask;
//   - a folder, a socket and a missing folder are refused.
//
// When fn or the disk fails, the temporary file is removed and the target
// left as it was. It returns where the output went.
func WriteFile(path string, opt Options, fn func(w io.Writer) error) (Target, error) {
	t, err := resolve(path, opt)
	if err != nil {
		return t, err
	}
	if t.Stream {
		return t, stream(t, fn)
	}
	return t, replace(t, opt.Perm, fn)
}

// resolve tells where path leads and refuses what WriteFile refuses,
// without writing anything.
func resolve(path string, opt Options) (Target, error) {
	if path == "" {
		return Target{}, errors.New("no output file given: pass -o FILE")
	}
	target, linked, fd, err := follow(path)
	if err != nil {
		return Target{}, err
	}
	t := Target{Path: target}
	if fd {
		// Written through the descriptor, whatever it holds: a pipe, a
		// terminal, or a file the shell opened.
		t.Stream, t.appendOnly = true, true
	}
	fi, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if isFolderName(path) {
			return t, fmt.Errorf("%s names a folder: give a file name, such as %s", path, filepath.Join(path, "export"))
		}
		return t, nil
	case err != nil:
		return t, fmt.Errorf("cannot reach %s: %w; check the path and its folder's permissions", path, unwrapPath(err))
	}
	if err := notTheProtected(path, target, linked, fi, opt); err != nil {
		return t, err
	}
	switch mode := fi.Mode(); {
	case mode.IsDir():
		return t, fmt.Errorf("%s is a folder: give a file name, such as %s", path, filepath.Join(path, "export"))
	case t.Stream, mode&(os.ModeNamedPipe|os.ModeDevice|os.ModeCharDevice) != 0:
		t.Stream = true
	case !mode.IsRegular():
		return t, fmt.Errorf("%s is a socket or another special file: give the name of a file, a pipe or a device", path)
	}
	t.mode, t.exists = fi.Mode().Perm(), true
	return t, nil
}

// notTheProtected refuses a target that is opt.Never: same device and
// inode, whatever the path says.
func notTheProtected(path, target string, linked bool, fi os.FileInfo, opt Options) error {
	if opt.Never == "" {
		return nil
	}
	nfi, err := os.Stat(opt.Never)
	if err != nil || !os.SameFile(fi, nfi) {
		return nil
	}
	name := opt.NeverName
	if name == "" {
		name = opt.Never
	}
	var what string
	switch {
	case linked:
		what = fmt.Sprintf("%s leads to %s (%s) through a symbolic link", path, name, opt.Never)
	case absPath(target) == absPath(neverTarget(opt.Never)):
		what = fmt.Sprintf("%s is %s itself", path, name)
	default:
		what = fmt.Sprintf("%s is %s under another name (a hard link to %s)", path, name, opt.Never)
	}
	return &sameFileError{what + ": write to another file; nothing was written"}
}

// neverTarget is the file the protected path itself leads to.
func neverTarget(p string) string {
	t, _, _, err := follow(p)
	if err != nil {
		return p
	}
	return t
}

// sameFileError is ErrSameFile said in full.
type sameFileError struct{ msg string }

func (e *sameFileError) Error() string        { return e.msg }
func (e *sameFileError) Is(target error) bool { return target == ErrSameFile }

// stream writes through to a pipe or a device. Opening a pipe waits for
// its reader, as a shell redirection does.
func stream(t Target, fn func(w io.Writer) error) error {
	path, flags := t.Path, os.O_WRONLY
	if t.appendOnly {
		flags |= os.O_APPEND
	}
	f, err := os.OpenFile(path, flags, 0)
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", path, unwrapPath(err))
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	if err := fn(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// replace writes a temporary file beside the target (a rename across file
// systems would not be atomic) and renames it over the target.
func replace(t Target, perm os.FileMode, fn func(w io.Writer) error) (err error) {
	path := t.Path
	dir := filepath.Dir(path)
	if t.exists {
		// Private while it is written; the old file's mode at the end.
		perm = 0o600
	}
	tmp, err := createTemp(dir, "."+filepath.Base(path)+".tmp-", perm)
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w; check the folder exists and is writable", dir, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := fn(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if t.exists {
		// chmod, unlike create, is not cut by the umask: the mode stays
		// exactly what the user gave the file.
		if err := tmp.Chmod(t.mode); err != nil {
			return fmt.Errorf("cannot keep the mode of %s: %w", path, unwrapPath(err))
		}
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w; check the free space", path, unwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w; check the free space", path, unwrapPath(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot replace %s: %w", path, unwrapPath(err))
	}
	// Make the rename itself durable; a folder that cannot be synced (some
	// file systems) still holds the file.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// createTemp is os.CreateTemp with the mode given: the system applies the
// umask when it creates the file, which a later chmod would override.
func createTemp(dir, prefix string, perm os.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("no free temporary name in %s", dir)
}

// unwrapPath drops the *PathError's own "op path:" prefix, which the
// messages here already say in words.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
