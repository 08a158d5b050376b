package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// maxLinks is how many symbolic links in a row are followed, as Linux does.
const maxLinks = 40

// follow returns the file path leads to, following symbolic links until a
// file that is not one (or does not exist yet: a link may lead to a file
// to create), and whether it followed any. A link to an open descriptor
// (/dev/stdout, /dev/fd/1, /proc/self/fd/1 on Linux) is not followed: it
// names a file the shell opened, maybe as "pipe:[1234]", which only the
// descriptor reaches; fd tells the path is one.
func follow(path string) (target string, linked, fd bool, err error) {
	p := canonical(path)
	for hops := 0; ; hops++ {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return p, linked, false, nil // Stat reports what is wrong, if anything
		}
		if isDescriptor(p) {
			return p, linked, true, nil
		}
		if hops == maxLinks {
			return "", linked, false, fmt.Errorf("%s: too many symbolic links in a row (a loop?): give the file's own path", path)
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return "", linked, false, fmt.Errorf("cannot read the link %s: %w", p, unwrapPath(err))
		}
		if !filepath.IsAbs(dest) {
			// p's folder is resolved: dest is read from there, as the
			// kernel reads it, with its ".." and links in order.
			dest = filepath.Dir(p) + string(filepath.Separator) + dest
		}
		p, linked = canonical(dest), true
	}
}

// isDescriptor tells Linux's link to an open descriptor, /proc/PID/fd/N
// (where /dev/stdout and /dev/fd/N lead).
func isDescriptor(p string) bool {
	ok, _ := filepath.Match("/proc/*/fd/*", p)
	return ok
}

// canonical resolves p's folder as the kernel would (each link, then
// "..", in order, which cleaning the text first would get wrong) and
// keeps its last element as it is: that one may be a link to follow, or a
// file to create. A folder that cannot be resolved stays as written; the
// write then says what is wrong with it.
func canonical(p string) string {
	dir, base := splitRaw(p)
	if base == "" || base == "." || base == ".." {
		return p
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return p
	}
	return filepath.Join(real, base)
}

// splitRaw splits p at its last separator without cleaning it.
func splitRaw(p string) (dir, base string) {
	vol := len(filepath.VolumeName(p))
	i := len(p) - 1
	for i >= vol && !os.IsPathSeparator(p[i]) {
		i--
	}
	switch {
	case i < vol:
		return p[:vol] + ".", p[vol:]
	case i == vol:
		return p[:vol+1], p[vol+1:]
	}
	return p[:i], p[i+1:]
}

// isFolderName tells a path that can only name a folder ("out/", "..").
func isFolderName(p string) bool {
	_, base := splitRaw(p)
	return base == "" || base == "." || base == ".."
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
