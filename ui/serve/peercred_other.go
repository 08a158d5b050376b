//go:build !linux && !darwin && !freebsd

package serve

import (
	"errors"
	"net"
)

// samePeer cannot ask the kernel who is at the other end on this system:
// nobody is let in.
func samePeer(*net.UnixConn) error {
	return errors.New("the owner's socket checks its peers only on Linux, macOS and FreeBSD")
}

// checkPrivateDir cannot tell a folder's owner here; nobody is let in
// through the socket anyway (see samePeer).
func checkPrivateDir(dir string) error {
	return errors.New("a socket away from its database is not supported on this system")
}
