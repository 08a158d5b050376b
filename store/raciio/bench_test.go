package raciio

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopdeck/model"
)

// bigGrid writes a matrix of rows activities × cols people, every row
// with an A/R, an R and letters elsewhere, as a CSV file.
func bigGrid(b *testing.B, rows, cols int) string {
	b.Helper()
	var sb strings.Builder
	sb.WriteString("Activity")
	for c := range cols {
		fmt.Fprintf(&sb, ",Person %03d", c)
	}
	sb.WriteString("\n")
	letters := []string{"C", "I", "", "", "I"}
	for r := range rows {
		fmt.Fprintf(&sb, "Activity %05d", r)
		for c := range cols {
			cell := letters[(r+c)%len(letters)]
			switch c {
			case r % cols:
				cell = "A/R"
			case (r + 1) % cols:
				cell = "R"
			}
			sb.WriteString("," + cell)
		}
		sb.WriteString("\n")
	}
	path := filepath.Join(b.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkReadAndPlan2000x200 reads a 2,000 × 200 matrix (400,000 cells)
// and matches it to an empty project.
func BenchmarkReadAndPlan2000x200(b *testing.B) {
	path := bigGrid(b, 2000, 200)
	b.ResetTimer()
	for range b.N {
		res, err := ReadFile(path)
		if err != nil || len(res.Problems) > 0 {
			b.Fatal(err, res.Problems)
		}
		if _, problems := model.PlanRACIImport(model.ProjectData{}, res.Sheet, false); len(problems) > 0 {
			b.Fatal(problems)
		}
	}
}
