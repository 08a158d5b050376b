package changesio

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"mopdeck/model"
)

// JSON exports are one object: {"format":"mopdeck-changes","version":1,
// "project":…, "changes":[…]}, each change with its words spelled out
// ("decision":"now") so that scripts need no table of codes.
const (
	jsonFormat  = "mopdeck-changes"
	jsonVersion = 1
)

type jsonChange struct {
	ID          uint64  `json:"id"`
	Ref         string  `json:"ref"`
	Title       string  `json:"title"`
	Description string  `json:"description"`
	RaisedBy    string  `json:"raised_by"`
	RaisedIn    string  `json:"raised_in"`
	CreatedAt   string  `json:"created_at"`
	Area        string  `json:"area"`
	Impact      int     `json:"impact"`
	Complexity  string  `json:"complexity"`
	Estimate    float64 `json:"estimate_hours"`
	Decision    string  `json:"decision"`
	Status      string  `json:"status"`
	Assignee    string  `json:"assignee"`
	SourceKey   string  `json:"source_key"`
	Quadrant    string  `json:"quadrant"`
}

type jsonDoc struct {
	Format  string       `json:"format"`
	Version int          `json:"version"`
	Project string       `json:"project,omitempty"`
	Changes []jsonChange `json:"changes"`
}

// WriteJSON writes change requests as the JSON export document.
func WriteJSON(w io.Writer, crs []model.ChangeRequest, x Export) error {
	doc := jsonDoc{Format: jsonFormat, Version: jsonVersion, Project: x.Project, Changes: make([]jsonChange, len(crs))}
	names := x.phaseNames()
	for i, c := range crs {
		doc.Changes[i] = jsonChange{
			ID: c.ID, Ref: c.Ref(), Title: c.Title, Description: c.Description, RaisedBy: c.RaisedBy,
			RaisedIn: names[c.RaisedIn], CreatedAt: createdText(c.CreatedAt), Area: c.AreaLabel(), Impact: c.Impact,
			Complexity: c.Complexity.String(), Estimate: c.EstimateHrs, Decision: c.Decision.String(),
			Status: c.Status.String(), Assignee: c.Assignee, SourceKey: c.SourceKey, Quadrant: model.QuadrantOf(c).String(),
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// ReadJSON reads change requests from the JSON export document, or from a
// bare array of objects keyed like the CSV headers. Records are converted
// as they are decoded, and decoding stops at the row cap, so memory holds
// the file and the requests, never every record besides.
func ReadJSON(data []byte, name string, opt Options) *Result {
	res := &Result{File: name, Format: JSON}
	data, note, err := decodeAll(data, opt.Encoding)
	if err != nil {
		var enc *encodingError
		if errors.As(err, &enc) {
			res.add(enc.problem(name))
		} else {
			res.refuse("%v", err)
		}
		return res
	}
	lineAt := lineCounter(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	conv := newConverter(res, opt)
	fail := func(err error) *Result {
		if !errors.Is(err, errStop) {
			line := lineAt(dec.InputOffset())
			conv.pr.whole(loc{row: line, line: line, col: -1},
				fmt.Sprintf("the JSON does not read (%v): it should be a mopdeck export or an array of objects", err))
		}
		conv.finish()
		return res
	}
	unknown := map[string]bool{}
	records, max := 0, opt.maxRows()
	readArray := func() error {
		if t, err := dec.Token(); err != nil {
			return err
		} else if t != json.Delim('[') {
			return fmt.Errorf("expected an array of change requests, found %v", t)
		}
		for dec.More() {
			line := lineAt(skipSpace(data, dec.InputOffset()))
			if records++; records > max {
				conv.pr.whole(loc{}, opt.tooManyRows("the file holds"))
				return errStop
			}
			var m map[string]any
			if err := dec.Decode(&m); err != nil {
				return err
			}
			conv.record(m, line, unknown)
		}
		_, err := dec.Token()
		return err
	}
	start := skipSpace(data, 0)
	switch {
	case start < int64(len(data)) && data[start] == '[':
		if err := readArray(); err != nil {
			return fail(err)
		}
	case start < int64(len(data)) && data[start] == '{':
		dec.Token()
		var format string
		version := 0
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return fail(err)
			}
			switch t {
			case "changes", "issues", "value", "result", "data":
				// mopdeck's own export, and the lists that Jira's,
				// Azure DevOps', ServiceNow's and Asana's APIs answer.
				if err := readArray(); err != nil {
					return fail(err)
				}
			case "format":
				if err := dec.Decode(&format); err != nil {
					return fail(err)
				}
			case "version":
				if err := dec.Decode(&version); err != nil {
					return fail(err)
				}
			default:
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					return fail(err)
				}
			}
		}
		// The document's kind decides, wherever its key stands: what its
		// records said is moot when it is not a list of requests.
		refuse := func(format string, args ...any) *Result {
			res.Changes, res.Lines, res.Refs, res.locs, res.Problems, res.problems, unknown = nil, nil, nil, nil, nil, nil, nil
			res.Mapped, res.Notes = nil, nil
			res.refuse(format, args...)
			return res
		}
		switch {
		case format == "mopdeck-project":
			return refuse("this is a whole-project bundle, not a list of change requests: use mopdeck import project %s", name)
		case format != "" && format != jsonFormat:
			return refuse("this JSON is a %q document, not mopdeck change requests", clip(format))
		case version > jsonVersion:
			return refuse("this export was written by a newer mopdeck (version %d > %d): upgrade mopdeck to import it", version, jsonVersion)
		}
	default:
		res.refuse("this is not JSON (it should start with [ or {): check the file, or give a CSV file the .csv extension")
		return res
	}
	conv.finish()
	for k := range unknown {
		res.Ignored = append(res.Ignored, k)
	}
	slices.Sort(res.Ignored)
	if len(res.Problems) == 0 {
		res.note(note)
	}
	return res
}

// errStop ends decoding once the problems say enough.
var errStop = errors.New("stop")

// record converts one JSON record at line.
func (c *converter) record(fields map[string]any, line int, unknown map[string]bool) {
	fields = flatten(fields)
	cells := make([]cell, 0, len(fields))
	otherKey := false // a key that names the request better than "id"
	for k := range fields {
		if k != "id" && c.jsonField(k) == fieldKey {
			otherKey = true
		}
	}
	title := false
	fits := true
	at := loc{row: line, line: line, col: -1}
	var stopgaps []cell // see stopgapWords
	for k, v := range fields {
		if s, ok := v.(string); ok && len(s) > maxCell {
			fits = false
			c.pr.row(k, at, "cell too big", cellTooBig(len(s)))
			continue
		}
		f := c.jsonField(k)
		if f == fieldNone {
			if sf, ok := stopgapOf(k); ok {
				stopgaps = append(stopgaps, cell{column{f: sf, name: k, index: -1}, jsonText(v)})
				continue
			}
		}
		if f == fieldKey && otherKey && k == "id" {
			// mopdeck's "ref", Jira's "key", GitHub's "number": the
			// key people know, where "id" is a database's own.
			continue
		}
		switch f {
		case fieldNone:
			unknown[k] = true
			continue
		case fieldDerived, fieldIgnored:
			continue
		case fieldTitle:
			title = true
		}
		cells = append(cells, cell{column{f: f, name: k, index: -1}, jsonText(v)})
	}
	if !fits {
		return
	}
	slices.SortFunc(stopgaps, func(a, b cell) int { return cmp.Compare(a.col.name, b.col.name) })
	for _, sg := range stopgaps {
		if slices.ContainsFunc(cells, func(x cell) bool { return x.col.f == sg.col.f }) {
			continue // the field's own key gives it
		}
		cells = append(cells, sg)
		title = title || sg.col.f == fieldTitle
		c.h.has[sg.col.f], c.res.has[sg.col.f] = true, true
	}
	if !title {
		c.pr.row("title", at, "no title", "this record has no title: every request needs one")
		return
	}
	// Map order is random: sort so that problems come in column order,
	// and two keys for one field ("title" and "summary") give the same
	// result on every run.
	slices.SortFunc(cells, func(a, b cell) int {
		return cmp.Or(cmp.Compare(a.col.f, b.col.f), cmp.Compare(a.col.name, b.col.name))
	})
	c.row(cells, at)
}

// jsonField is the field a record's key maps to, cached.
func (c *converter) jsonField(k string) field {
	f, seen := c.jsonKeys[k]
	if !seen {
		f = fieldOf(k, c.opt.Mapping)
		c.jsonKeys[k] = f
		if f != fieldNone && f != fieldIgnored && f != fieldDerived {
			c.h.has[f] = true
			c.res.has[f] = true
		}
	}
	return f
}

// flatten lifts the values that REST APIs keep under "fields" (Jira's
// issues, Azure DevOps' work items) to the record's level, beside its
// key; a value the record has at its own level stays.
func flatten(record map[string]any) map[string]any {
	inner, ok := record["fields"].(map[string]any)
	if !ok {
		return record
	}
	out := make(map[string]any, len(record)+len(inner))
	for k, v := range inner {
		out[k] = v
	}
	for k, v := range record {
		if k != "fields" {
			out[k] = v
		}
	}
	return out
}

// jsonText turns a JSON value into the text a cell would hold. Tools'
// JSON nests what a sheet has in one cell: a person or a status is an
// object (GitHub's "author": {"login", "name"}, Jira's "reporter":
// {"displayName"}, ServiceNow's {"display_value"}), several of them an
// array ("assignees"). Those read as the name they carry, a list as its
// names joined with commas; an object with no name reads as its JSON.
func jsonText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case map[string]any:
		for _, k := range nameKeys {
			if s, ok := x[k].(string); ok && strings.TrimSpace(s) != "" {
				return s
			}
		}
	case []any:
		names := make([]string, 0, len(x))
		for _, e := range x {
			if s := strings.TrimSpace(jsonText(e)); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// nameKeys are the keys that name what a tool's JSON object stands for,
// the most readable first: a person's full name before their login.
var nameKeys = []string{"displayName", "display_value", "name", "fullName", "login", "username",
	"emailAddress", "email", "value", "title", "key"}

// lineCounter returns a function from byte offset to line number. Calls
// with growing offsets (the usual case) count only the bytes in between.
func lineCounter(data []byte) func(int64) int {
	var at int64
	line := 1
	return func(off int64) int {
		off = min(max(off, 0), int64(len(data)))
		if off < at {
			at, line = 0, 1
		}
		line += bytes.Count(data[at:off], []byte{'\n'})
		at = off
		return line
	}
}

func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
			continue
		}
		break
	}
	return off
}

// createdText is how exports write a creation time: UTC, to the
// nanosecond, so that an import gives back the same instant.
func createdText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
