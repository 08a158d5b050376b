package e2e

import (
	"bytes"
	be "encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// An export printed to a terminal is sanitised, as the report is: a title
// an old or tampered file holds with an escape sequence and a bidi
// override shows placeholders. Piped to a file, the bytes are kept.
func TestExportToATerminalIsSanitised(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script (util-linux) is not installed")
	}
	db := filepath.Join(t.TempDir(), "m.db")
	if _, errOut, code := mopdeck(t, nil, "--db", db, "new", "--template", "mrm", "P"); code != 0 {
		t.Fatal(errOut)
	}
	csv := filepath.Join(t.TempDir(), "c.csv")
	write(t, csv, []byte("Title\nplain title\n"))
	if _, errOut, code := mopdeck(t, nil, "--db", db, "import", "changes", csv); code != 0 {
		t.Fatal(errOut)
	}
	// Behind mopdeck's back: what an old version or another tool could
	// have stored.
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bolt.Tx) error {
		var key [8]byte
		be.BigEndian.PutUint64(key[:], 1)
		b := tx.Bucket([]byte("projects")).Bucket(key[:]).Bucket([]byte("changes"))
		v := bytes.Replace(b.Get(key[:]), []byte("plain title"), []byte(`\u001b]0;pwned\u0007 \u202egnp.exe`), 1)
		return b.Put(key[:], v)
	})
	bdb.Close()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("script", "-qec", binary+" --db "+db+" export changes --format csv", "/dev/null")
	// TERM=dumb: nobody answers Bubble Tea's start-up query on this pty.
	cmd.Env = append(os.Environ(), "TERM=dumb")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("export under script: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("\x1b]0;")) || bytes.Contains(out, []byte("\u202e")) {
		t.Fatalf("the terminal got raw controls: %q", out)
	}
	if !strings.Contains(string(out), "␛]0;pwned") {
		t.Fatalf("the placeholders are missing: %q", out)
	}
	piped, _, code := mopdeck(t, nil, "--db", db, "export", "changes", "--format", "csv")
	if code != 0 || !strings.Contains(piped, "\x1b]0;pwned") {
		t.Fatalf("piped export changed the bytes: %q", piped)
	}
}
