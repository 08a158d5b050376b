package cli

import (
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"mopdeck/ui/serve"
)

// pubKey writes a fresh public key file and returns its path and line.
func pubKey(t *testing.T, comment string) (path, line string) {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sp, _ := gossh.NewPublicKey(pub)
	line = strings.TrimSpace(string(gossh.MarshalAuthorizedKey(sp))) + " " + comment
	path = filepath.Join(t.TempDir(), comment+".pub")
	if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, line
}

func TestTeamCommandsAddListRoleRemove(t *testing.T) {
	db := sampleDB(t)
	file, _ := pubKey(t, "hugo@laptop")
	out, errOut, code := runCLI("--db", db, "team", "add", "hugo bernard", "--role", "lead", "--key-file", file)
	if code != 0 || !strings.Contains(out, "Hugo Bernard (lead) opens with the key SHA256:") {
		t.Fatalf("team add: %q %q exit %d; want the name as the project writes it", out, errOut, code)
	}
	_, line := pubKey(t, "zoe")
	if out, errOut, code := runCLI("--db", db, "team", "add", "Zoé Newcomer", "--key", line); code != 0 || !strings.Contains(out, "Zoé Newcomer (member)") {
		t.Fatalf("team add --key: %q %q exit %d", out, errOut, code)
	}
	_, wide := pubKey(t, "fang")
	if _, errOut, code := runCLI("--db", db, "team", "add", "王芳", "--key", wide); code != 0 {
		t.Fatalf("team add 王芳: %q exit %d", errOut, code)
	}
	out, _, code = runCLI("--db", db, "team", "list")
	if code != 0 || !strings.Contains(out, "Hugo Bernard  lead") || !strings.Contains(out, "(hugo@laptop)") || !strings.Contains(out, "Zoé Newcomer  member") {
		t.Fatalf("team list:\n%s", out)
	}
	// The roles stand in one column, wide letters or not.
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		role := strings.Index(l, "  ") // the name ends at the first two spaces
		if got := ansi.StringWidth(l) - ansi.StringWidth(strings.TrimLeft(l[role:], " ")); got != len("Hugo Bernard  ") {
			t.Errorf("the role starts at column %d in %q, want %d", got, l, len("Hugo Bernard  "))
		}
	}
	if out, _, code := runCLI("--db", db, "team", "role", "zoe newcomer", "viewer"); code != 0 || !strings.Contains(out, "viewer now") {
		t.Fatalf("team role: %q exit %d", out, code)
	}
	if out, _, code := runCLI("--db", db, "team", "remove", "Zoé Newcomer"); code != 0 || !strings.Contains(out, "off the team") {
		t.Fatalf("team remove: %q exit %d", out, code)
	}
	for _, args := range [][]string{
		{"team", "add", "Someone"},                                    // no key
		{"team", "add", "Someone", "--key", line, "--key-file", file}, // two keys
		{"team", "add", "Someone", "--key", "not a key"},
		{"team", "add", "Someone", "--key", line, "--role", "admin"},
		{"team", "role", "Hugo Bernard", "boss"},
		{"team", "remove", "Nobody"},
		{"team", "frobnicate"},
	} {
		_, errOut, code := runCLI(append([]string{"--db", db}, args...)...)
		if code != ExitUser || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%q: exit %d, %q; want exit 1 and one line", args, code, errOut)
		}
	}
}

func TestServeRefusesToStartWhileNoKeyIsAuthorised(t *testing.T) {
	db := sampleDB(t)
	_, errOut, code := runCLI("--db", db, "serve", "--listen", "127.0.0.1:0")
	if code != ExitUser || !strings.Contains(errOut, "team add") || !strings.Contains(errOut, db) {
		t.Fatalf("serve without a team: exit %d, %q; want exit 1 and the command that adds a key", code, errOut)
	}
	if _, err := os.Stat(serve.HostKeyPath(db)); err == nil {
		t.Error("a host key was made for a server that did not start")
	}
}
