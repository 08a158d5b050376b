//go:build linux

package serve

import (
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// peerChildEnv names the socket a child of the test dials, as another user.
const peerChildEnv = "MOPDECK_PEER_CHILD_SOCKET"

// The half that keeps people out: a process of another user that reaches
// the socket (its mode opened up, as a careless chmod would) is refused
// by the kernel's word. Run as root, which can start a process as nobody;
// skipped otherwise.
func TestSamePeerRefusesAnotherUser(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to start a process as another user")
	}
	dir := t.TempDir()
	// nobody must reach the socket and run the test binary: open the
	// folders on the way, which t.TempDir makes for this user only.
	for d := dir; d != os.TempDir() && d != "/" && strings.HasPrefix(d, os.TempDir()); d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "serve.test")
	copyExecutable(t, os.Args[0], bin)
	sock := filepath.Join(dir, "p.sock")
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if err := os.Chmod(sock, 0o777); err != nil {
		t.Fatal(err)
	}

	child := exec.Command(bin, "-test.run=^TestPeerChildDials$")
	child.Env = append(os.Environ(), peerChildEnv+"="+sock)
	child.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	var out strings.Builder
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		// A container may not map the user, or /tmp may be noexec.
		t.Skipf("cannot start a process as user 65534 here: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = child.Wait(); close(exited) }()
	defer func() { _ = child.Process.Kill(); <-exited }()

	accepted := make(chan *net.UnixConn, 1)
	go func() {
		ln.SetDeadline(time.Now().Add(15 * time.Second))
		c, err := ln.AcceptUnix()
		if err != nil {
			close(accepted)
			return
		}
		accepted <- c
	}()
	var conn *net.UnixConn
	select {
	case conn = <-accepted:
	case <-exited:
		t.Skipf("the process of user 65534 could not connect here:\n%s", out.String())
	}
	if conn == nil {
		_ = child.Process.Kill()
		<-exited // its output is whole once it has been waited for
		t.Fatalf("the process of user 65534 never connected:\n%s", out.String())
	}
	defer conn.Close()
	if err := samePeer(conn); err == nil || !strings.Contains(err.Error(), "user 65534") {
		t.Fatalf("samePeer let a process of user 65534 in (err %v)", err)
	}
}

// TestPeerChildDials is the child's side: it dials and waits to be cut
// off. Without the parent's variable it does nothing.
func TestPeerChildDials(t *testing.T) {
	sock := os.Getenv(peerChildEnv)
	if sock == "" {
		t.Skip("the child of TestSamePeerRefusesAnotherUser")
	}
	c, err := net.Dial("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, _ = io.Copy(io.Discard, c)
}

func copyExecutable(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o755); err != nil {
		t.Fatal(err)
	}
}
