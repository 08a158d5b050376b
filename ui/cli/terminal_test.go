package cli

import (
	"os"
	"testing"
)

// /dev/null is a character device but not a terminal: output sent there
// is a file's (so an XLSX export to it is not refused).
func TestDevNullIsNoTerminal(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Fatal("/dev/null taken for a terminal")
	}
}
