package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// migrateCellsToSets upgrades schema 2 to 3: a RACI cell holds a set of
// letters, stored as a string ("AR"), where schema 2 stored one letter as
// its character code (65 for A). Every cell is rewritten, and so is
// every cell a history entry holds — the before and after of a cell's
// edit, and the cells a delete or a batch carries in its cascade — so
// that undo, which writes those bytes back and compares them with what is
// stored, works across the upgrade. A record that does not read stops
// the upgrade: nothing is changed.
func migrateCellsToSets(tx *bolt.Tx) error {
	root := tx.Bucket(bucketProjects)
	if root == nil {
		return nil
	}
	pids, err := projectKeys(root)
	if err != nil {
		return err
	}
	for _, k := range pids {
		pb := root.Bucket(k)
		if cb := pb.Bucket([]byte(KindCells)); cb != nil {
			err := rewriteChunked(cb, func(ck, v []byte) ([]byte, error) {
				out, err := cellAsSet(v)
				if err != nil {
					a, p, _ := splitCellKey(ck)
					return nil, fmt.Errorf("project %d, RACI cell (activity %d, person %d): %w", btoi(k), a, p, err)
				}
				return out, nil
			})
			if err != nil {
				return err
			}
		}
		if hb := pb.Bucket([]byte(kindHistory)); hb != nil {
			err := rewriteChunked(hb, func(hk, v []byte) ([]byte, error) {
				out, err := entryCellsAsSets(v)
				if err != nil {
					return nil, fmt.Errorf("project %d, history entry %d: %w", btoi(k), btoi(hk), err)
				}
				return out, nil
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// cellAsSet re-encodes a stored cell in today's layout. A cell already
// in it comes out byte for byte.
func cellAsSet(v []byte) ([]byte, error) {
	a, err := decode[model.Assignment](v)
	if err != nil {
		return nil, err
	}
	return encode(a)
}

// entryCellsAsSets rewrites the cells a stored history entry holds; an
// entry that holds none comes back unchanged, byte for byte.
func entryCellsAsSets(v []byte) ([]byte, error) {
	if !bytes.Contains(v, []byte(`"role":`)) {
		return v, nil
	}
	e, err := decode[model.HistoryEntry](v)
	if err != nil {
		return nil, err
	}
	changed := false
	conv := func(b json.RawMessage, kind string) (json.RawMessage, error) {
		if none(b) {
			return b, nil
		}
		out, err := storedCellsAsSets(b, kind)
		if err != nil {
			return nil, err
		}
		changed = changed || !bytes.Equal(out, b)
		return out, nil
	}
	if e.Before, err = conv(e.Before, e.Kind); err != nil {
		return nil, fmt.Errorf("before: %w", err)
	}
	if e.After, err = conv(e.After, e.Kind); err != nil {
		return nil, fmt.Errorf("after: %w", err)
	}
	if !changed {
		return v, nil
	}
	return encode(e)
}

// storedCellsAsSets rewrites one stored value of kind as history keeps
// it: the record itself when it is a cell, and the cells of its cascade.
func storedCellsAsSets(b []byte, kind string) ([]byte, error) {
	if !bytes.Contains(b, []byte(`"cascade"`)) {
		if kind != KindCells {
			return b, nil
		}
		return cellAsSet(b)
	}
	var env envelope[json.RawMessage]
	if err := json.Unmarshal(b, &env); err != nil {
		return nil, fmt.Errorf("does not decode: %w", err)
	}
	if kind == KindCells && !none(env.D) {
		var a model.Assignment
		if err := json.Unmarshal(env.D, &a); err != nil {
			return nil, err
		}
		d, err := json.Marshal(a)
		if err != nil {
			return nil, err
		}
		env.D = d
	}
	for i, it := range env.Cascade {
		if it.Kind != KindCells {
			continue
		}
		for _, side := range []*json.RawMessage{&env.Cascade[i].Before, &env.Cascade[i].After} {
			if none(*side) {
				continue
			}
			out, err := cellAsSet(*side)
			if err != nil {
				return nil, fmt.Errorf("cascade cell %x: %w", it.Key, err)
			}
			*side = out
		}
	}
	return json.Marshal(env)
}

// rewriteChunked puts back the values of b that convert changes, a
// chunk of keys at a time: a bbolt cursor must not walk on across a Put,
// and a whole bucket held at once would cost memory on a large project.
func rewriteChunked(b *bolt.Bucket, convert func(k, v []byte) ([]byte, error)) error {
	type entry struct{ k, v []byte }
	var after []byte // the last key read; nil before the first
	for {
		batch := make([]entry, 0, historyChunk)
		read := 0
		c := b.Cursor()
		k, v := c.First()
		if after != nil {
			if k, v = c.Seek(after); bytes.Equal(k, after) {
				k, v = c.Next()
			}
		}
		var last []byte
		for ; k != nil && read < historyChunk; k, v = c.Next() {
			if v == nil {
				continue
			}
			read++
			last = bytes.Clone(k)
			nv, err := convert(k, v)
			if err != nil {
				return err
			}
			if !bytes.Equal(nv, v) {
				batch = append(batch, entry{bytes.Clone(k), nv})
			}
		}
		done := k == nil
		for _, e := range batch {
			if err := b.Put(e.k, e.v); err != nil {
				return err
			}
		}
		if done || read == 0 {
			return nil
		}
		after = last
	}
}

// legacyCell tells whether a stored cell keeps its letter as schema 2
// did, a number, which the upgrade rewrites.
func legacyCell(v []byte) bool {
	var e envelope[struct {
		Role json.RawMessage `json:"role"`
	}]
	return json.Unmarshal(v, &e) == nil && len(e.D.Role) > 0 && e.D.Role[0] != '"'
}
