package store

import (
	"os"
	"syscall"
)

// fileIdentity is what tells one state of a file from another without
// reading it.
type fileIdentity struct {
	dev, ino     uint64
	size         int64
	mtime, ctime int64 // nanoseconds since 1970
}

func identityOf(st *syscall.Stat_t) fileIdentity {
	return fileIdentity{
		dev: uint64(st.Dev), ino: st.Ino, size: st.Size,
		mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano(),
	}
}

func identify(path string) (fileIdentity, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return fileIdentity{}, false
	}
	return identityOf(&st), true
}

// fineTimes tells whether the file system of f gives a write that follows
// a look at a file a change time of its own (Linux 6.13+ on ext4, xfs,
// btrfs, tmpfs…): f is looked at, written again with the same first byte,
// and looked at again. sameDevice is whether f lies on device dev.
func fineTimes(f *os.File, dev uint64) (fine, sameDevice bool) {
	var a, b syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &a); err != nil {
		return false, false
	}
	// The stamp starts with "m": write it again.
	if _, err := f.WriteAt([]byte("m"), 0); err != nil {
		return false, false
	}
	if err := syscall.Fstat(int(f.Fd()), &b); err != nil {
		return false, false
	}
	return identityOf(&a).ctime != identityOf(&b).ctime, uint64(a.Dev) == dev
}
