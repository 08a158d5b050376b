package serve

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"mopdeck/model"
	"mopdeck/store"
)

func TestServerDoesNotStartWithoutAKey(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "empty.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = New(Config{Store: st, Run: func([]string, io.Writer, io.Writer, *store.Store) int { return 0 }})
	if !errors.Is(err, ErrNoTeam) || !strings.Contains(err.Error(), "team add") {
		t.Fatalf("New without a team: %v, want ErrNoTeam naming the command that adds a key", err)
	}
	if _, err := os.Stat(HostKeyPath(st.Path())); err == nil {
		t.Error("a server that did not start made a host key")
	}
}

func TestHostKeyIsMadeOnceBesideTheDatabaseAndKeptPrivate(t *testing.T) {
	ts := startServer(t, nil, nil)
	path := HostKeyPath(ts.store.Path())
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 || filepath.Dir(path) != filepath.Dir(ts.store.Path()) {
		t.Fatalf("host key %s mode %v, want 0600 beside the database", path, fi.Mode().Perm())
	}
	first, err := hostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	again, err := hostKey(path)
	if err != nil || !bytes.Equal(first.PublicKey().Marshal(), again.PublicKey().Marshal()) {
		t.Fatal("the host key changed between two starts")
	}
	os.Chmod(path, 0o644)
	if _, err := hostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a host key others can read: %v", err)
	}
}

func TestUnknownKeysAreRefusedAndTheirAddressSlowedDown(t *testing.T) {
	var clock atomic.Int64
	clock.Store(now.UnixNano())
	ts := startServer(t, nil, func(c *Config) { c.Now = func() time.Time { return time.Unix(0, clock.Load()) } })
	stranger := newKeySigner(t)
	for i := 0; i < maxFailures; i++ {
		if _, err := ts.dial(t, stranger); err == nil {
			t.Fatal("an unknown key got in")
		}
	}
	if !strings.Contains(ts.logBuf.String(), "unknown key refused") || !strings.Contains(ts.logBuf.String(), gossh.FingerprintSHA256(stranger.PublicKey())) {
		t.Errorf("the log does not name the refused key:\n%s", ts.logBuf)
	}
	// The address is turned away now, even with a good key...
	if _, err := ts.dial(t, ts.keys[store.RoleLead]); err == nil {
		t.Fatal("an address that failed too often got in")
	}
	// ...until the window has passed.
	clock.Add(int64(failedWindow))
	c, err := ts.dial(t, ts.keys[store.RoleLead])
	if err != nil {
		t.Fatalf("the address is still refused after the window: %v", err)
	}
	c.Close()
}

func TestCommandsWithoutATerminal(t *testing.T) {
	ts := startServer(t, nil, nil)
	run := func(role store.TeamRole, cmd string) (string, string, error) {
		sess, err := ts.client(t, role).NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer sess.Close()
		var out, errb bytes.Buffer
		sess.Stdout, sess.Stderr = &out, &errb
		err = sess.Run(cmd)
		return out.String(), errb.String(), err
	}
	out, _, err := run(store.RoleViewer, "report --project 'Acme MRM roll-out'")
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	if out != "ran report --project Acme MRM roll-out as Julien Roux\n" {
		t.Errorf("report ran as %q", out)
	}
	if out, _, _ := run(store.RoleMember, "raci --json"); out != "ran raci --json --person Léa Petit as Léa Petit\n" {
		t.Errorf("raci ran as %q, want the caller's own role", out)
	}
	if out, _, _ := run(store.RoleLead, "export changes --format=json"); out != "ran export changes --format json as Hugo Bernard\n" {
		t.Errorf("export ran as %q", out)
	}
	for _, cmd := range []string{"", "import changes x.csv", "export changes -o /tmp/x.csv", "export changes --format xlsx", "backup", "raci --person Other", "report --db /etc/passwd"} {
		out, errOut, err := run(store.RoleLead, cmd)
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || exit.ExitStatus() != 1 || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%q: out %q, err %q, exit %v; want refused in one line, exit 1", cmd, out, errOut, err)
		}
	}
}

