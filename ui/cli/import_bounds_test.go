package cli

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func importInput(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func importDigest(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestImportChangesEncoding(t *testing.T) {
	db := sampleDB(t)
	before := importDigest(t, db)
	cp1252 := importInput(t, "old-excel.csv", "title;impact\nok;2\nCr\xe9er le champ;3\n")
	utf8 := importInput(t, "utf8.csv", "title;impact\nCréer le champ;3\n")
	stray := importInput(t, "stray.csv", "title;impact\nCaf\xe9 stray;3\nCréer le champ;2\n")

	out, errOut, code := runCLI("--db", db, "import", "changes", cp1252, "--dry-run")
	if code != 0 || !strings.Contains(out, `"Créer le champ"`) ||
		!strings.Contains(errOut, "old-excel.csv: read as Windows-1252, as the file is not UTF-8 (line 3 is the first with an accent)") {
		t.Fatalf("Windows-1252 decided: code %d\nout %s\nerr %s", code, out, errOut)
	}
	out, errOut, code = runCLI("--db", db, "import", "changes", cp1252, "--dry-run", "--encoding", "windows-1252")
	if code != 0 || !strings.Contains(out, `"Créer le champ"`) || errOut != "" {
		t.Fatalf("Windows-1252 told: code %d\nout %s\nerr %s", code, out, errOut)
	}
	_, errOut, code = runCLI("--db", db, "import", "changes", cp1252, "--encoding=utf-8")
	if code != ExitUser || !strings.Contains(errOut, "old-excel.csv:3: this line is not UTF-8 text (byte 0xE9)") {
		t.Fatalf("UTF-8 told, Windows-1252 given: code %d\nerr %s", code, errOut)
	}
	out, _, code = runCLI("--db", db, "import", "changes", utf8, "--dry-run", "--encoding", "windows-1252")
	if code != 0 || !strings.Contains(out, `"CrÃ©er le champ"`) {
		t.Fatalf("the encoding told is the encoding read: code %d\nout %s", code, out)
	}
	_, errOut, code = runCLI("--db", db, "import", "changes", stray)
	if code != ExitUser || !strings.Contains(errOut, "stray.csv:2: this line is not UTF-8 text (byte 0xE9), though line 3 is") {
		t.Fatalf("a stray byte: code %d\nerr %s", code, errOut)
	}
	_, errOut, code = runCLI("--db", db, "import", "changes", utf8, "--encoding", "latin-9")
	if code != ExitUser || !strings.Contains(errOut, `--encoding: unknown encoding "latin-9": use utf-8 or windows-1252`) {
		t.Fatalf("unknown encoding: code %d\nerr %s", code, errOut)
	}
	if importDigest(t, db) != before {
		t.Error("the database changed")
	}
	// Imported for real, the note goes with the summary on stderr, the
	// summary alone on stdout.
	out, errOut, code = runCLI("--db", db, "import", "changes", cp1252)
	if code != 0 || strings.Contains(out, "Windows-1252") || !strings.Contains(out, "imported 2 change requests from old-excel.csv") ||
		!strings.Contains(errOut, "Windows-1252") {
		t.Fatalf("import: code %d\nout %s\nerr %s", code, out, errOut)
	}
}

func TestImportChangesRowCap(t *testing.T) {
	db := sampleDB(t)
	var b strings.Builder
	b.WriteString("title\n")
	for i := range 200_001 {
		fmt.Fprintf(&b, "r%d\n", i)
	}
	big := importInput(t, "big.csv", b.String())
	out, errOut, code := runCLI("--db", db, "import", "changes", big)
	if code != ExitUser || out != "" ||
		!strings.Contains(errOut, "big.csv: the file holds more than 200,000 rows, the most one import takes: split it into smaller files, or raise the limit (mopdeck import changes --max-rows)") {
		t.Fatalf("over the default cap: code %d\nout %.200s\nerr %s", code, out, errOut)
	}
	out, errOut, code = runCLI("--db", db, "import", "changes", big, "--max-rows", "200001", "--dry-run")
	if code != 0 || !strings.Contains(out, "would import 200001 change requests") {
		t.Fatalf("a raised cap: code %d\nout %.200s\nerr %s", code, out, errOut)
	}
	for _, bad := range []string{"0", "-3", "many"} {
		_, errOut, code = runCLI("--db", db, "import", "changes", big, "--max-rows", bad)
		if code != ExitUser || !strings.Contains(errOut, "max-rows") {
			t.Errorf("--max-rows %s: code %d\nerr %s", bad, code, errOut)
		}
	}
}

func TestImportChangesRefusesAnOversizedJSONTitle(t *testing.T) {
	db := sampleDB(t)
	p := importInput(t, "title.json", `[{"title":"`+strings.Repeat("x", 2<<20)+`"}]`)
	_, errOut, code := runCLI("--db", db, "import", "changes", p)
	if code != ExitUser || !strings.Contains(errOut, "title.json:1: title: this cell holds 2.0 MiB, more than the 1 MiB a cell may hold") {
		t.Fatalf("code %d\nerr %s", code, errOut)
	}
}

// A signal while reading cleans up and ends with the shell's code for it;
// after stop, signals are the process's own again.
func TestSignalWhileReadingCleansUpAndExits(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		var mu sync.Mutex
		var stderr bytes.Buffer
		cleaned, exited := false, make(chan int, 1)
		stop := onSignal(&lockedWriter{w: &stderr, mu: &mu}, "big.xlsx", func() {
			mu.Lock()
			cleaned = true
			mu.Unlock()
		}, func(code int) { exited <- code })
		if err := syscall.Kill(os.Getpid(), sig); err != nil {
			t.Fatal(err)
		}
		select {
		case code := <-exited:
			if want := 128 + int(sig); code != want {
				t.Errorf("%v: exit %d, want %d", sig, code, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%v: no exit", sig)
		}
		stop()
		mu.Lock()
		if !cleaned || !strings.Contains(stderr.String(), "mopdeck: stopped while reading big.xlsx: nothing was imported") {
			t.Errorf("%v: cleaned %v, stderr %q", sig, cleaned, stderr.String())
		}
		mu.Unlock()
	}
	called := false
	stop := onSignal(&bytes.Buffer{}, "x.csv", func() { called = true }, func(int) { called = true })
	stop()
	if called {
		t.Error("cleanup or exit without a signal")
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
