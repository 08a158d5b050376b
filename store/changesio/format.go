// Package changesio reads and writes change requests as CSV, XLSX and
// JSON, the way teams keep them in spreadsheets during Test and Train.
//
// Reading maps columns by their header, in English or French, whatever
// the case and the accents ("Complexité", "complexity"); it accepts the
// words of both languages for values (faible/moyenne/élevée,
// maintenant/plus tard/rejeté). It is all or nothing: any bad row makes
// the whole file refused, with every problem as "file:line: column:
// message". Text is sanitised as it enters. Writing escapes cells a
// spreadsheet would run as formulas, and reading undoes that escape, so a
// round trip gives back what was written.
package changesio

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is a file format for change requests.
type Format string

const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
	JSON Format = "json"
)

// Formats lists the formats in the order help texts show them.
var Formats = []Format{CSV, XLSX, JSON}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case CSV, XLSX, JSON:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q: use csv, xlsx or json", s)
}

// FormatOf picks a format from a file name's extension; ok is false for
// an extension it does not know.
func FormatOf(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt", ".tsv":
		return CSV, true
	case ".xlsx", ".xlsm":
		return XLSX, true
	case ".json":
		return JSON, true
	}
	return "", false
}
