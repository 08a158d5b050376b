package store

import "io/fs"

// missingFileError says in words that a file is not there, and still
// matches fs.ErrNotExist for callers that ask, without repeating the
// library's "file does not exist" after the sentence.
type missingFileError struct{ msg string }

func (e missingFileError) Error() string        { return e.msg }
func (e missingFileError) Is(target error) bool { return target == fs.ErrNotExist }
