package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"mopdeck/model"
	"mopdeck/store"
)

// now pins the date the sample project is laid out from.
var now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// testServer is a server on 127.0.0.1 with a random port, on a fresh
// database holding the sample project, and a team of a lead, a member
// and a viewer, each with a key made here.
type testServer struct {
	*Server
	addr   string
	store  *store.Store
	pid    uint64
	keys   map[store.TeamRole]gossh.Signer
	logBuf *syncBuffer
}

func newKeySigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// startServer starts a server; edit, when set, changes the project and
// the config first.
func startServer(t testing.TB, editData func(*model.ProjectData), editCfg func(*Config)) *testServer {
	t.Helper()
	db := filepath.Join(t.TempDir(), "team.db")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	d := model.SampleProject(now)
	if editData != nil {
		editData(&d)
	}
	d, err = st.CreateProject(d, "test")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{store: st, pid: d.Project.ID, keys: map[store.TeamRole]gossh.Signer{}, logBuf: &syncBuffer{}}
	names := map[store.TeamRole]string{store.RoleLead: "Hugo Bernard", store.RoleMember: "Léa Petit", store.RoleViewer: "Julien Roux"}
	for role, name := range names {
		k := newKeySigner(t)
		ts.keys[role] = k
		if _, _, err := st.TeamAdd(name, role, store.NewTeamKey(k.PublicKey(), name)); err != nil {
			t.Fatal(err)
		}
	}
	cfg := Config{
		Store: st, Addr: "127.0.0.1:0", Version: "test",
		Log: log.New(ts.logBuf),
		Run: func(args []string, stdout, stderr io.Writer, s *store.Store) int {
			// A stand-in for cli.RunShared: prints the command line and
			// who runs it.
			who := "nobody"
			if p := s.Policy(); p != nil {
				who = p.Person
			}
			io.WriteString(stdout, "ran "+strings.Join(args, " ")+" as "+who+"\n")
			return 0
		},
	}
	if editCfg != nil {
		editCfg(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	ts.Server, ts.addr = srv, ln.Addr().String()
	return ts
}

func (ts *testServer) dial(t testing.TB, key gossh.Signer) (*gossh.Client, error) {
	t.Helper()
	return gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User:            "someone",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	})
}

func (ts *testServer) client(t testing.TB, role store.TeamRole) *gossh.Client {
	t.Helper()
	c, err := ts.dial(t, ts.keys[role])
	if err != nil {
		t.Fatalf("dial as %s: %v", role, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// appTerm is an app session seen from the client: what it drew so far, and
// its keyboard.
type appTerm struct {
	sess *gossh.Session
	out  *syncBuffer
	keys io.WriteCloser
}

// openApp opens a session with a terminal of w×h cells.
func openApp(t testing.TB, c *gossh.Client, w, h int, args ...string) *appTerm {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	sess.Stdout, sess.Stderr = out, out
	keys, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if len(args) > 0 {
		err = sess.Start(strings.Join(args, " "))
	} else {
		err = sess.Shell()
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	return &appTerm{sess: sess, out: out, keys: keys}
}

// waitFor waits until what the session drew since mark holds every
// string; it returns the new mark.
func (tm *appTerm) waitFor(t testing.TB, mark int, want ...string) int {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := ansi.Strip(tm.out.From(mark))
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(got, w)
		}
		if ok {
			return tm.out.Len()
		}
		if time.Now().After(deadline) {
			t.Fatalf("the session never drew %q; it drew:\n%s", want, got)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (tm *appTerm) press(t testing.TB, keys string) {
	t.Helper()
	if _, err := io.WriteString(tm.keys, keys); err != nil {
		t.Fatal(err)
	}
}

// stripped is drawn output made readable for a failure message.
func stripped(s string) string {
	return ansi.Strip(s)
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Len()
}

// From is what was written from offset on.
func (s *syncBuffer) From(offset int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.b.Bytes()
	if offset > len(b) {
		offset = len(b)
	}
	return string(b[offset:])
}
