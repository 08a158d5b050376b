package changes

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/store"
	"mopdeck/store/changesio"
	"mopdeck/ui/common"
)

// openImport asks for a spreadsheet's path and imports it: the same reader
// and the same all-or-nothing rule as `mopdeck import changes`.
func (p *Pane) openImport() tea.Cmd {
	return p.prompt.Open("import CSV/XLSX/JSON file", "", p.importFile)
}

// importFile reads and saves inside the command, never in Update. A
// refused file leaves the project as it was and says why in one line.
func (p *Pane) importFile(path string) tea.Cmd {
	path = strings.TrimSpace(path)
	if path == "" {
		return nil
	}
	pid, by, now := p.data.Project.ID, p.ctx.Actor(p.data), p.ctx.Now()
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		res, err := changesio.Import(s, pid, expandHome(path), by, now)
		if err != nil {
			if res != nil && len(res.Problems) > 1 {
				err = fmt.Errorf("%w; `mopdeck import changes %s --dry-run` lists them all", err, path)
			}
			return common.Result{}, err
		}
		note := res.Summary() + " (u undoes the whole import)"
		if len(res.Ignored) > 0 {
			note += "; ignored columns: " + strings.Join(res.Ignored, ", ")
		}
		return common.Result{Note: note}, nil
	})
}

// expandHome lets people type ~/Downloads/tests.csv as in a shell.
func expandHome(path string) string {
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
