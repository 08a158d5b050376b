//go:build linux || darwin || freebsd

package serve

import (
	"fmt"
	"net"
	"os"
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
