package e2e

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"mopdeck/ui/serve"
)

// Team mode with the system's ssh client: mopdeck serve on 127.0.0.1 and
// a random port, keys made by ssh-keygen in a temporary folder.

// teamServer is a running `mopdeck serve`.
type teamServer struct {
	t    *testing.T
	db   string
	dir  string
	port string
	cmd  *exec.Cmd
	log  *lockedLog
	keys map[string]string // name → private key file
}

type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) add(line string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b.WriteString(line + "\n")
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// shows tells whether the server's log holds text, waiting a few seconds
// for it: the line is read from the server's stderr by another
// goroutine, and may come after what the test saw happen.
func (l *lockedLog) shows(text string) bool {
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if strings.Contains(l.String(), text) {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

func needSSH(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip("openssh-client is not installed (apt-get install openssh-client)")
		}
	}
}

// keygen makes an ed25519 key pair named name in dir.
func keygen(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name+"@e2e", "-f", path).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	return path
}

// startTeam creates a database, binds a key to each of people (name →
// role) and starts serving it.
func startTeam(t *testing.T, people map[string]string, extra ...string) *teamServer {
	t.Helper()
	needSSH(t)
	dir := t.TempDir()
	ts := &teamServer{t: t, db: filepath.Join(dir, "team.db"), dir: dir, log: &lockedLog{}, keys: map[string]string{}}
	for name, role := range people {
		key := keygen(t, dir, strings.Fields(strings.ToLower(name))[0])
		ts.keys[name] = key
		if _, errOut, code := mopdeck(t, nil, "--db", ts.db, "team", "add", name, "--role", role, "--key-file", key+".pub"); code != 0 {
			t.Fatalf("team add %s: %s", name, errOut)
		}
	}
	ts.cmd = exec.Command(binary, append([]string{"--db", ts.db, "serve", "--listen", "127.0.0.1:0"}, extra...)...)
	stderr, err := ts.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ts.stop)
	addr := regexp.MustCompile(`addr=127\.0\.0\.1:(\d+)`)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			ts.log.add(sc.Text())
			if m := addr.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
	}()
	select {
	case ts.port = <-found:
	case <-time.After(10 * time.Second):
		t.Fatalf("mopdeck serve did not start:\n%s", ts.log)
	}
	return ts
}

// stop ends the server the way Ctrl-C does, and waits for it.
func (ts *teamServer) stop() { ts.stopWith(syscall.SIGINT) }

// stopWith ends the server with a signal and waits for it.
func (ts *teamServer) stopWith(sig os.Signal) {
	if ts.cmd.ProcessState != nil {
		return
	}
	ts.cmd.Process.Signal(sig)
	done := make(chan struct{})
	go func() {
		ts.cmd.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		ts.cmd.Process.Kill()
		<-done
	}
}

