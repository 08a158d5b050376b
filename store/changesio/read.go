package changesio

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// maxJSON bounds a JSON file read whole into memory: decoding takes a few
// times its size. 100,000 change requests with full descriptions come to
// about 55 MiB; larger sets import as CSV, which streams.
const maxJSON = 64 << 20

// ReadFile reads change requests from a CSV, XLSX or JSON file, chosen by
// its extension (an unknown extension is read as CSV, whose checks refuse
// what is not text). The error is for a file that cannot be opened; what
// is wrong inside the file is in Result.Problems, and Result.Err sums it
// up. Nothing is written anywhere.
func ReadFile(path string, opt Options) (*Result, error) {
	name := filepath.Base(path)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w; check the path", path, unwrapPath(err))
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a folder: give the path of a .csv, .xlsx or .json file", path)
	}
	format, ok := FormatOf(path)
	if !ok {
		format = CSV
	}
	switch format {
	case XLSX:
		return ReadXLSX(path, name, opt), nil
	case JSON:
		if fi.Size() > maxJSON {
			res := &Result{File: name, Format: JSON}
			res.refuse("the file is over %d MiB, the most a JSON import reads: split it, or import it as CSV", maxJSON>>20)
			return res, nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
		}
		return ReadJSON(data, name, opt), nil
	}
	if limit := opt.maxText(); fi.Mode().IsRegular() && fi.Size() > limit {
		res := &Result{File: name, Format: CSV}
		res.refuse("%s", opt.tooBig("the file is", limit))
		return res, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w; check the path and its permissions", path, unwrapPath(err))
	}
	defer f.Close()
	if fi.Mode().IsRegular() {
		opt.size = fi.Size()
	}
	return ReadCSV(f, name, opt), nil
}

// Read reads change requests of a format from r (XLSX needs a file: use
// ReadFile).
func Read(r io.Reader, name string, format Format, opt Options) (*Result, error) {
	switch format {
	case CSV:
		return ReadCSV(r, name, opt), nil
	case JSON:
		data, err := io.ReadAll(io.LimitReader(r, maxJSON+1))
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", name, err)
		}
		if len(data) > maxJSON {
			res := &Result{File: name, Format: JSON}
			res.refuse("the file is over %d MiB, the most a JSON import reads: split it, or import it as CSV", maxJSON>>20)
			return res, nil
		}
		return ReadJSON(data, name, opt), nil
	}
	return nil, fmt.Errorf("reading %s from a stream is not supported: save it to a file first", format)
}
