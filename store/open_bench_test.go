package store

import (
	"testing"

	"mopdeck/model"
)

// Benchmarks of what a one-shot command pays: opening a file at the
// stated size (10,000 requests) with and without the page walk, reading
// every request through the cursor (an export), and decoding one record.

func benchPath(b *testing.B) (string, uint64) {
	s, d := benchStore(b)
	path := s.Path()
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path, d.Project.ID
}

// BenchmarkOpenWalk10k is an open that walks every page: the first open
// after an unclean end, or of a file changed by another program.
func BenchmarkOpenWalk10k(b *testing.B) {
	path, _ := benchPath(b)
	for b.Loop() {
		forgetClean(path)
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkOpenReadOnly10k is the open of a read-only command (list,
// export, report) on a file mopdeck closed cleanly.
func BenchmarkOpenReadOnly10k(b *testing.B) {
	path, _ := benchPath(b)
	for b.Loop() {
		s, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkAddOne10k is what `mopdeck change add` does to the store: open,
// save one request with its history, close.
func BenchmarkAddOne10k(b *testing.B) {
	path, pid := benchPath(b)
	for b.Loop() {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.SaveChange(pid, model.ChangeRequest{Title: "one more"}, "bench"); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkEachChange10k(b *testing.B) {
	path, pid := benchPath(b)
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		n := 0
		if err := s.EachChange(pid, func(model.ChangeRequest) error { n++; return nil }); err != nil || n != 10000 {
			b.Fatal(n, err)
		}
	}
}

func BenchmarkDecodeChange(b *testing.B) {
	v, err := encode(bigProject().Changes[7])
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := decode[model.ChangeRequest](v); err != nil {
			b.Fatal(err)
		}
	}
}
