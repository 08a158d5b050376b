package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"mopdeck/store/changesio/xlsxtest"
)

// Files made to exhaust the importer are refused by the real binary in
// little time and memory, and leave nothing in the temporary folder. The
// files are generated here: a few hundred kilobytes each that expand to
// hundreds of megabytes.

// bombBook writes a workbook of one sheet (rows writes its <row>
// elements) and a shared-string table (sst writes its <si> elements after
// string 0, "Title").
func bombBook(t *testing.T, path string, rows, sst func(w io.Writer)) {
	t.Helper()
	shared := func(w io.Writer) {
		io.WriteString(w, `<si><t>Title</t></si>`)
		sst(w)
	}
	if err := (xlsxtest.Book{Rows: rows, Strings: shared, Fast: true}).Write(path); err != nil {
		t.Fatal(err)
	}
}

// header is row 1: a Title column, shared string 0.
const header = `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`

// run is one run of the binary, measured.
type run struct {
	code    int
	stderr  string
	elapsed time.Duration
	maxRSS  int64 // bytes
}

func runMeasured(t *testing.T, env []string, args ...string) run {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &errb
	start := time.Now()
	err := cmd.Run()
	r := run{elapsed: time.Since(start), stderr: errb.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	r.maxRSS = cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
	return r
}

func boundsDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "bounds.db")
	if _, errOut, code := mopdeck(t, nil, "--db", db, "new", "--template", "mrm", "--start", "2027-01-04", "Bounds"); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	return db
}

func TestBoundsBombsAreRefusedInLittleTimeAndMemory(t *testing.T) {
	db := boundsDB(t)
	dir := t.TempDir()
	item := strings.Repeat("x", 1<<20-16)
	bombs := []struct {
		name  string
		make  func(path string)
		want  string
		input string // what the file expands to, for the log
	}{
		{"rows.xlsx", func(p string) {
			bombBook(t, p, func(w io.Writer) {
				io.WriteString(w, header)
				for i := 2; i <= 1_500_000; i++ {
					fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="s"><v>0</v></c><c r="B%d" t="s"><v>0</v></c></row>`, i, i, i)
				}
			}, func(io.Writer) {})
		}, "a sheet of the workbook holds more than 200,000 rows", "1.5 million rows, 110 MB of XML"},
		{"shared-strings.xlsx", func(p string) {
			bombBook(t, p, func(w io.Writer) { io.WriteString(w, header) }, func(w io.Writer) {
				for range 5_000_000 {
					io.WriteString(w, "<si><t>a</t></si>")
				}
			})
		}, "the workbook holds over 804,096 distinct texts", "5 million shared strings, 85 MB"},
		{"repeated-string.xlsx", func(p string) {
			bombBook(t, p, func(w io.Writer) {
				io.WriteString(w, header)
				for i := 2; i <= 150_000; i++ {
					fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="s"><v>1</v></c>`, i, i)
					for range 8 {
						io.WriteString(w, `<c t="s"><v>1</v></c>`)
					}
					io.WriteString(w, `</row>`)
				}
			}, func(w io.Writer) { io.WriteString(w, "<si><t>"+item+"</t></si>") })
		}, "the workbook's rows, their shared strings counted in, come to over 454 MiB", "150,000 rows of nine 1 MiB cells: 1.3 TB of text"},
		{"tiny-objects.json", func(p string) {
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			w := bufio.NewWriter(f)
			w.WriteString("[")
			for i := range 4_400_000 {
				if i > 0 {
					w.WriteString(",")
				}
				w.WriteString(`{"title":"x"}`)
			}
			w.WriteString("]")
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}, "the file holds more than 200,000 rows", "4.4 million records, 61 MB"},
	}
	for _, b := range bombs {
		t.Run(b.name, func(t *testing.T) {
			path := filepath.Join(dir, b.name)
			b.make(path)
			fi, _ := os.Stat(path)
			tmp := t.TempDir()
			r := runMeasured(t, []string{"TMPDIR=" + tmp}, "--db", db, "import", "changes", path, "--dry-run")
			t.Logf("%s (%d KB, %s): exit %d in %v, peak RSS %d MB", b.name, fi.Size()>>10, b.input, r.code, r.elapsed.Round(time.Millisecond), r.maxRSS>>20)
			if r.code != 1 || !strings.Contains(r.stderr, b.want) {
				t.Fatalf("exit %d, stderr %s; want exit 1 and %q", r.code, r.stderr, b.want)
			}
			if r.elapsed > 15*time.Second {
				t.Errorf("took %v, want under 15 s", r.elapsed)
			}
			if r.maxRSS > 500<<20 {
				t.Errorf("peak RSS %d MB, want under 500 MB", r.maxRSS>>20)
			}
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("left in the temporary folder: %v", left)
			}
		})
	}
}

// SIGTERM in the middle of reading a workbook whose sheet excelize
// unzips to a temporary file: the process removes it and exits 143.
func TestBoundsNoTemporaryFileAfterSIGTERM(t *testing.T) {
	db := boundsDB(t)
	path := filepath.Join(t.TempDir(), "large.xlsx")
	bombBook(t, path, func(w io.Writer) {
		io.WriteString(w, header)
		for i := 2; i <= 199_000; i++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Change request number %d about the lead form</t></is></c></row>`, i, i, i)
		}
	}, func(io.Writer) {})
	tmp := t.TempDir()
	cmd := exec.Command(binary, "--db", db, "import", "changes", path, "--dry-run")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Wait for excelize's temporary file, then stop the process.
	deadline := time.Now().Add(20 * time.Second)
	for {
		files, _ := filepath.Glob(filepath.Join(tmp, "mopdeck-import-*", "excelize-*"))
		if len(files) > 0 {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the import ended (%v) before a temporary file was seen: %s", err, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no temporary file appeared")
		}
		time.Sleep(2 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the import did not stop on SIGTERM")
	}
	if code := cmd.ProcessState.ExitCode(); code != 143 || !strings.Contains(errb.String(), "stopped while reading") {
		t.Errorf("exit %d, stderr %q; want 143 and a line saying it stopped", code, errb.String())
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}