// sshArgs are the client's options for the server, as key.
func (ts *teamServer) sshArgs(key string) []string {
	return []string{"-p", ts.port, "-i", key,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes",
		"-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "127.0.0.1"}
}

// ssh runs a command over ssh without a terminal.
func (ts *teamServer) ssh(key string, command ...string) (string, string, int) {
	ts.t.Helper()
	cmd := exec.Command("ssh", append(ts.sshArgs(key), command...)...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Stdin = nil
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		ts.t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// app opens the app over ssh -tt inside tmux, at w×h.
func (ts *teamServer) app(key string, w, h int) *tmuxSession {
	ts.t.Helper()
	return startTmuxCommand(ts.t, w, h, "ssh -tt "+strings.Join(ts.sshArgs(key), " "))
}

// startTmuxCommand is startTmux for any command line.
func startTmuxCommand(t *testing.T, w, h int, cmdline string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (apt-get install tmux)")
	}
	name := fmt.Sprintf("mopdeck-team-%d-%d", os.Getpid(), time.Now().UnixNano())
	cmd := exec.Command("tmux", "-L", name, "new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmdline)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	s := &tmuxSession{t: t, name: name}
	t.Cleanup(func() { exec.Command("tmux", "-L", name, "kill-server").Run() })
	return s
}

// changeLine is the line of a request in the Change requests pane.
func changeLine(screen, ref string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, ref+" ") {
			return l
		}
	}
	return ""
}

func TestTeamTwoSessionsLeadDecidesViewerSees(t *testing.T) {
	ts := startTeam(t, map[string]string{"Hugo Bernard": "lead", "Julien Roux": "viewer"})
	lead := ts.app(ts.keys["Hugo Bernard"], 120, 32)
	viewer := ts.app(ts.keys["Julien Roux"], 110, 30)
	lead.waitFor("me: Hugo Bernard")
	viewer.waitFor("me: Julien Roux")
	viewer.keys("2")
	screen := viewer.waitFor("CR-12")
	if !strings.Contains(changeLine(screen, "CR-12"), "undecided") {
		t.Fatalf("CR-12 is decided already:\n%s", screen)
	}
	// The lead triages CR-12: impact 4, complexity low, decide now.
	lead.keys("2")
	lead.waitFor("CR-12")
	lead.keys("t")
	lead.waitFor("Triage")
	lead.keys("4")
	lead.keys("l")
	lead.keys("n")
	lead.waitFor("CR-12 decided now")
	deadline := time.Now().Add(5 * time.Second)
	for {
		line := changeLine(viewer.screen(), "CR-12")
		if strings.Contains(line, "now") && strings.Contains(line, "quick win") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the viewer's session never showed the lead's decision:\n%s", viewer.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !ts.log.shows(`session start person="Hugo Bernard" role=lead key=SHA256:`) {
		t.Errorf("the log does not show the session with its key:\n%s", ts.log)
	}
}

func TestTeamViewersDeleteIsRefusedAndNothingChanges(t *testing.T) {
	ts := startTeam(t, map[string]string{"Julien Roux": "viewer"})
	before, _, _ := ts.ssh(ts.keys["Julien Roux"], "export", "changes", "--format", "json")
	viewer := ts.app(ts.keys["Julien Roux"], 110, 30)
	viewer.waitFor("me: Julien Roux")
	viewer.keys("2")
	viewer.waitFor("CR-1 ")
	viewer.keys("d")
	viewer.waitFor("y yes")
	viewer.keys("y")
	viewer.waitFor("viewers cannot change anything")
	after, _, _ := ts.ssh(ts.keys["Julien Roux"], "export", "changes", "--format", "json")
	if before == "" || before != after {
		t.Fatalf("a viewer's delete changed the requests (%d bytes, then %d)", len(before), len(after))
	}
	if !ts.log.shows(`refused person="Julien Roux" role=viewer key=SHA256:`) {
		t.Errorf("the refusal is not logged with the key:\n%s", ts.log)
	}
}

func TestTeamUnknownKeyIsRefused(t *testing.T) {
	ts := startTeam(t, map[string]string{"Hugo Bernard": "lead"})
	stranger := keygen(t, ts.dir, "stranger")
	out, errOut, code := ts.ssh(stranger, "report")
	if code != 255 || out != "" || !strings.Contains(errOut, "Permission denied (publickey)") {
		t.Fatalf("unknown key: exit %d, %q, %q; want refused, public key only", code, out, errOut)
	}
	if !ts.log.shows("unknown key refused") {
		t.Errorf("the refusal is not logged:\n%s", ts.log)
	}
}

func TestTeamReportOverSSHAndCommandsWithoutATerminal(t *testing.T) {
	ts := startTeam(t, map[string]string{"Léa Petit": "member"})
	key := ts.keys["Léa Petit"]
	out, errOut, code := ts.ssh(key, "report")
	if code != 0 || !strings.HasPrefix(out, "# Acme MRM roll-out — status report") {
		t.Fatalf("ssh report: exit %d, %q, %q", code, firstLines(out), errOut)
	}
	out, _, code = ts.ssh(key, "raci")
	if code != 0 || !strings.Contains(out, "Léa Petit") {
		t.Fatalf("ssh raci: exit %d, %q; want the caller's own role", code, firstLines(out))
	}
	out, _, code = ts.ssh(key, "export", "changes", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "ID,Title") {
		t.Fatalf("ssh export: exit %d, %q", code, firstLines(out))
	}
	out, errOut, code = ts.ssh(key, "backup")
	if code != 1 || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "only report, raci and export changes") {
		t.Fatalf("ssh backup: exit %d, %q, %q; want refused in one line\n%s", code, out, errOut, ts.log)
	}
}

