package store

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"mopdeck/model"
)

// The damage a laptop's file can suffer: every case must give one clear
// line (pointing at `mopdeck check` and the backup when the file is
// damaged), never a panic, and leave the file's bytes as they were.

const testPageSize = 4096

// populated writes a database with the sample project and enough change
// requests to span several pages, and returns its path, bytes and project.
func populated(t *testing.T) (string, []byte, model.ProjectData) {
	t.Helper()
	path := tempPath(t)
	s := openT(t, path)
	d := createT(t, s, sample())
	crs := make([]model.ChangeRequest, 120)
	for i := range crs {
		crs[i] = model.ChangeRequest{Title: fmt.Sprintf("Field order on the lead form, round %d", i), Description: strings.Repeat("details ", 20)}
	}
	if _, err := s.SaveChanges(d.Project.ID, crs, "tester"); err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadProject(d.Project.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b)%testPageSize != 0 || len(b) < 8*testPageSize {
		t.Fatalf("unexpected file size %d", len(b))
	}
	// bbolt may grow the file ahead of its pages; the room it keeps is
	// not part of the database (TestTruncatedFiles shows it may go), and
	// without it every case reads and hashes far fewer bytes.
	b = b[:highWater(b)*testPageSize]
	writeBytes(t, path, b)
	return path, b, d
}

// openOutcome opens path read-only and read-write and loads the project,
// failing the test on a panic, a message on several lines or one that does
// not name the file, or on a change to the file's bytes.
type openOutcome struct {
	roErr, rwErr error
	data         *model.ProjectData // loaded read-only when the open worked
	loadErr      error
	problems     []string // CheckFile's
	checkErr     error
}

func tryOpen(t *testing.T, name, path string, pid uint64) openOutcome {
	t.Helper()
	before := fileSum(t, path)
	var o openOutcome
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("%s: panic reached the caller: %v", name, r)
			}
		}()
		o.problems, o.checkErr = CheckFile(path, 0)
		for _, ro := range []bool{true, false} {
			s, err := Open(path, Options{ReadOnly: ro})
			if ro {
				o.roErr = err
			} else {
				o.rwErr = err
			}
			if err != nil {
				continue
			}
			if ro {
				d, err := s.LoadProject(pid)
				o.loadErr = err
				if err == nil {
					o.data = &d
				}
			}
			s.Close()
		}
	}()
	for _, err := range []error{o.roErr, o.rwErr, o.checkErr, o.loadErr} {
		if err == nil {
			continue
		}
		assertOneLine(t, name, path, err)
	}
	if fileSum(t, path) != before {
		t.Errorf("%s: opening and checking changed the file", name)
	}
	return o
}

// assertOneLine checks an error a person will read: one line, naming the
// file, and for damage the way out.
func assertOneLine(t *testing.T, name, path string, err error) {
	t.Helper()
	msg := err.Error()
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("%s: message on several lines: %q", name, msg)
	}
	if !strings.Contains(msg, path) {
		t.Errorf("%s: message does not name the file: %q", name, msg)
	}
	if strings.Contains(msg, "goroutine ") || strings.Contains(msg, "runtime error") && !errors.Is(err, ErrDamaged) {
		t.Errorf("%s: message leaks a crash: %q", name, msg)
	}
	if errors.Is(err, ErrDamaged) && (!strings.Contains(msg, "mopdeck check --db "+path) || !strings.Contains(msg, "backup")) {
		t.Errorf("%s: damage message should point at mopdeck check and the backup: %q", name, msg)
	}
}

