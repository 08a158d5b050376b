//go:build darwin || freebsd

package serve

import (
	"fmt"
	"net"
	"os"

	"golang.org/x/sys/unix"
)

// samePeer checks, with the kernel's word (LOCAL_PEERCRED), that the
// process at the other end of c runs as this process's user: the socket's
// mode already keeps others out, and this holds even if the mode was
// changed.
func samePeer(c *net.UnixConn) error {
	raw, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var cred *unix.Xucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = unix.GetsockoptXucred(int(fd), unix.SOL_LOCAL, unix.LOCAL_PEERCRED)
	}); err != nil {
		return err
	}
	if credErr != nil {
		return credErr
	}
	if int(cred.Uid) != os.Getuid() {
		return fmt.Errorf("a process of user %d is not this server's user %d", cred.Uid, os.Getuid())
	}
	return nil
}