func TestTeamLocalCommandsWorkWhileServing(t *testing.T) {
	ts := startTeam(t, map[string]string{"Hugo Bernard": "lead", "Léa Petit": "viewer"})
	out, errOut, code := mopdeck(t, nil, "--db", ts.db, "report")
	if code != 0 || !strings.HasPrefix(out, "# Acme MRM roll-out") {
		t.Fatalf("local report while serving: exit %d, %q, %q", code, firstLines(out), errOut)
	}
	// A write on this host shows in an open session.
	viewer := ts.app(ts.keys["Léa Petit"], 110, 30)
	viewer.waitFor("me: Léa Petit")
	viewer.keys("2")
	viewer.waitFor("CR-12")
	// An import of a file named relative to the caller's folder.
	sheet := filepath.Join(ts.dir, "sheet.csv")
	if err := os.WriteFile(sheet, []byte("Title,Impact\nImported while serving,3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "--db", ts.db, "import", "changes", "sheet.csv")
	cmd.Dir = ts.dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("local import while serving: %v\n%s", err, out)
	}
	viewer.waitFor("Imported while serving")
	if _, errOut, code := mopdeck(t, nil, "--db", ts.db, "backup", "-o", filepath.Join(ts.dir, "copy.db")); code != 0 {
		t.Fatalf("local backup while serving: %s", errOut)
	}
	if !ts.log.shows("command run through the owner") {
		t.Errorf("the server's log does not show the commands it ran:\n%s", ts.log)
	}
	// A second server on the same file is refused in words.
	_, errOut, code = mopdeck(t, nil, "--db", ts.db, "serve", "--listen", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errOut, "held by another mopdeck") {
		t.Fatalf("second serve: exit %d, %q", code, errOut)
	}
}

func TestTeamSecondAppOpensInTheServer(t *testing.T) {
	ts := startTeam(t, map[string]string{"Hugo Bernard": "lead"})
	app := startTmux(t, 110, 30, "--db", ts.db)
	app.waitFor("Phases", "Acme MRM roll-out")
	app.keys("2")
	app.waitFor("CR-12")
	if _, errOut, code := mopdeck(t, nil, "--db", ts.db, "change", "add", "Seen by the second app"); code != 0 {
		t.Fatalf("change add: %s", errOut)
	}
	app.waitFor("Seen by the second app")
	app.keys("q")
	app.waitGone()
	if !ts.log.shows("app opened through the owner") {
		t.Errorf("log:\n%s", ts.log)
	}
}

func TestTeamServeRefusesWithoutAKeyAndKeepsItsHostKeyPrivate(t *testing.T) {
	needSSH(t)
	db := filepath.Join(t.TempDir(), "team.db")
	_, errOut, code := mopdeck(t, nil, "--db", db, "serve", "--listen", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errOut, "team add") {
		t.Fatalf("serve without a key: exit %d, %q", code, errOut)
	}
	ts := startTeam(t, map[string]string{"Hugo Bernard": "lead"})
	fi, err := os.Stat(ts.db + ".host_key")
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key: %v %v, want mode 0600 beside the database", fi, err)
	}
	sock, err := os.Stat(serve.SocketPath(ts.db))
	if err != nil || sock.Mode().Perm() != 0o600 {
		t.Fatalf("owner socket: %v %v, want mode 0600", sock, err)
	}
	ts.stop()
	if _, err := os.Stat(serve.SocketPath(ts.db)); err == nil {
		t.Error("the socket outlived the server")
	}
}

// The terminal serve runs in closing (SIGHUP) stops it as Ctrl-C does:
// exit 0, the socket gone, the stop logged.
func TestTeamServeStopsCleanlyOnHangUp(t *testing.T) {
	ts := startTeam(t, map[string]string{"Hugo Bernard": "lead"})
	ts.stopWith(syscall.SIGHUP)
	if code := ts.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("exit %d after SIGHUP:\n%s", code, ts.log)
	}
	if _, err := os.Stat(serve.SocketPath(ts.db)); err == nil {
		t.Error("the socket outlived the server")
	}
	if !ts.log.shows("signal=hangup") {
		t.Errorf("the stop is not logged:\n%s", ts.log)
	}
}

func firstLines(s string) string {
	lines := strings.SplitN(s, "\n", 4)
	return strings.Join(lines[:min(3, len(lines))], "\n")
}