// Over SSH the server cannot tell a terminal from a pipe: a command's
// output is sanitised as for a terminal, so a title holding an escape
// sequence (from an old or tampered file) cannot drive the caller's
// terminal, and the rest of the output comes through whole.
func TestCommandOutputIsSanitised(t *testing.T) {
	long := strings.Repeat("x", 100_000)
	ts := startServer(t, nil, func(c *Config) {
		c.Run = func(args []string, stdout, stderr io.Writer, s *store.Store) int {
			io.WriteString(stdout, "CR-1,\x1b]0;owned\x07Rename \x1b[31mfield\u202e\n")
			io.WriteString(stdout, long)
			return 0
		}
	})
	sess, err := ts.client(t, store.RoleViewer).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out bytes.Buffer
	sess.Stdout = &out
	if err := sess.Run("export changes --format csv"); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if strings.ContainsAny(got, "\x1b\x07\u202e") || !strings.HasPrefix(got, "CR-1,␛]0;owned␇Rename ␛[31mfield\ufffd\n") || !strings.HasSuffix(got, long) {
		t.Fatalf("output over SSH: %q…", got[:min(len(got), 80)])
	}
}

func TestTwoSessionsSeeEachOthersSaves(t *testing.T) {
	ts := startServer(t, nil, nil)
	lead := openApp(t, ts.client(t, store.RoleLead), 120, 30)
	viewer := openApp(t, ts.client(t, store.RoleViewer), 100, 28)
	lead.waitFor(t, 0, "me: Hugo Bernard")
	mark := viewer.waitFor(t, 0, "me: Julien Roux")
	viewer.press(t, "2")
	mark = viewer.waitFor(t, mark, "CR-12")
	// The lead decides CR-12 "now" in triage; the viewer's table shows it.
	lead.press(t, "2")
	lead.press(t, "t")
	lead.waitFor(t, 0, "Triage")
	lead.press(t, "n")
	lead.waitFor(t, 0, "decided now")
	viewer.waitFor(t, mark, "CR-12", "now", "triaged")
	c, err := ts.store.Changes(ts.pid)
	if err != nil {
		t.Fatal(err)
	}
	var cr12 model.ChangeRequest
	for _, cr := range c {
		if cr.ID == 12 {
			cr12 = cr
		}
	}
	if cr12.Decision != model.DecisionNow {
		t.Fatalf("CR-12 decision %v, want now", cr12.Decision)
	}
	h, _ := ts.store.History(ts.pid, 1)
	if h[0].By != "Hugo Bernard" {
		t.Errorf("history records %q, want the person behind the key", h[0].By)
	}
}

