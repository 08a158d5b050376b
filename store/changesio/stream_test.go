package changesio

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"mopdeck/model"
)

// streamCases are requests whose text and numbers take every path of the
// hand-written JSON encoder: HTML characters, controls, invalid UTF-8,
// line and paragraph separators, quotes, tiny and large estimates.
func streamCases() ([]model.ChangeRequest, Export) {
	phases := []model.Phase{{ID: 3, Name: "Test <UAT> & \"go\""}, {ID: 4, Name: "Build"}}
	texts := []string{
		"", "plain", "=SUM(A1)", "+33 1 23", "-minus", "@mention", "<b>bold</b> & co", "quote \" back \\ slash",
		"tab\tnew\nline\rcr\bbs\fff", "\x00\x01\x1f\x7f del", "bad \xff utf8 \xc3", "sep \u2028 \u2029 end",
		"accents é à ü 日本語 🎉", "bidi \u202e evil", strings.Repeat("long ", 400),
	}
	estimates := []float64{0, 0.5, 1, 1.25, 40, 10000, 1e-7, 0.000001, 123456.789, 3.0000000000000004}
	var crs []model.ChangeRequest
	base := time.Date(2026, 3, 4, 5, 6, 7, 891011121, time.FixedZone("CET", 3600))
	for i, t := range texts {
		crs = append(crs, model.ChangeRequest{
			ID: uint64(i + 1), Title: "T " + t, Description: t, RaisedBy: t, RaisedIn: uint64(i % 5),
			CreatedAt: base.Add(time.Duration(i) * time.Hour), Area: model.Areas[i%len(model.Areas)],
			Impact: i % 6, Complexity: model.Complexity(i % 4), EstimateHrs: estimates[i%len(estimates)],
			Decision: model.Decision(i % 4), Status: model.CRStatus(i % 7), Assignee: t, SourceKey: t,
		})
		if i%3 == 0 {
			crs[i].Area, crs[i].AreaText = model.AreaOther, "Matériel > "+t
		}
	}
	crs = append(crs, model.ChangeRequest{ID: 1 << 40, Title: "no date"})
	return crs, Export{Project: "Acme <MRM> & \u2028 \xff", Phases: phases}
}

func from(crs []model.ChangeRequest) Each {
	return func(add func(model.ChangeRequest) error) error {
		for _, c := range crs {
			if err := add(c); err != nil {
				return err
			}
		}
		return nil
	}
}

// The streamed CSV and JSON are byte for byte what Write writes, with a
// project name or without, with requests or none.
// The hand-built JSON stream is what encoding/json writes (WriteJSON is
// the reference); CSV and XLSX have one encoder, the streaming one.
func TestStreamWritesWhatWriteWrites(t *testing.T) {
	crs, x := streamCases()
	for _, format := range []Format{JSON} {
		for _, n := range []int{0, 1, len(crs)} {
			for _, project := range []string{x.Project, ""} {
				x := Export{Project: project, Phases: x.Phases}
				var want, got bytes.Buffer
				if err := Write(&want, format, crs[:n], x); err != nil {
					t.Fatal(err)
				}
				if err := WriteStream(&got, format, x, from(crs[:n])); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("%s, %d requests, project %q: the stream differs from Write\n got: %q\nwant: %q",
						format, n, project, firstDiff(got.String(), want.String()), firstDiff(want.String(), got.String()))
				}
			}
		}
	}
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(0, i-40):min(len(a), i+60)]
}

// The array and the single object are the export's objects.
func TestJSONArrayAndObjectAreTheExportsObjects(t *testing.T) {
	crs, x := streamCases()
	var doc, arr, one bytes.Buffer
	if err := WriteJSON(&doc, crs, Export{Phases: x.Phases}); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSONArray(&arr, x, from(crs)); err != nil {
		t.Fatal(err)
	}
	// The document's array, moved two spaces left, is the bare array.
	d := doc.String()
	inner := d[strings.Index(d, "[") : strings.LastIndex(d, "]")+1]
	if want := strings.ReplaceAll(inner, "\n  ", "\n") + "\n"; arr.String() != want {
		t.Errorf("array differs from the export's changes:\n%s", firstDiff(arr.String(), want))
	}
	if err := WriteJSONObject(&one, crs[6], x); err != nil {
		t.Fatal(err)
	}
	var single bytes.Buffer
	if err := WriteJSON(&single, crs[6:7], Export{Phases: x.Phases}); err != nil {
		t.Fatal(err)
	}
	s := single.String()
	obj := s[strings.Index(s, "    {") : strings.LastIndex(s, "}\n  ]")+1]
	if want := strings.ReplaceAll(strings.TrimPrefix(obj, "    "), "\n    ", "\n") + "\n"; one.String() != want {
		t.Errorf("object differs from the export's:\n%s\nwant\n%s", one.String(), want)
	}
	var empty bytes.Buffer
	if err := WriteJSONArray(&empty, x, from(nil)); err != nil || empty.String() != "[]\n" {
		t.Errorf("empty array: %q, %v", empty.String(), err)
	}
}

// countingWriter records how many requests had been handed over when the
// first bytes arrived.
type countingWriter struct {
	handed, firstAt int
	n               int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	if w.n == 0 {
		w.firstAt = w.handed
	}
	w.n += len(p)
	return len(p), nil
}

// Bytes leave while requests are still coming: the writer holds a buffer,
// not the document.
func TestStreamWritesAsItGoes(t *testing.T) {
	const total = 5000
	for _, format := range []Format{CSV, JSON} {
		w := &countingWriter{}
		err := WriteStream(w, format, Export{Project: "P"}, func(add func(model.ChangeRequest) error) error {
			for i := range total {
				w.handed++
				if err := add(model.ChangeRequest{ID: uint64(i + 1), Title: fmt.Sprintf("Request %d with some words in it", i)}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if w.firstAt == 0 || w.firstAt >= total/2 {
			t.Errorf("%s: first bytes written after %d of %d requests; want early", format, w.firstAt, total)
		}
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write(p []byte) (int, error) { return 0, w.err }

// A writer's error (a full disk, a closed pipe) stops the walk and comes
// back as it is; so does an error of the walk itself.
func TestStreamStopsOnErrors(t *testing.T) {
	full := errors.New("no space left on device")
	many := make([]model.ChangeRequest, 20000)
	for i := range many {
		many[i] = model.ChangeRequest{ID: uint64(i + 1), Title: "a title long enough to fill buffers"}
	}
	for _, format := range []Format{CSV, JSON, XLSX} {
		handed := 0
		err := WriteStream(failingWriter{full}, format, Export{}, func(add func(model.ChangeRequest) error) error {
			for _, c := range many {
				handed++
				if err := add(c); err != nil {
					return err
				}
			}
			return nil
		})
		if !errors.Is(err, full) {
			t.Errorf("%s: %v, want the writer's error", format, err)
		}
		if format != XLSX && handed == len(many) {
			t.Errorf("%s: every request was handed over after the writer failed", format)
		}
		walk := errors.New("the file is damaged")
		err = WriteStream(&bytes.Buffer{}, format, Export{}, func(func(model.ChangeRequest) error) error { return walk })
		if !errors.Is(err, walk) {
			t.Errorf("%s: %v, want the walk's error", format, err)
		}
	}
}