func writeBytes(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestTruncatedFiles(t *testing.T) {
	path, orig, d := populated(t)
	used := highWater(orig) * testPageSize // bbolt may have grown the file past it
	cuts := map[string]int{
		"0 bytes":             0,
		"100 bytes":           100,
		"one page":            testPageSize,
		"meta pages only":     2 * testPageSize,
		"half a page more":    2*testPageSize + testPageSize/2,
		"half the pages":      used / 2 / testPageSize * testPageSize,
		"last page missing":   used - testPageSize,
		"last byte missing":   used - 1,
		"odd length at half":  used/2 + 7,
		"unused tail cut":     used,
		"unused tail, ragged": used + 100,
	}
	for name, n := range cuts {
		b := orig[:min(n, len(orig))]
		if n > len(orig) {
			b = append(append([]byte(nil), orig...), make([]byte, n-len(orig))...)
		}
		writeBytes(t, path, b)
		o := tryOpen(t, name, path, d.Project.ID)
		for _, err := range []error{o.roErr, o.rwErr} {
			switch {
			case n == 0:
				if !errors.Is(err, ErrNotMopdeck) {
					t.Errorf("%s: %v, want ErrNotMopdeck", name, err)
				}
			case n >= used:
				if err != nil {
					t.Errorf("%s: %v, want the file to open: only free room was cut", name, err)
				}
			case !errors.Is(err, ErrDamaged):
				t.Errorf("%s: %v, want ErrDamaged", name, err)
			}
		}
		switch {
		case n >= used:
			if o.data == nil || !reflect.DeepEqual(*o.data, d) {
				t.Errorf("%s: the project does not read back whole (%v)", name, o.loadErr)
			}
		case n > 0 && len(o.problems) == 0 && !errors.Is(o.checkErr, ErrDamaged):
			t.Errorf("%s: CheckFile = %q, %v; want damage reported", name, o.problems, o.checkErr)
		}
	}
}

// Meta page layout after the 16-byte page header: magic u32, version u32,
// page size u32, flags u32, root pgid u64, root sequence u64, freelist
// pgid u64, high-water pgid u64, txid u64, checksum u64.
var metaFields = map[string]int{
	"magic": 0, "version": 4, "page size": 8, "flags": 12, "root": 16, "sequence": 24,
	"freelist": 32, "high water": 40, "txid": 48, "checksum": 56,
}

func TestBitFlipInBothMetaPages(t *testing.T) {
	path, orig, d := populated(t)
	for field, at := range metaFields {
		for _, bit := range []uint{0, 7} {
			name := fmt.Sprintf("both meta pages, %s bit %d", field, bit)
			b := append([]byte(nil), orig...)
			for _, page := range []int{0, 1} {
				b[page*testPageSize+pageHeaderSize+at] ^= 1 << bit
			}
			writeBytes(t, path, b)
			o := tryOpen(t, name, path, d.Project.ID)
			for _, err := range []error{o.roErr, o.rwErr} {
				if !errors.Is(err, ErrDamaged) {
					t.Errorf("%s: %v, want ErrDamaged", name, err)
				}
			}
			if len(o.problems) == 0 && !errors.Is(o.checkErr, ErrDamaged) {
				t.Errorf("%s: CheckFile = %q, %v; want damage reported", name, o.problems, o.checkErr)
			}
		}
	}
}

// One broken meta page is what a write torn by a power cut leaves: bbolt
// keeps two and uses the sound one, which is the state as of the last
// transaction or the one before. The project must read back whole, as it
// was at one of those two moments.
func TestBitFlipInOneMetaPage(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	d := createT(t, s, sample())
	before, err := s.LoadProject(d.Project.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveChange(d.Project.ID, model.ChangeRequest{Title: "The last change"}, "tester"); err != nil {
		t.Fatal(err)
	}
	after, err := s.LoadProject(d.Project.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	orig = orig[:highWater(orig)*testPageSize] // as in populated
	for field, at := range metaFields {
		for _, page := range []int{0, 1} {
			name := fmt.Sprintf("meta page %d, %s", page, field)
			b := append([]byte(nil), orig...)
			b[page*testPageSize+pageHeaderSize+at] ^= 0x10
			writeBytes(t, path, b)
			o := tryOpen(t, name, path, d.Project.ID)
			if o.roErr != nil || o.rwErr != nil || o.loadErr != nil {
				t.Errorf("%s: open %v / %v, load %v; want the sound meta page used", name, o.roErr, o.rwErr, o.loadErr)
				continue
			}
			if !reflect.DeepEqual(*o.data, before) && !reflect.DeepEqual(*o.data, after) {
				t.Errorf("%s: the project read back is neither the last state nor the one before", name)
			}
			if o.checkErr != nil || len(o.problems) != 0 {
				t.Errorf("%s: CheckFile = %q, %v; want clean (bbolt uses the sound page)", name, o.problems, o.checkErr)
			}
		}
	}
}

// Random bytes over any one data page: either the damage is reported, or
// the page was free and the project reads back unchanged.
func TestRandomBytesOverEachPage(t *testing.T) {
	path, orig, d := populated(t)
	r := rand.New(rand.NewPCG(7, 8))
	pages := highWater(orig) // pages past it are room bbolt grew into, unused
	detected := 0
	for page := 2; page < pages; page++ {
		name := fmt.Sprintf("random page %d of %d", page, pages)
		b := append([]byte(nil), orig...)
		for i := page * testPageSize; i < (page+1)*testPageSize; i++ {
			b[i] = byte(r.Uint32())
		}
		writeBytes(t, path, b)
		o := tryOpen(t, name, path, d.Project.ID)
		damaged := o.checkErr == nil && len(o.problems) > 0
		if damaged {
			detected++
			for _, err := range []error{o.roErr, o.rwErr} {
				if err != nil && !errors.Is(err, ErrDamaged) {
					t.Errorf("%s: %v, want ErrDamaged", name, err)
				}
			}
			if o.roErr == nil && o.loadErr == nil && !reflect.DeepEqual(*o.data, d) {
				t.Errorf("%s: damage found by check, yet LoadProject returned other data without an error", name)
			}
			continue
		}
		if o.checkErr != nil {
			t.Errorf("%s: CheckFile: %v", name, o.checkErr)
			continue
		}
		if o.roErr != nil || o.rwErr != nil || o.loadErr != nil {
			t.Errorf("%s: check is clean but open %v / %v, load %v", name, o.roErr, o.rwErr, o.loadErr)
			continue
		}
		if !reflect.DeepEqual(*o.data, d) {
			t.Errorf("%s: check is clean but the project read back differs", name)
		}
	}
	if detected == 0 {
		t.Fatal("no overwritten page was detected: the test is not exercising damage")
	}
	t.Logf("%d of %d overwritten pages were in use and reported", detected, pages-2)
}

// highWater reads the number of pages in use from the newer meta page.
func highWater(b []byte) int {
	best, hwm := uint64(0), 0
	for _, page := range []int{0, 1} {
		m := b[page*testPageSize+pageHeaderSize:]
		if txid := ne.Uint64(m[48:]); txid >= best {
			best, hwm = txid, int(ne.Uint64(m[40:]))
		}
	}
	return hwm
}

func TestForeignFilesAreRefusedInOneLine(t *testing.T) {
	for name, path := range foreign(t) {
		o := tryOpen(t, name, path, 1)
		if o.roErr == nil || o.rwErr == nil {
			t.Errorf("%s: opened", name)
		}
		if errors.Is(o.roErr, ErrDamaged) || errors.Is(o.rwErr, ErrDamaged) {
			t.Errorf("%s: called damaged, want not-a-mopdeck or newer: %v", name, o.rwErr)
		}
	}
}

func TestDirectoryInPlaceOfTheFile(t *testing.T) {
	dir := t.TempDir()
	for _, ro := range []bool{false, true} {
		_, err := Open(dir, Options{ReadOnly: ro})
		if !errors.Is(err, ErrNotMopdeck) {
			t.Fatalf("read-only %v: %v, want ErrNotMopdeck", ro, err)
		}
		assertOneLine(t, "directory", dir, err)
		if !strings.Contains(err.Error(), "is a directory") {
			t.Errorf("message %q should say it is a directory", err)
		}
	}
	if _, err := CheckFile(dir, 0); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("CheckFile(dir) = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("opening a directory created %d entries in it", len(entries))
	}
}

func TestReadOnlyFileKeepsReadsWorking(t *testing.T) {
	if os.Geteuid() == 0 {
		// root writes through mode bits; the check on the mode still
		// refuses, which the message test below covers.
		t.Log("running as root: the refusal comes from the mode bits")
	}
	path, _, d := populated(t)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	o := tryOpen(t, "read-only file", path, d.Project.ID)
	if o.roErr != nil || o.loadErr != nil || o.data == nil {
		t.Fatalf("read-only open of a read-only file: %v / %v", o.roErr, o.loadErr)
	}
	if !errors.Is(o.rwErr, fs.ErrPermission) || !strings.Contains(o.rwErr.Error(), "chmod u+w") {
		t.Errorf("read-write open: %v, want a permission error saying how to fix it", o.rwErr)
	}
	if o.checkErr != nil || len(o.problems) != 0 {
		t.Errorf("CheckFile on a sound read-only file: %q, %v", o.problems, o.checkErr)
	}
}
