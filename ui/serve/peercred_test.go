//go:build linux || darwin || freebsd

package serve

import (
	"net"
	"path/filepath"
	"testing"
)

// The kernel names this process's user at both ends of a socket it
// connects to itself, so samePeer lets it through.
func TestSamePeerKnowsItsOwnUser(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.sock")
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan *net.UnixConn, 1)
	go func() {
		c, err := ln.AcceptUnix()
		if err != nil {
			close(accepted)
			return
		}
		accepted <- c
	}()
	client, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	server, ok := <-accepted
	if !ok {
		t.Fatal("accept failed")
	}
	defer server.Close()
	if err := samePeer(server); err != nil {
		t.Fatalf("samePeer on this process's own connection: %v", err)
	}
}
