package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
	"mopdeck/store/legacy"
)

// migrateHistoryToRaw upgrades schema 1 to 2: every history entry of every
// project is rewritten from schema 1's layout, where Before and After
// (and those of the dependent records a Before carries) were base64
// strings of the stored bytes, to raw JSON. The stored bytes themselves
// are kept byte for byte, since undo writes them back and compares them.
func migrateHistoryToRaw(tx *bolt.Tx) error {
	root := tx.Bucket(bucketProjects)
	if root == nil {
		return nil
	}
	pids, err := projectKeys(root)
	if err != nil {
		return err
	}
	for _, k := range pids {
		hb := root.Bucket(k).Bucket([]byte(kindHistory))
		if hb == nil {
			continue
		}
		if err := rewriteHistory(hb); err != nil {
			return fmt.Errorf("project %d, %w", btoi(k), err)
		}
	}
	return nil
}

// historyChunk is how many entries are converted between two cursor
// walks: bbolt cursors must not walk on across a Put, and a whole history
// held at once would cost memory on a project with a large import.
const historyChunk = 1024

// rewriteHistory converts one project's history in place.
func rewriteHistory(hb *bolt.Bucket) error {
	type entry struct{ k, v []byte }
	var after []byte // the last key converted; nil before the first
	for {
		batch := make([]entry, 0, historyChunk)
		c := hb.Cursor()
		k, v := c.First()
		if after != nil {
			if k, v = c.Seek(after); bytes.Equal(k, after) {
				k, v = c.Next()
			}
		}
		for ; k != nil && len(batch) < historyChunk; k, v = c.Next() {
			if v == nil {
				continue
			}
			nv, err := convertEntry(k, v)
			if err != nil {
				return err
			}
			batch = append(batch, entry{bytes.Clone(k), nv})
		}
		done := k == nil
		for _, e := range batch {
			if err := hb.Put(e.k, e.v); err != nil {
				return err
			}
		}
		if done || len(batch) == 0 {
			return nil
		}
		after = batch[len(batch)-1].k
	}
}

// convertEntry reads a schema 1 history entry and encodes it in today's
// layout.
func convertEntry(k, v []byte) ([]byte, error) {
	e, err := decode[model.HistoryEntry](v)
	if err != nil {
		return nil, fmt.Errorf("history entry %d: %w", btoi(k), err)
	}
	if err := legacy.Convert(&e); err != nil {
		return nil, err
	}
	return encode(e)
}

// projectKeys lists the keys of the projects bucket's projects, copied so
// that a migration may write while it goes through them.
func projectKeys(root *bolt.Bucket) ([][]byte, error) {
	var pids [][]byte
	err := root.ForEach(func(k, v []byte) error {
		if v == nil {
			pids = append(pids, bytes.Clone(k))
		}
		return nil
	})
	return pids, err
}
