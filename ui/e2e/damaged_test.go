package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One record damaged behind mopdeck's back: check finds it, and from then
// on the file is written to no more — not by an import, not by a new
// project — while the report, an export and a backup still read what can
// be read.
func TestDamagedRecordHoldsTheFileReadOnly(t *testing.T) {
	db := exchangeDB(t)
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// Break the JSON of one change request in place, same length.
	at := bytes.Index(data, []byte(`"title":"`))
	if at < 0 {
		t.Fatal("no record to damage")
	}
	copy(data[at:], `"title"!!`)
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, code := mopdeck(t, nil, "--db", db, "check")
	if code != 1 || !strings.Contains(out, "decode") {
		t.Fatalf("check: %q (exit %d), want the broken record listed", out, code)
	}
	before, _ := os.ReadFile(db)

	csv := filepath.Join(t.TempDir(), "crs.csv")
	os.WriteFile(csv, []byte("Title\nOne more\n"), 0o600)
	for _, args := range [][]string{
		{"import", "changes", csv},
		{"new", "--template", "mrm", "Another"},
	} {
		_, errOut, code := mopdeck(t, nil, append([]string{"--db", db}, args...)...)
		if code != 1 || !strings.Contains(errOut, "read-only") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: %q (exit %d), want one line refusing it for damage", args[0], errOut, code)
		}
	}
	if now, _ := os.ReadFile(db); !bytes.Equal(now, before) {
		t.Fatal("the damaged file was written to")
	}
	// What reads is still saved: the report (of the sound project), an
	// export, and a backup kept as a snapshot.
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	_, errOut, code := mopdeck(t, nil, "--db", db, "backup", "-o", copyPath)
	if code != 1 || !strings.Contains(errOut, "kept as a snapshot") {
		t.Errorf("backup of the damaged file: %q (exit %d)", errOut, code)
	}
	if _, err := os.Stat(copyPath); err != nil {
		t.Errorf("the snapshot of the damaged file was not kept: %v", err)
	}
	// One of the two projects holds the broken record; the other exports.
	exported := 0
	for _, name := range []string{"Source", "Target"} {
		if _, _, code := mopdeck(t, nil, "--db", db, "export", "project", name, "-o", filepath.Join(t.TempDir(), name+".json")); code == 0 {
			exported++
		}
	}
	if exported != 1 {
		t.Errorf("%d projects exported from the damaged file, want the sound one", exported)
	}
}
