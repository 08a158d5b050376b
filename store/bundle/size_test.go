package bundle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sparseFile makes a file of size bytes without writing them.
func sparseFile(t *testing.T, name string, size int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOversizedBundleIsRefusedBeforeReading(t *testing.T) {
	path := sparseFile(t, "huge.json", 256<<20+1)
	_, err := ReadFile(path)
	if err == nil || !strings.Contains(err.Error(), "over 256 MiB") {
		t.Fatalf("err = %v, want a refusal over 256 MiB", err)
	}
}
