//go:build windows || plan9

package store

import (
	"os"
	"time"
)

// sharedLock does nothing here: the page scan before bbolt's open is not
// protected from a writer in another process, which at worst makes a
// sound file look damaged for one open; nothing is written either way.
func sharedLock(path string, timeout time.Duration) (func(), error) {
	return func() {}, nil
}

// unlockFile does nothing here: closing the file releases bbolt's lock.
func unlockFile(f *os.File) {}
