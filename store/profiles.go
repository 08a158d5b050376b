package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// Import profiles live in their own top-level bucket, beside the
// projects: a profile describes another tool's exports, which any project
// may import. Keys are the folded profile name, values the profile as
// JSON. The bucket is made by the first profile saved.
var bucketProfiles = []byte("import-profiles")

// profileKey folds a profile name so that "Jira" and " jira " are one.
func profileKey(name string) ([]byte, error) {
	k := model.FoldWord(name)
	if k == "" {
		return nil, invalidf("a profile needs a name with letters or digits, such as jira or glpi")
	}
	if len(k) > 100 {
		return nil, invalidf("profile name %q is too long: keep it under 100 characters", truncate(name, 40))
	}
	return []byte(k), nil
}

// ImportProfile returns the saved profile of that name; ok is false when
// there is none.
func (s *Store) ImportProfile(name string) (p model.ImportProfile, ok bool, err error) {
	key, err := profileKey(name)
	if err != nil {
		return p, false, err
	}
	err = s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketProfiles)
		if b == nil {
			return nil
		}
		v := b.Get(key)
		if v == nil {
			return nil
		}
		if err := json.Unmarshal(v, &p); err != nil {
			return damagedErr(s.path, fmt.Errorf("import profile %q: %w", key, err))
		}
		ok = true
		return nil
	})
	return p, ok, err
}

// SaveImportProfile stores a profile under its name, replacing one of the
// same name. Profiles are not project records: saving one writes no
// history and sends no event.
func (s *Store) SaveImportProfile(p model.ImportProfile) error {
	key, err := profileKey(p.Name)
	if err != nil {
		return err
	}
	p.Name = strings.TrimSpace(model.SanitizeLine(p.Name))
	v, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketProfiles)
		if err != nil {
			return err
		}
		if cur := b.Get(key); cur != nil && string(cur) == string(v) {
			return errNoop
		}
		return b.Put(key, v)
	})
}

// ImportProfiles lists the saved profiles' names, sorted.
func (s *Store) ImportProfiles() ([]string, error) {
	var names []string
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketProfiles)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var p model.ImportProfile
			if json.Unmarshal(v, &p) == nil && p.Name != "" {
				names = append(names, p.Name)
			} else {
				names = append(names, string(k))
			}
			return nil
		})
	})
	sort.Strings(names)
	return names, err
}
