package changesio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOversizedJSONIsRefusedBeforeReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(64<<20 + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res, err := ReadFile(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, "over 64 MiB") {
		t.Fatalf("problems %q, want one refusal over 64 MiB", problems(res))
	}
}
