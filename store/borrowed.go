package store

// Borrowed returns a handle on the same open database whose Close does
// nothing: the process that holds the file lends it to commands run for
// others (over SSH, through the owner's socket), and a command closing
// "its" store when it is done must not close the file under every other
// session. Guarded and Recording handles made from it stay borrowed.
func (s *Store) Borrowed() *Store {
	h := *s
	h.borrowed = true
	return &h
}
