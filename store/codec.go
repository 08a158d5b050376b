package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"unsafe"

	"mopdeck/model"
)

// Kinds name the nested buckets of a project and HistoryEntry.Kind.
const (
	KindProject    = model.KindProject
	KindPhases     = model.KindPhases
	KindChanges    = model.KindChanges
	KindPeople     = model.KindPeople
	KindActivities = model.KindActivities
	KindCells      = model.KindCells
	KindDocs       = model.KindDocs
	KindChecklists = model.KindChecklists
	kindHistory    = "history"
)

// Kinds lists the record kinds in the order a project is loaded.
var Kinds = []string{KindProject, KindPhases, KindChanges, KindPeople, KindActivities, KindCells, KindDocs, KindChecklists}

// History actions.
const (
	ActionCreate = "create"
	ActionUpdate = "update"
	ActionDelete = "delete"
)

var (
	bucketMeta     = []byte("meta")
	bucketProjects = []byte("projects")
	keySchema      = []byte("schema")
	keyApp         = []byte("app")
	keyCreated     = []byte("created")
	keyProject     = []byte(KindProject)
)

// recordVersion is the version of the envelope and of the record shapes
// inside it. A record may evolve without a schema bump by reading older v.
// History entries changed the layout of Before and After with a schema
// bump instead (see migrate_history.go), so that an older mopdeck refuses
// the file rather than misreading every entry.
const recordVersion = 1

// envelope is how every value is stored: {"v":1,"d":<model JSON>}.
// Cascade appears only in HistoryEntry.Before of a delete that also changed
// or removed dependent records (a person's cells, the links to a phase):
// undo writes them back too.
type envelope[T any] struct {
	V       int           `json:"v"`
	D       T             `json:"d"`
	Cascade []cascadeItem `json:"cascade,omitempty"`
}

// cascadeItem is one dependent record a delete changed or removed: its
// stored bytes before and after, as raw JSON (After empty when it was
// removed, Before empty when a batch created it). Undo writes Before back
// only while the record still holds After, so a record edited since is
// left alone. Both are left out when empty: a JSON null would read back
// as the four bytes "null".
type cascadeItem struct {
	Kind   string          `json:"kind"`
	Key    []byte          `json:"key"`
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
}

// none tells whether a history value stands for no record: empty, or a
// JSON null written by hand into a bundle.
func none(b []byte) bool {
	return len(b) == 0 || string(b) == "null"
}

func encode[T any](v T) ([]byte, error) {
	b, err := json.Marshal(envelope[T]{V: recordVersion, D: v})
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return b, nil
}

// decode reads a stored value. The result shares no memory with b, so it
// stays valid after the transaction ends.
func decode[T any](b []byte) (T, error) {
	if _, ok := any((*T)(nil)).(*model.ChangeRequest); ok {
		// The hot record: read in one pass when it has the plain shape
		// (codec_change.go). T is model.ChangeRequest here.
		if c, v, ok := decodeChangeFast(b); ok && v >= 1 && v <= recordVersion {
			return *(*T)(unsafe.Pointer(&c)), nil
		}
	}
	return decodeJSON[T](b)
}

func decodeJSON[T any](b []byte) (T, error) {
	var e envelope[T]
	if err := json.Unmarshal(b, &e); err != nil {
		var zero T
		return zero, fmt.Errorf("record does not decode: %w", err)
	}
	if e.V < 1 || e.V > recordVersion {
		var zero T
		return zero, fmt.Errorf("record version %d is not one this mopdeck reads (1–%d)", e.V, recordVersion)
	}
	return e.D, nil
}

// splitCascade separates a stored record from the cascade list that a
// delete's history Before may carry. The record bytes are re-encoded
// without the list only when there is one.
func splitCascade(b []byte) (record []byte, cascade []cascadeItem, err error) {
	if !bytes.Contains(b, []byte(`"cascade"`)) {
		return b, nil, nil
	}
	var e envelope[json.RawMessage]
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, nil, fmt.Errorf("history entry does not decode: %w", err)
	}
	if len(e.Cascade) == 0 {
		return b, nil, nil
	}
	rec, err := json.Marshal(envelope[json.RawMessage]{V: e.V, D: e.D})
	if err != nil {
		return nil, nil, err
	}
	return rec, e.Cascade, nil
}

// withCascade adds a cascade list to a stored record's bytes.
func withCascade(b []byte, cascade []cascadeItem) ([]byte, error) {
	if len(cascade) == 0 {
		return b, nil
	}
	var e envelope[json.RawMessage]
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, err
	}
	e.Cascade = cascade
	return json.Marshal(e)
}

func itob(id uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

func btoi(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// CellKey is the key of a RACI cell: activity ID then person ID, both
// 8-byte big-endian, so a row's cells are adjacent.
func CellKey(activityID, personID uint64) []byte {
	b := make([]byte, 16)
	binary.BigEndian.PutUint64(b, activityID)
	binary.BigEndian.PutUint64(b[8:], personID)
	return b
}

func splitCellKey(k []byte) (activityID, personID uint64, ok bool) {
	if len(k) != 16 {
		return 0, 0, false
	}
	return binary.BigEndian.Uint64(k), binary.BigEndian.Uint64(k[8:]), true
}
