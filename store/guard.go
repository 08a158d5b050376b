package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

// guarded runs fn turning panics (and memory faults on the mapped file)
// into ErrDamaged. It is for the code that reads bytes nobody checked yet:
// bbolt's open, the verification of meta, the upgrade and Check, where
// bbolt panics rather than errors on some damaged pages.
func guarded(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			// The runtime's words (slice bounds, nil map) mean nothing
			// to a reader; what they found does.
			err = damagedErr(path, errors.New("bbolt stopped on a page it cannot read (the file is truncated or overwritten)"))
		}
	}()
	return fn()
}

// txGuarded runs one of mopdeck's own transactions. By then the open has
// walked every page, so a panic is a bug of mopdeck's (an edit function, a
// codec) and becomes ErrInternal: calling it damage would send the user to
// their backups for nothing. A memory fault on the mapped file (the file
// shrank or the disk failed under us) is still damage. bbolt rolls the
// transaction back as the panic passes, so nothing was written.
func txGuarded(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if isFault(r) {
			err = damagedErr(path, fmt.Errorf("panic: %v", r))
			return
		}
		err = &internalError{cause: oneLine(fmt.Sprint(r)), at: panicSite()}
	}()
	return fn()
}

// isFault tells a memory fault, which SetPanicOnFault turns into a
// runtime.Error carrying the faulting address, from other panics: a nil
// dereference or an index out of range has no address.
func isFault(r any) bool {
	re, ok := r.(runtime.Error)
	if !ok {
		return false
	}
	_, ok = re.(interface{ Addr() uintptr })
	return ok
}

// panicSite names the function that panicked, with its file and line,
// for the bug report. It is called from the deferred recover, which runs
// on top of the panicking frames.
func panicSite() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(f.Function, "runtime."):
			return fmt.Sprintf("%s, %s:%d", f.Function, filepath.Base(f.File), f.Line)
		}
		if !more {
			return ""
		}
	}
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return truncate(s, 200)
}
