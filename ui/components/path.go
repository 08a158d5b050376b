package components

import (
	"os"
	"path/filepath"
	"strings"
)

// ExpandHome lets people type ~/Downloads/matrix.csv in a path prompt as
// they would in a shell; any other path is returned as it is.
func ExpandHome(path string) string {
	rest, ok := strings.CutPrefix(path, "~/")
	if !ok {
		return path
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return path
	}
	return filepath.Join(home, rest)
}
