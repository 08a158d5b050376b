//go:build !windows && !plan9

package store

import (
	"os"
	"syscall"
	"time"

	bolterrors "go.etcd.io/bbolt/errors"
)

// sharedLock takes a shared lock on path through a descriptor of its own,
// waiting up to timeout (then bolterrors.ErrTimeout), and returns its release.
// It keeps writers of other processes out while the file is read directly;
// bbolt's own shared lock coexists with it.
func sharedLock(path string, timeout time.Duration) (func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
		if err == nil {
			return func() { f.Close() }, nil
		}
		if err != syscall.EWOULDBLOCK || time.Now().After(deadline) {
			f.Close()
			if err == syscall.EWOULDBLOCK {
				return nil, bolterrors.ErrTimeout
			}
			return nil, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// unlockFile drops the lock bbolt took on f.
func unlockFile(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
