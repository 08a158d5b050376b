// Package atomicfile writes files so that a reader sees either the old file
// or the whole new one, never half of it: the content goes to a temporary
// file in the same folder, is synced, then renamed over the target.
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

// Write creates or replaces path with what fn writes. The temporary file
// lives beside path (a rename across file systems would not be atomic) and
// is removed when fn or the disk fails; path is then left as it was. The
// new file gets perm less the process umask, as os.Create would give it:
// a user who keeps their files private (umask 077) gets private exports.
func Write(path string, perm os.FileMode, fn func(w io.Writer) error) (err error) {
	if path == "" {
		return errors.New("no output file given: pass -o FILE")
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder: give a file name, such as %s", path, filepath.Join(path, "export"))
	}
	tmp, err := createTemp(dir, "."+filepath.Base(path)+".tmp-", perm)
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w; check the folder exists and is writable", dir, err)
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
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w; check the free space", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w; check the free space", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot replace %s: %w", path, err)
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
