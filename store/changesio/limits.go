package changesio

import "fmt"

// An import holds every request in memory and writes them in one
// transaction, so what one file may ask for is bounded. Every bound
// follows from the number of rows allowed, which the user may raise.

// DefaultMaxRows is the most change requests one import takes unless told
// otherwise: far more than a project's test campaign, far fewer than a
// file made to exhaust the machine.
const DefaultMaxRows = 200_000

// maxCell is the most text one cell or JSON value may hold. A description
// is a few paragraphs; Excel itself stops at 32,767 characters.
const maxCell = 1 << 20

// maxRow is the most text one row may expand to, its cells and the shared
// strings it points to counted together: a dozen full cells.
const maxRow = 16 << 20

// fixedAllowance is what a file may hold whatever its rows: a header,
// styles, a theme, a few pictures in a workbook.
const fixedAllowance = 64 << 20

// maxRows is the row cap of these options.
func (o Options) maxRows() int {
	if o.MaxRows > 0 {
		return o.MaxRows
	}
	return DefaultMaxRows
}

// maxText bounds the bytes of a CSV file: about 1 KiB a row, more than a
// title and a long description take.
func (o Options) maxText() int64 {
	return fixedAllowance + int64(o.maxRows())<<10
}

// maxUnzip bounds what a workbook expands to, every part together: XML
// doubles the text of a row, so 2 KiB a row.
func (o Options) maxUnzip() int64 {
	return fixedAllowance + int64(o.maxRows())<<11
}

// maxWorkbook bounds the size of a workbook file itself: compressed, a row
// takes well under 128 bytes (mopdeck's own export: about 60).
func (o Options) maxWorkbook() int64 {
	return fixedAllowance + int64(o.maxRows())<<7
}

// maxSharedStrings bounds the shared-string table of a workbook. A sheet
// of change requests has a few distinct texts a row (title, description);
// statuses and names repeat.
func (o Options) maxSharedStrings() int {
	return 4*o.maxRows() + 4096
}

// tooManyRows is the refusal for a file over the row cap.
func (o Options) tooManyRows(what string) string {
	return fmt.Sprintf("%s more than %s rows, the most one import takes: split it into smaller files, or raise the limit (mopdeck import changes --max-rows)", what, thousands(o.maxRows()))
}

// tooBig is the refusal for a file over a size that the row cap implies.
func (o Options) tooBig(what string, limit int64) string {
	return fmt.Sprintf("%s over %d MiB, the most an import of %s rows reads: split it into smaller files, or raise the limit (mopdeck import changes --max-rows)", what, limit>>20, thousands(o.maxRows()))
}

// cellTooBig is the problem for one cell over maxCell.
func cellTooBig(n int) string {
	return fmt.Sprintf("this cell holds %.1f MiB, more than the %d MiB a cell may hold: shorten it, or keep long text in a document and link to it", float64(n)/(1<<20), maxCell>>20)
}

// thousands writes 200000 as "200,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
