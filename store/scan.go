package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// scanFile walks the page structure of a bbolt file with plain reads
// before bbolt follows it through its memory map. bbolt trusts page
// numbers: a damaged page pointing back at its parent sends its cursor
// (and its own Check) into an endless loop or a fatal stack overflow,
// which no recover catches; a page number past the end faults. The scan
// keeps a set of visited pages and checks every offset, so it ends on any
// input. It returns the problems found, at most maxScanProblems.
//
// Layout read here (bbolt file format version 2, native byte order):
// page header = id u64, flags u16, count u16, overflow u32; meta at 16 =
// magic, version, pageSize, flags u32, root bucket (root pgid u64,
// sequence u64), freelist pgid, high-water pgid, txid, checksum u64.
func scanFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	sc := &scanner{f: f, size: fi.Size()}
	sc.run()
	return sc.problems, nil
}

const (
	maxScanProblems = 20
	pageHeaderSize  = 16
	elemSize        = 16
	branchFlag      = 0x01
	leafFlag        = 0x02
	metaFlag        = 0x04
	freelistFlag    = 0x10
	bucketLeafFlag  = 0x01
	noFreelist      = ^uint64(0)
	maxTreeDepth    = 64
	maxBucketDepth  = 32
)

var ne = binary.NativeEndian

type scanner struct {
	f        *os.File
	size     int64
	pageSize int64
	hwm      uint64
	seen     []bool
	problems []string
}

func (sc *scanner) add(format string, args ...any) {
	if len(sc.problems) < maxScanProblems {
		sc.problems = append(sc.problems, fmt.Sprintf(format, args...))
	}
}

type metaPage struct {
	pageSize, root, freelist, pgid, txid uint64
	ok                                   bool
}

