package sheet

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A sheet written by WriteXLSX opens with its header bold and frozen
// with the columns asked for, its widths set and its rows in order.
func TestWriteXLSXLaysTheSheetOut(t *testing.T) {
	for _, frozen := range []int{0, 2} {
		var buf bytes.Buffer
		s := Sheet{Name: "RACI", Header: []string{"Activity", "Phase", "Ann"}, Widths: []float64{40, 20, 14}, Frozen: frozen}
		rows := [][]any{{"Kick-off", "Discovery", "A/R"}, {"Sign-off", "Deploy", nil}}
		err := WriteXLSX(&buf, s, nil, func(add func([]any) error) error {
			for _, r := range rows {
				if err := add(r); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.GetRows("RACI")
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{{"Activity", "Phase", "Ann"}, {"Kick-off", "Discovery", "A/R"}, {"Sign-off", "Deploy"}}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("rows %q, want %q", got, want)
		}
		panes, err := f.GetPanes("RACI")
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != frozen {
			t.Fatalf("frozen %d: panes %+v, %v", frozen, panes, err)
		}
		if w, err := f.GetColWidth("RACI", "A"); err != nil || w != 40 {
			t.Fatalf("column A is %v wide (%v)", w, err)
		}
		style, err := f.GetCellStyle("RACI", "B1")
		if err != nil {
			t.Fatal(err)
		}
		if st, err := f.GetStyle(style); err != nil || st.Font == nil || !st.Font.Bold {
			t.Fatalf("the header is not bold: %+v %v", st, err)
		}
		f.Close()
	}
}
