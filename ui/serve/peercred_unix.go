//go:build linux || darwin || freebsd

package serve

import (
	"fmt"
	"net"
	"os"
	"syscall"
)

// samePeer checks, with the kernel's word (peerUID), that the process at
// the other end of c runs as this process's user: the socket's mode
// already keeps others out, and this holds even if the mode was changed.
func samePeer(c *net.UnixConn) error {
	raw, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var uid uint32
	var uidErr error
	if err := raw.Control(func(fd uintptr) { uid, uidErr = peerUID(int(fd)) }); err != nil {
		return err
	}
	if uidErr != nil {
		return uidErr
	}
	if int(uid) != os.Getuid() {
		return fmt.Errorf("a process of user %d is not this server's user %d", uid, os.Getuid())
	}
	return nil
}

// checkPrivateDir tells whether dir is a folder of this user's that no
// one else may enter: a socket there is this user's to answer on.
func checkPrivateDir(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	switch {
	case !fi.IsDir():
		return fmt.Errorf("%s is not a folder", dir)
	case !ok || int(st.Uid) != os.Getuid():
		return fmt.Errorf("%s belongs to another user", dir)
	case fi.Mode().Perm()&0o077 != 0:
		return fmt.Errorf("%s is open to other users (mode %04o)", dir, fi.Mode().Perm())
	}
	return nil
}