func (sc *scanner) readMeta(off int64) metaPage {
	var b [pageHeaderSize + 64]byte
	if n, err := sc.f.ReadAt(b[:], off); n < len(b) && err != nil {
		return metaPage{}
	}
	m := b[pageHeaderSize:]
	if ne.Uint32(m[0:]) != 0xED0CDAED || ne.Uint32(m[4:]) != 2 {
		return metaPage{}
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != ne.Uint64(m[56:]) {
		return metaPage{}
	}
	return metaPage{
		pageSize: uint64(ne.Uint32(m[8:])), root: ne.Uint64(m[16:]), freelist: ne.Uint64(m[32:]),
		pgid: ne.Uint64(m[40:]), txid: ne.Uint64(m[48:]), ok: true,
	}
}

func (sc *scanner) run() {
	m0 := sc.readMeta(0)
	var m1 metaPage
	if m0.ok {
		m1 = sc.readMeta(int64(m0.pageSize))
	} else {
		for i := 0; i <= 14 && !m1.ok; i++ {
			m1 = sc.readMeta(1024 << i)
		}
	}
	m := m0
	if !m.ok || (m1.ok && m1.txid > m0.txid) {
		m = m1
	}
	if !m.ok {
		sc.add("both meta pages are invalid")
		return
	}
	if m.pageSize < 512 || m.pageSize > 1<<24 || m.pageSize&(m.pageSize-1) != 0 {
		sc.add("meta: page size %d is not a power of two between 512 and 16 MiB", m.pageSize)
		return
	}
	sc.pageSize = int64(m.pageSize)
	sc.hwm = m.pgid
	if sc.hwm < 2 || int64(sc.hwm) > sc.size/sc.pageSize {
		sc.add("meta: the file has %d pages but its meta counts %d (truncated?)", sc.size/sc.pageSize, sc.hwm)
		return
	}
	sc.seen = make([]bool, sc.hwm)
	sc.seen[0], sc.seen[1] = true, true
	if m.freelist != noFreelist {
		sc.freelist(m.freelist)
	}
	sc.tree(m.root, 0, 0)
}

// page reads page id with its overflow, after range and reuse checks.
func (sc *scanner) page(id uint64, what string) []byte {
	if id < 2 || id >= sc.hwm {
		sc.add("%s: page %d is out of range [2, %d)", what, id, sc.hwm)
		return nil
	}
	if sc.seen[id] {
		sc.add("%s: page %d is referenced twice", what, id)
		return nil
	}
	var hdr [pageHeaderSize]byte
	if _, err := sc.f.ReadAt(hdr[:], int64(id)*sc.pageSize); err != nil {
		sc.add("%s: page %d: %v", what, id, err)
		return nil
	}
	if got := ne.Uint64(hdr[0:]); got != id {
		sc.add("%s: page %d calls itself page %d", what, id, got)
		return nil
	}
	overflow := uint64(ne.Uint32(hdr[12:]))
	if overflow >= sc.hwm-id {
		sc.add("%s: page %d overflows past the end (%d more pages)", what, id, overflow)
		return nil
	}
	for i := id; i <= id+overflow; i++ {
		if sc.seen[i] {
			sc.add("%s: page %d is referenced twice", what, i)
			return nil
		}
		sc.seen[i] = true
	}
	buf := make([]byte, int64(overflow+1)*sc.pageSize)
	if _, err := sc.f.ReadAt(buf, int64(id)*sc.pageSize); err != nil && err != io.EOF {
		sc.add("%s: page %d: %v", what, id, err)
		return nil
	}
	return buf
}

func (sc *scanner) freelist(id uint64) {
	p := sc.page(id, "freelist")
	if p == nil {
		return
	}
	if ne.Uint16(p[8:])&freelistFlag == 0 {
		sc.add("freelist: page %d is not a freelist page (flags %#x)", id, ne.Uint16(p[8:]))
		return
	}
	n, start := uint64(ne.Uint16(p[10:])), uint64(pageHeaderSize)
	if n == 0xFFFF {
		n, start = ne.Uint64(p[pageHeaderSize:]), pageHeaderSize+8
	}
	if n > (uint64(len(p))-start)/8 {
		sc.add("freelist: page %d claims %d free pages, more than it holds", id, n)
		return
	}
	for i := uint64(0); i < n; i++ {
		if f := ne.Uint64(p[start+8*i:]); f < 2 || f >= sc.hwm {
			sc.add("freelist: free page %d is out of range [2, %d)", f, sc.hwm)
			return
		}
	}
}

// tree checks the pages of one bucket's B+tree.
func (sc *scanner) tree(id uint64, depth, buckets int) {
	if len(sc.problems) >= maxScanProblems {
		return
	}
	if depth > maxTreeDepth {
		sc.add("page %d: the tree is deeper than %d", id, maxTreeDepth)
		return
	}
	p := sc.page(id, "tree")
	if p == nil {
		return
	}
	sc.node(p, id, depth, buckets)
}

// node checks one branch or leaf page (or an inline bucket's page).
func (sc *scanner) node(p []byte, id uint64, depth, buckets int) {
	flags, count := ne.Uint16(p[8:]), int(ne.Uint16(p[10:]))
	if pageHeaderSize+count*elemSize > len(p) {
		sc.add("page %d: %d elements do not fit", id, count)
		return
	}
	within := func(pos, n uint64) bool { return pos <= uint64(len(p)) && n <= uint64(len(p))-pos }
	switch {
	case flags&branchFlag != 0:
		if count == 0 {
			sc.add("page %d: empty branch page", id)
		}
		for i := 0; i < count; i++ {
			e := pageHeaderSize + i*elemSize
			pos, ksize := uint64(ne.Uint32(p[e:])), uint64(ne.Uint32(p[e+4:]))
			if !within(uint64(e)+pos, ksize) {
				sc.add("page %d: branch key %d lies outside the page", id, i)
				return
			}
			sc.tree(ne.Uint64(p[e+8:]), depth+1, buckets)
		}
	case flags&leafFlag != 0:
		for i := 0; i < count; i++ {
			e := pageHeaderSize + i*elemSize
			ef, pos := ne.Uint32(p[e:]), uint64(ne.Uint32(p[e+4:]))
			ksize, vsize := uint64(ne.Uint32(p[e+8:])), uint64(ne.Uint32(p[e+12:]))
			if !within(uint64(e)+pos, ksize) || !within(uint64(e)+pos+ksize, vsize) {
				sc.add("page %d: leaf element %d lies outside the page", id, i)
				return
			}
			if ef&bucketLeafFlag == 0 {
				continue
			}
			v := p[uint64(e)+pos+ksize : uint64(e)+pos+ksize+vsize]
			if len(v) < 16 {
				sc.add("page %d: bucket element %d is too short", id, i)
				return
			}
			if buckets >= maxBucketDepth {
				sc.add("page %d: buckets nest deeper than %d", id, maxBucketDepth)
				return
			}
			if root := ne.Uint64(v); root != 0 {
				sc.tree(root, 0, buckets+1)
			} else if len(v) < 16+pageHeaderSize {
				sc.add("page %d: inline bucket %d is too short", id, i)
			} else {
				sc.node(v[16:], id, 0, buckets+1)
			}
		}
	default:
		sc.add("page %d: not a branch or leaf page (flags %#x)", id, flags)
	}
}
