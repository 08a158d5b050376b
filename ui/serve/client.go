package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"
)

// ErrHeld: another mopdeck holds the database and answers on its socket.
var ErrHeld = errors.New("held by another mopdeck")

// dialOwner connects to the process holding db; nil when nobody answers
// (no socket, or one left by a process that died).
func dialOwner(db string) *net.UnixConn {
	path, err := filepath.Abs(SocketPath(db))
	if err != nil || !fitsSocket(path) || (inRuntimeDir(path) && checkPrivateDir(filepath.Dir(path)) != nil) {
		return nil
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode().Type() != os.ModeSocket {
		return nil
	}
	d := net.Dialer{Timeout: time.Second}
	c, err := d.Dial("unix", path)
	if err != nil {
		return nil
	}
	return c.(*net.UnixConn)
}

// Held tells whether a mopdeck holding db answers on its socket.
func Held(db string) bool {
	c := dialOwner(db)
	if c == nil {
		return false
	}
	c.Close()
	return true
}

// Forward runs a command line in the process that holds db: the command
// writes to stdout and stderr as if it ran here, and its exit code is
// returned. ok is false when nobody answers: run it here then.
func Forward(db string, args []string, stdin, stdout, stderr *os.File) (code int, ok bool, err error) {
	c := dialOwner(db)
	if c == nil {
		return 0, false, nil
	}
	defer c.Close()
	if err := sendRequest(c, request{Args: args}, stdin, stdout, stderr); err != nil {
		return 0, true, fmt.Errorf("cannot hand the command to the mopdeck holding %s: %w", db, err)
	}
	code, err = awaitReply(c, db)
	return code, true, err
}

// awaitReply reads the owner's answer.
func awaitReply(c *net.UnixConn, db string) (int, error) {
	var r reply
	if err := json.NewDecoder(c).Decode(&r); err != nil {
		return 0, fmt.Errorf("the mopdeck holding %s stopped before the command ended: run it again", db)
	}
	switch {
	case r.NoApp:
		return r.Code, errNoApp
	case r.Err != "":
		return r.Code, errors.New(r.Err)
	}
	return r.Code, nil
}
