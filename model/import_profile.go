package model

// ImportProfile is a saved way to read one tool's exports: which column
// holds which field, which of its words mean which value, and how its
// dates and sheets are laid out. `mopdeck import changes --profile NAME`
// saves the mapping flags under NAME and applies them next time, so the
// next export from the same tool imports with no flags.
type ImportProfile struct {
	Name string `json:"name"`
	// Columns maps a header, as written, to a field name ("title",
	// "ignore"…).
	Columns map[string]string `json:"columns,omitempty"`
	// Values maps a field name to the source's words and the value each
	// stands for ("status" → "Selected for Tech Check" → "triaged").
	Values map[string]map[string]string `json:"values,omitempty"`
	// DateOrder is "dmy", "mdy" or empty.
	DateOrder string `json:"date_order,omitempty"`
	// Sheet and HeaderRow locate the table in a workbook.
	Sheet     string `json:"sheet,omitempty"`
	HeaderRow int    `json:"header_row,omitempty"`
}

// Empty tells whether the profile says nothing.
func (p ImportProfile) Empty() bool {
	return len(p.Columns) == 0 && len(p.Values) == 0 && p.DateOrder == "" && p.Sheet == "" && p.HeaderRow == 0
}

// Merge lays q over p: q's entries win, p's others stay.
func (p ImportProfile) Merge(q ImportProfile) ImportProfile {
	out := ImportProfile{Name: p.Name, DateOrder: p.DateOrder, Sheet: p.Sheet, HeaderRow: p.HeaderRow,
		Columns: map[string]string{}, Values: map[string]map[string]string{}}
	for k, v := range p.Columns {
		out.Columns[k] = v
	}
	for k, v := range q.Columns {
		out.Columns[k] = v
	}
	for _, src := range []map[string]map[string]string{p.Values, q.Values} {
		for f, m := range src {
			if out.Values[f] == nil {
				out.Values[f] = map[string]string{}
			}
			for k, v := range m {
				out.Values[f][k] = v
			}
		}
	}
	if q.DateOrder != "" {
		out.DateOrder = q.DateOrder
	}
	if q.Sheet != "" {
		out.Sheet = q.Sheet
	}
	if q.HeaderRow != 0 {
		out.HeaderRow = q.HeaderRow
	}
	if len(out.Columns) == 0 {
		out.Columns = nil
	}
	if len(out.Values) == 0 {
		out.Values = nil
	}
	return out
}
