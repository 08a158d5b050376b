package changesio

import (
	"errors"
	"os"
	"sync"
)

// excelize writes large sheets and shared strings to temporary files. An
// import keeps them in a folder of its own, removed when the read ends;
// a process ended by a signal runs no deferred code, so the folders are
// also listed here for its signal handler to remove (RemoveTemporary).
// This list is the one global of the package: a signal concerns the
// whole process.
var scratch = struct {
	sync.Mutex
	dirs   map[string]bool
	closed bool
}{dirs: map[string]bool{}}

// scratchDir makes a private folder for temporary files. done removes
// it; call it on every path out.
func scratchDir() (dir string, done func(), err error) {
	scratch.Lock()
	defer scratch.Unlock()
	if scratch.closed {
		return "", nil, errors.New("mopdeck is stopping")
	}
	dir, err = os.MkdirTemp("", "mopdeck-import-")
	if err != nil {
		return "", nil, err
	}
	scratch.dirs[dir] = true
	return dir, func() {
		scratch.Lock()
		defer scratch.Unlock()
		if scratch.dirs[dir] {
			os.RemoveAll(dir)
			delete(scratch.dirs, dir)
		}
	}, nil
}

// RemoveTemporary removes every temporary folder an import or an export
// is using, and refuses new ones. Call it when the process is about to
// end on a signal; reads in progress then fail.
func RemoveTemporary() {
	scratch.Lock()
	defer scratch.Unlock()
	scratch.closed = true
	for dir := range scratch.dirs {
		os.RemoveAll(dir)
		delete(scratch.dirs, dir)
	}
}
