package serve

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopdeck/store"
)

func openOwned(t *testing.T) (*store.Store, *Owner, chan []string) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "held.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ran := make(chan []string, 4)
	o, err := Own(OwnerConfig{Store: st, Run: func(args []string, stdout, stderr io.Writer, s *store.Store) int {
		if s != st {
			t.Error("the command did not get the store the owner holds")
		}
		ran <- args
		io.WriteString(stdout, "out:"+strings.Join(args, " ")+"\n")
		io.WriteString(stderr, "err line\n")
		return 3
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return st, o, ran
}

func TestCommandsRunInTheOwnerAndWriteToTheCallersStreams(t *testing.T) {
	st, o, ran := openOwned(t)
	fi, err := os.Stat(o.Path())
	if err != nil || fi.Mode().Perm() != 0o600 || fi.Mode().Type() != os.ModeSocket {
		t.Fatalf("socket %s: %v %v, want a socket of mode 0600", o.Path(), fi.Mode(), err)
	}
	if !Held(st.Path()) {
		t.Fatal("Held is false while an owner answers")
	}
	outR, outW, _ := os.Pipe()
	errR, errW, _ := os.Pipe()
	code, ok, err := Forward(st.Path(), []string{"report", "--project", "P"}, os.Stdin, outW, errW)
	outW.Close()
	errW.Close()
	if err != nil || !ok || code != 3 {
		t.Fatalf("Forward = %d, %v, %v; want the command's exit code 3", code, ok, err)
	}
	if args := <-ran; strings.Join(args, " ") != "report --project P" {
		t.Errorf("the owner ran %q", args)
	}
	out, _ := io.ReadAll(outR)
	errOut, _ := io.ReadAll(errR)
	if string(out) != "out:report --project P\n" || string(errOut) != "err line\n" {
		t.Errorf("stdout %q, stderr %q: the command must write to the caller's own streams", out, errOut)
	}
}

func TestNobodyAnswersOnceTheOwnerCloses(t *testing.T) {
	st, o, _ := openOwned(t)
	o.Close()
	if _, err := os.Stat(o.Path()); err == nil {
		t.Error("the socket is left behind")
	}
	if Held(st.Path()) {
		t.Fatal("Held after Close")
	}
	if _, ok, _ := Forward(st.Path(), []string{"report"}, os.Stdin, os.Stdout, os.Stderr); ok {
		t.Fatal("Forward found an owner after Close")
	}
}

func TestASocketLeftByADeadOwnerIsReplaced(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "held.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// A socket nobody listens on, as a killed owner leaves it.
	l, err := net.Listen("unix", SocketPath(st.Path()))
	if err != nil {
		t.Fatal(err)
	}
	l.(*net.UnixListener).SetUnlinkOnClose(false)
	l.Close()
	if Held(st.Path()) {
		t.Fatal("a dead socket counts as held")
	}
	o, err := Own(OwnerConfig{Store: st, Run: func([]string, io.Writer, io.Writer, *store.Store) int { return 0 }})
	if err != nil {
		t.Fatalf("Own over a dead socket: %v", err)
	}
	defer o.Close()
	if !Held(st.Path()) {
		t.Fatal("the new owner does not answer")
	}
}

func TestAnAppRequestIsRefusedWhereAppsAreNotShared(t *testing.T) {
	st, _, _ := openOwned(t)
	c := dialOwner(st.Path())
	if c == nil {
		t.Fatal("no owner")
	}
	defer c.Close()
	if err := sendRequest(c, request{App: true, Term: &termInfo{}}, os.Stdin, os.Stdout, os.Stderr); err != nil {
		t.Fatal(err)
	}
	if _, err := awaitReply(c, st.Path()); !ErrNoApp(err) {
		t.Fatalf("app request: %v, want the refusal to share the app", err)
	}
}
