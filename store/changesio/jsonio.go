package changesio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
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
			RaisedIn: names[c.RaisedIn], CreatedAt: createdText(c.CreatedAt), Area: string(c.Area), Impact: c.Impact,
			Complexity: c.Complexity.String(), Estimate: c.EstimateHrs, Decision: c.Decision.String(),
			Status: c.Status.String(), Assignee: c.Assignee, Quadrant: model.QuadrantOf(c).String(),
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// ReadJSON reads change requests from the JSON export document, or from a
// bare array of objects keyed like the CSV headers.
func ReadJSON(data []byte, name string, opt Options) *Result {
	res := &Result{File: name, Format: JSON}
	lineAt := lineCounter(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	fail := func(err error) *Result {
		res.Problems = append(res.Problems, Problem{File: name, Line: lineAt(dec.InputOffset()),
			Message: fmt.Sprintf("the JSON does not read (%v): it should be a mopdeck export or an array of objects", err)})
		return res
	}
	type record struct {
		line   int
		fields map[string]any
	}
	var recs []record
	readArray := func() error {
		if t, err := dec.Token(); err != nil {
			return err
		} else if t != json.Delim('[') {
			return fmt.Errorf("expected an array of change requests, found %v", t)
		}
		for dec.More() {
			line := lineAt(skipSpace(data, dec.InputOffset()))
			var m map[string]any
			if err := dec.Decode(&m); err != nil {
				return err
			}
			recs = append(recs, record{line, m})
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
			case "changes":
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
		switch {
		case format == "mopdeck-project":
			res.refuse("this is a whole-project bundle, not a list of change requests: use mopdeck import project %s", name)
			return res
		case format != "" && format != jsonFormat:
			res.refuse("this JSON is a %q document, not mopdeck change requests", clip(format))
			return res
		case version > jsonVersion:
			res.refuse("this export was written by a newer mopdeck (version %d > %d): upgrade mopdeck to import it", version, jsonVersion)
			return res
		}
	default:
		res.refuse("this is not JSON (it should start with [ or {): check the file, or give a CSV file the .csv extension")
		return res
	}

	conv := newConverter(res, opt)
	unknown := map[string]bool{}
	cells := make([]cell, 0, 16)
	for _, r := range recs {
		cells = cells[:0]
		title := false
		for k, v := range r.fields {
			f := headerNames[fold(k)]
			switch f {
			case fieldNone:
				unknown[k] = true
				continue
			case fieldRef, fieldDerived:
				continue
			case fieldTitle:
				title = true
			}
			cells = append(cells, cell{column{f: f, name: k}, jsonText(v)})
		}
		if !title {
			if !res.add(Problem{File: name, Line: r.line, Column: "title", Message: "this record has no title: every request needs one"}) {
				break
			}
			continue
		}
		// Map order is random: sort so problems come in column order.
		slices.SortFunc(cells, func(a, b cell) int { return int(a.col.f) - int(b.col.f) })
		if !conv.row(cells, r.line) {
			break
		}
	}
	for k := range unknown {
		res.Ignored = append(res.Ignored, k)
	}
	slices.Sort(res.Ignored)
	return res
}

// jsonText turns a JSON value into the text a cell would hold.
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
	}
	b, _ := json.Marshal(v)
	return string(b)
}

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
