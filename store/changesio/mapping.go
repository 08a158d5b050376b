package changesio

import (
	"fmt"
	"sort"
	"strings"

	"mopdeck/model"
)

// Mapping is what the user tells the importer where the vocabulary is not
// enough: which column holds which field (--map 'Column=field') and which
// source words mean which value (--map-value 'field:Source value=value').
// A profile saved in the database holds the same.
type Mapping struct {
	columns map[string]field             // folded header → field
	values  [numFields]map[string]string // folded source value → mopdeck's word
	profile model.ImportProfile          // the same, as written, to save
}

// NewMapping is an empty mapping.
func NewMapping() *Mapping {
	return &Mapping{columns: map[string]field{}}
}

// MappingFrom reads a saved profile.
func MappingFrom(p model.ImportProfile) (*Mapping, error) {
	m := NewMapping()
	cols := make([]string, 0, len(p.Columns))
	for c := range p.Columns {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	for _, c := range cols {
		if err := m.AddColumn(c + "=" + p.Columns[c]); err != nil {
			return nil, fmt.Errorf("profile %q: %w", p.Name, err)
		}
	}
	for f, vals := range p.Values {
		for from, to := range vals {
			if err := m.AddValue(f + ":" + from + "=" + to); err != nil {
				return nil, fmt.Errorf("profile %q: %w", p.Name, err)
			}
		}
	}
	m.profile.Name, m.profile.DateOrder, m.profile.Sheet, m.profile.HeaderRow = p.Name, p.DateOrder, p.Sheet, p.HeaderRow
	return m, nil
}

// Profile is the mapping as a profile to save.
func (m *Mapping) Profile() model.ImportProfile { return m.profile }

// Empty tells whether the mapping says nothing.
func (m *Mapping) Empty() bool { return m == nil || m.profile.Empty() }

// AddColumn reads --map 'Column=field'.
func (m *Mapping) AddColumn(spec string) error {
	col, name, ok := cutLast(spec, "=")
	col = strings.TrimSpace(col)
	if !ok || col == "" || strings.TrimSpace(name) == "" {
		return fmt.Errorf("--map %q: write it as 'Column=field', e.g. --map 'Short Description=title'", clip(spec))
	}
	f, err := parseField(name)
	if err != nil {
		return fmt.Errorf("--map %q: %w", clip(spec), err)
	}
	if f == fieldDerived {
		f = fieldIgnored
	}
	m.columns[foldHeader(col)] = f
	if m.profile.Columns == nil {
		m.profile.Columns = map[string]string{}
	}
	m.profile.Columns[col] = f.String()
	return nil
}

// AddValue reads --map-value 'field:Source value=value'. The value must
// be one the field takes (a phase is checked when the file is read).
func (m *Mapping) AddValue(spec string) error {
	name, rest, ok1 := strings.Cut(spec, ":")
	from, to, ok2 := cutLast(rest, "=")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if !ok1 || !ok2 || from == "" {
		return fmt.Errorf("--map-value %q: write it as 'field:Source value=value', e.g. --map-value 'status:Selected for Tech Check=triaged'", clip(spec))
	}
	f, err := parseField(name)
	if err != nil {
		return fmt.Errorf("--map-value %q: %w", clip(spec), err)
	}
	if err := checkMappedValue(f, to); err != nil {
		return fmt.Errorf("--map-value %q: %w", clip(spec), err)
	}
	if m.values[f] == nil {
		m.values[f] = map[string]string{}
	}
	m.values[f][fold(from)] = to
	if m.profile.Values == nil {
		m.profile.Values = map[string]map[string]string{}
	}
	if m.profile.Values[f.String()] == nil {
		m.profile.Values[f.String()] = map[string]string{}
	}
	m.profile.Values[f.String()][from] = to
	return nil
}

// checkMappedValue checks that a --map-value target is a value of f.
func checkMappedValue(f field, v string) error {
	var err error
	switch f {
	case fieldStatus, fieldStatusCategory:
		_, err = model.ParseStatus(v)
	case fieldDecision:
		_, err = model.ParseDecision(v)
	case fieldComplexity:
		_, err = model.ParseComplexity(v)
	case fieldImpact:
		_, err = model.ParseImpact(v)
	case fieldPriority:
		_, err = model.ParsePriority(v)
	case fieldEstimate:
		_, err = model.ParseEstimate(v)
	case fieldArea:
		if a, text := model.ParseArea(v); text != "" || (v != "" && a == "") {
			err = fmt.Errorf("%q is not an area: use data fields, workflow, security, reporting, integration or other", clip(v))
		}
	case fieldRaisedIn, fieldRaisedBy, fieldAssignee:
	default:
		err = fmt.Errorf("the %s column's values are kept as written: map statuses, decisions, ratings, areas, phases or people", f)
	}
	return err
}

// value replaces a cell's text by what the user mapped it to, if anything.
func (m *Mapping) value(f field, cell string) (string, bool) {
	if m == nil || m.values[f] == nil {
		return cell, false
	}
	v, ok := m.values[f][fold(cell)]
	if !ok {
		return cell, false
	}
	return v, true
}

// cutLast cuts s around the last sep: values may hold an = of their own
// on the left ("status:a=b=verified" maps "a=b").
func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}
