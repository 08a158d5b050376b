package serve

import (
	"fmt"
	"net"
	"os"
	"syscall"
)

// samePeer checks, with the kernel's word (SO_PEERCRED), that the process
// at the other end of c runs as this process's user: the socket's mode
// already keeps others out, and this holds even if the mode was changed.
func samePeer(c *net.UnixConn) error {
	raw, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var cred *syscall.Ucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = syscall.GetsockoptUcred(int(fd), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	}); err != nil {
		return err
	}
	if credErr != nil {
		return credErr
	}
	if int(cred.Uid) != os.Getuid() {
		return fmt.Errorf("a process of user %d (pid %d) is not this server's user %d", cred.Uid, cred.Pid, os.Getuid())
	}
	return nil
}
