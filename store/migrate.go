package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// migrations[n] upgrades a schema n file to n+1. upgrade runs every step
// a file needs in one transaction, after copying the file aside: all the
// steps commit, or the file stays as it was.
var migrations = map[int]func(tx *bolt.Tx) error{
	1: migrateHistoryToRaw,
	2: migrateCellsToSets,
}

// upgrade brings an older file to the current schema and makes sure the
// projects bucket exists. It writes only when something is missing. Before
// a schema migration it copies the file aside, byte for byte, and returns
// the copy's path: whatever a migration gets wrong, the original is kept.
func upgrade(path string, db *bolt.DB, schema int) (backup string, err error) {
	need := schema < currentSchema
	if !need {
		_ = db.View(func(tx *bolt.Tx) error {
			need = tx.Bucket(bucketProjects) == nil
			return nil
		})
	}
	if !need {
		return "", nil
	}
	for v := schema; v < currentSchema; v++ {
		if migrations[v] == nil {
			return "", fmt.Errorf("%s has schema %d and this mopdeck cannot upgrade it (no step from %d): use the mopdeck that wrote it; the file was not changed", path, schema, v)
		}
	}
	if schema < currentSchema {
		// The exclusive lock is held and nothing was written yet: the
		// bytes on disk are the original file.
		if backup, err = copyAside(path, schema); err != nil {
			return "", err
		}
	}
	err = guarded(path, func() error {
		return db.Update(func(tx *bolt.Tx) error {
			for v := schema; v < currentSchema; v++ {
				if err := migrations[v](tx); err != nil {
					return fmt.Errorf("cannot upgrade %s from schema %d: %w; the file was not changed", path, v, err)
				}
			}
			if _, err := tx.CreateBucketIfNotExists(bucketProjects); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(currentSchema)))
		})
	})
	if err != nil {
		// The transaction rolled back: the file is the original and the
		// copy would only be clutter.
		if backup != "" {
			os.Remove(backup)
		}
		return "", writeErr(path, err)
	}
	return backup, nil
}

// copyAside copies the file at path to a new file beside it, named after
// the schema it holds (mopdeck.db.schema1.bak, then .schema1.2.bak…), and
// syncs the copy and its folder to disk before anything is migrated.
func copyAside(path string, schema int) (string, error) {
	fail := func(err error) (string, error) {
		return "", fmt.Errorf("cannot copy %s aside before upgrading it from schema %d: %w; free some space or make its folder writable, then retry (the file was not changed)", path, schema, err)
	}
	src, err := os.Open(path)
	if err != nil {
		return fail(err)
	}
	defer src.Close()
	var dst *os.File
	var name string
	for i := 1; dst == nil; i++ {
		name = fmt.Sprintf("%s.schema%d.bak", path, schema)
		if i > 1 {
			name = fmt.Sprintf("%s.schema%d.%d.bak", path, schema, i)
		}
		dst, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) && i < 100 {
			continue
		}
		if err != nil {
			return fail(err)
		}
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return fail(err)
	}
	if dir, err := os.Open(filepath.Dir(path)); err == nil {
		dir.Sync()
		dir.Close()
	}
	return name, nil
}