// A team session reaches the server only through the app: importing a
// file (which would read the server's files, /etc/passwd included) is
// refused with what to do instead, even for the lead, and a doc is edited
// in the app, never in the server's $EDITOR (with its shell escape).
func TestASessionReadsNoFileAndRunsNoProgramOnTheServer(t *testing.T) {
	ran := filepath.Join(t.TempDir(), "ran")
	t.Setenv("EDITOR", "/bin/sh -c 'touch "+ran+"'")
	ts := startServer(t, nil, nil)
	lead := openApp(t, ts.client(t, store.RoleLead), 120, 30)
	mark := lead.waitFor(t, 0, "Phases")
	lead.press(t, "2")
	mark = lead.waitFor(t, mark, "CR-")
	lead.press(t, "i")
	mark = lead.waitFor(t, mark, "over SSH the app does not read files on the server", "mopdeck import changes FILE")
	lead.press(t, "3")
	mark = lead.waitFor(t, mark, "activities")
	lead.press(t, "I")
	mark = lead.waitFor(t, mark, "over SSH the app does not read files on the server", "mopdeck import raci FILE")
	lead.press(t, "4")
	mark = lead.waitFor(t, mark, "Status report")
	lead.press(t, "j")
	lead.press(t, "e")
	mark = lead.waitFor(t, mark, "Editing ", "ctrl+s saves")
	lead.press(t, "Typed over SSH. ")
	lead.press(t, "\x13") // ctrl+s
	lead.waitFor(t, mark, "revision")
	if _, err := os.Stat(ran); err == nil {
		t.Fatal("$EDITOR ran on the server for a session")
	}
	d, err := ts.store.LoadProject(ts.pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range d.Docs {
		if strings.HasPrefix(doc.Body, "Typed over SSH. ") {
			return
		}
	}
	t.Fatal("the text typed in the session was not saved")
}

func TestAViewersDeleteIsRefusedAndLogged(t *testing.T) {
	ts := startServer(t, nil, nil)
	before, _ := ts.store.Changes(ts.pid)
	viewer := openApp(t, ts.client(t, store.RoleViewer), 100, 28)
	mark := viewer.waitFor(t, 0, "Phases")
	viewer.press(t, "2")
	mark = viewer.waitFor(t, mark, "CR-")
	viewer.press(t, "d")
	mark = viewer.waitFor(t, mark, "y yes")
	viewer.press(t, "y")
	viewer.waitFor(t, mark, "viewers cannot change anything")
	after, _ := ts.store.Changes(ts.pid)
	if len(after) != len(before) {
		t.Fatalf("a viewer's delete went through: %d requests, then %d", len(before), len(after))
	}
	if !strings.Contains(ts.logBuf.String(), "refused") || !strings.Contains(ts.logBuf.String(), gossh.FingerprintSHA256(ts.keys[store.RoleViewer].PublicKey())) {
		t.Errorf("the refusal is not logged with the key:\n%s", ts.logBuf)
	}
}

func TestSessionLimitAndIdleTimeout(t *testing.T) {
	ts := startServer(t, nil, func(c *Config) { c.MaxSessions = 1; c.IdleTimeout = 400 * time.Millisecond })
	first := openApp(t, ts.client(t, store.RoleLead), 100, 28)
	first.waitFor(t, 0, "Phases")
	second := openApp(t, ts.client(t, store.RoleMember), 100, 28)
	second.waitFor(t, 0, "sessions open, the most it takes")
	// Left alone, the first session closes by itself and says why.
	done := make(chan error, 1)
	go func() { done <- first.sess.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("an idle session stayed open")
	}
	if !strings.Contains(first.out.String(), "without a key") {
		t.Errorf("the idle session was closed without a word:\n%s", stripped(first.out.String()))
	}
	if !strings.Contains(ts.logBuf.String(), "session idle") || !strings.Contains(ts.logBuf.String(), "session end") {
		t.Errorf("log:\n%s", ts.logBuf)
	}
	// Its place is free again.
	third := openApp(t, ts.client(t, store.RoleMember), 100, 28)
	third.waitFor(t, 0, "Phases")
}

func TestAllowedCommands(t *testing.T) {
	cases := []struct {
		in   []string
		want string
	}{
		{[]string{"report"}, "report"},
		{[]string{"report", "--project", "A B"}, "report --project A B"},
		{[]string{"raci"}, "raci --person Léa"},
		{[]string{"raci", "--json", "--project=P"}, "raci --json --project P --person Léa"},
		{[]string{"export", "changes", "--format", "csv"}, "export changes --format csv"},
		{[]string{"export", "project"}, ""},
		{[]string{"report", "extra"}, ""},
		{[]string{"report", "--project"}, ""},
		{[]string{"--db", "x", "report"}, ""},
		{[]string{"change", "add", "x"}, ""},
	}
	for _, c := range cases {
		got, err := allowedCommand(c.in, "Léa")
		if c.want == "" {
			if err == nil {
				t.Errorf("%q allowed as %q", c.in, got)
			}
			continue
		}
		if err != nil || strings.Join(got, " ") != c.want {
			t.Errorf("%q = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestAppArgs(t *testing.T) {
	a, err := parseAppArgs([]string{"--", "--theme", "mono", "--project=CRM migration"}, "default")
	if err != nil || a.theme != "mono" || a.project != "CRM migration" {
		t.Fatalf("parseAppArgs = %+v, %v", a, err)
	}
	for _, bad := range [][]string{{"report"}, {"--theme"}, {"--db", "x"}} {
		if _, err := parseAppArgs(bad, "default"); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestAppSessionTakesItsThemeAndProject(t *testing.T) {
	ts := startServer(t, nil, nil)
	mono := openApp(t, ts.client(t, store.RoleViewer), 100, 28, "--theme", "mono")
	mono.waitFor(t, 0, "[1 Phases]") // marks: the mono theme draws the active tab in brackets
	bad := openApp(t, ts.client(t, store.RoleViewer), 100, 28, "--project", "Nothing")
	bad.waitFor(t, 0, `no project named "Nothing"`)
}
