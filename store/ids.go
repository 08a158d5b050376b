package store

import (
	bolt "go.etcd.io/bbolt"
)

// maxID is the highest project, record or history number the store hands
// out or accepts: 2^53−1, the largest integer that a JSON reader keeping
// numbers as doubles (JavaScript, jq, spreadsheets) reads back exactly.
// bbolt's counters are 64-bit and wrap to 0 past 2^64−1 without a word,
// after which every number handed out is one that exists: a write would
// silently replace another record.
const maxID = 1<<53 - 1

// nextID is bbolt's NextSequence, refusing to go past maxID.
func nextID(b *bolt.Bucket, noun string) (uint64, error) {
	if seq := b.Sequence(); seq >= maxID {
		return 0, invalidf("no %s number is left (the counter is at %d): export the project with mopdeck export project and import it into a new database, which numbers it afresh; nothing was saved", noun, seq)
	}
	return b.NextSequence()
}

// raiseSequence sets b's counter to at least id, and never past maxID.
func raiseSequence(b *bolt.Bucket, id uint64, noun string) error {
	if id > maxID {
		return invalidf("%s number %d is beyond %d, the highest mopdeck gives; nothing was created", noun, id, uint64(maxID))
	}
	if b.Sequence() < id {
		return b.SetSequence(id)
	}
	return nil
}
