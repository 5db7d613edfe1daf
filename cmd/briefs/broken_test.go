package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"golang.org/x/tools/txtar"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

var appMu sync.Mutex

var updateBroken = flag.Bool("update", false, "rewrite the want.text sections of testdata/broken/*.txtar")

// TestBrokenProjects runs each testdata/broken/*.txtar case: the valid
// project of testdata/base.txtar with the case's files laid over it, and
// the command in its "run:" line. It checks the exit code, the output
// (want.text, with -update to regenerate), and in every format that each
// finding names a file, line and column and an error has a hint, that no
// PDF is left for a failed job, and that nothing is written outside the
// output folder.
func TestBrokenProjects(t *testing.T) {
	paths, _ := filepath.Glob("testdata/broken/*.txtar")
	if len(paths) < 60 {
		t.Errorf("%d broken-project cases, want at least 60", len(paths))
	}
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runBrokenCase(t, p, base)
		})
	}
}

type brokenCase struct {
	args    []string
	exit    int
	written int // PDFs expected written; -1: not checked
	out     string
	writes  *regexp.Regexp // files outside out the command may change (sync, import)
	links   []string       // paths that must still be symbolic links after the run
}

func runBrokenCase(t *testing.T, path string, base *txtar.Archive) {
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	bc := layProject(t, root, base, a)
	before := treeOf(t, root, bc.out)
	got, code := runCLI(t, root, bc.args, "text")
	if code != bc.exit {
		t.Errorf("exit %d, want %d\n%s", code, bc.exit, got)
	}
	if bc.written >= 0 {
		if n := strings.Count(got, "\nwrote ") + boolInt(strings.HasPrefix(got, "wrote ")); n != bc.written {
			t.Errorf("%d PDFs written, want %d\n%s", n, bc.written, got)
		}
	}
	formats := []string{"json", "github"}
	if bc.args[0] != "build" && bc.args[0] != "check" {
		formats = nil // the other commands print text only
	}
	for _, f := range formats {
		out, c := runCLI(t, root, bc.args, f)
		if c != code {
			t.Errorf("--format %s: exit %d, text exit %d", f, c, code)
		}
		if f == "json" && bc.args[0] == "build" && code != 2 {
			assertJSONFindings(t, out, root, bc.out)
		}
		if f == "github" {
			assertAnnotations(t, out, got, code)
		}
	}
	if after := treeOf(t, root, bc.out); !slices.Equal(unowned(before, bc.writes), unowned(after, bc.writes)) {
		t.Errorf("files outside the output folder changed:\nbefore %v\nafter  %v", before, after)
	}
	for _, l := range bc.links {
		if st, err := os.Lstat(filepath.Join(root, l)); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link", l)
		}
	}
	compareWant(t, path, a, got)
}

// unowned leaves out of a tree listing the files a command may change.
func unowned(tree []string, writes *regexp.Regexp) []string {
	if writes == nil {
		return tree
	}
	var out []string
	for _, f := range tree {
		if !writes.MatchString(f) {
			out = append(out, f)
		}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// layProject writes base and then the case's files under root, and reads
// the case's directives.
func layProject(t *testing.T, root string, base, a *txtar.Archive) brokenCase {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range base.Files {
		files[f.Name] = f.Data
	}
	for _, f := range a.Files {
		if !strings.HasPrefix(f.Name, "want.") {
			files[f.Name] = f.Data
		}
	}
	bc := brokenCase{written: -1, out: filepath.Join(root, "dist")}
	var after []func()
	for _, line := range strings.Split(string(a.Comment), "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		fields := strings.Fields(val)
		switch key {
		case "run":
			bc.args = fields
		case "exit":
			bc.exit, _ = strconv.Atoi(val)
		case "written":
			bc.written, _ = strconv.Atoi(val)
		case "delete":
			delete(files, val)
		case "writes": // a regexp of the paths (from the root, with a leading /) the command may change
			bc.writes = regexp.MustCompile(val)
		case "islink":
			bc.links = append(bc.links, val)
		case "png", "jpeg", "exif", "pngheader", "truncate", "symlink", "mode", "mkdir", "badbyte", "pad", "utf16", "fifo", "repeat":
			after = append(after, directive(t, root, key, fields))
		}
	}
	for name, data := range files {
		dst := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range after {
		f()
	}
	if bc.args == nil {
		t.Fatal("case has no run: line")
	}
	return bc
}

// directive returns the action of one file directive: png/jpeg PATH W H
// write an image; exif PATH N gives that JPEG Exif orientation N; pngheader PATH W H a PNG that declares W×H pixels;
// truncate PATH N cuts a file to N bytes; symlink PATH TARGET (a
// TARGET of $TESTDATA/NAME is testdata/NAME, outside the project); mode PATH
// OCTAL; mkdir PATH; pad PATH N appends N bytes of comments; badbyte PATH
// [HEX] puts the byte 0xFF (or HEX) where the file says @@; utf16 PATH
// [be] [nobom] re-encodes the file as UTF-16 (LE with a BOM unless told); fifo PATH puts a named pipe
// in its place; repeat PATH N TEXT puts N copies of TEXT (\n a newline,
// {n} the copy's number from 0) where the file says @@.
func directive(t *testing.T, root, key string, f []string) func() {
	return func() {
		p := filepath.Join(root, filepath.FromSlash(f[0]))
		os.MkdirAll(filepath.Dir(p), 0o755)
		num := func(i int) int { n, _ := strconv.Atoi(f[i]); return n }
		var err error
		switch key {
		case "png", "jpeg":
			img := image.NewRGBA(image.Rect(0, 0, num(1), num(2)))
			for i := range img.Pix {
				img.Pix[i] = byte(i * 7)
			}
			var b bytes.Buffer
			if key == "png" {
				png.Encode(&b, img)
			} else {
				jpeg.Encode(&b, img, nil)
			}
			err = os.WriteFile(p, b.Bytes(), 0o644)
		case "exif": // the JPEG at PATH gets Exif orientation N
			var data []byte
			if data, err = os.ReadFile(p); err == nil {
				err = os.WriteFile(p, testkit.WithOrientation(data, uint16(num(1)), binary.BigEndian), 0o644)
			}
		case "pngheader":
			err = os.WriteFile(p, pngHeader(uint32(num(1)), uint32(num(2))), 0o644)
		case "truncate": // N bytes, or N% of the file
			n := int64(num(1))
			if pct, ok := strings.CutSuffix(f[1], "%"); ok {
				st, _ := os.Stat(p)
				v, _ := strconv.Atoi(pct)
				n = st.Size() * int64(v) / 100
			}
			err = os.Truncate(p, n)
		case "symlink": // $TESTDATA/... is a fixture outside the project
			target := f[1]
			if rest, ok := strings.CutPrefix(target, "$TESTDATA/"); ok {
				target, _ = filepath.Abs(filepath.Join("testdata", filepath.FromSlash(rest)))
			}
			os.Remove(p)
			err = os.Symlink(target, p)
		case "mode":
			m, _ := strconv.ParseUint(f[1], 8, 32)
			err = os.Chmod(p, fs.FileMode(m))
		case "mkdir":
			err = os.MkdirAll(p, 0o755)
		case "fifo": // a named pipe in place of the file
			os.Remove(p)
			if err = mkfifo(p); errors.Is(err, errors.ErrUnsupported) {
				t.Skip("no named pipes here")
			}
		case "pad": // append N bytes of comment lines
			var fh *os.File
			if fh, err = os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0o644); err == nil {
				_, err = fh.Write(bytes.Repeat([]byte("# padding\n"), num(1)/10))
				fh.Close()
			}
		case "badbyte": // PATH [HEX], 0xFF by default
			b := byte(0xff)
			if len(f) > 1 {
				v, _ := strconv.ParseUint(f[1], 16, 8)
				b = byte(v)
			}
			var data []byte
			if data, err = os.ReadFile(p); err == nil {
				err = os.WriteFile(p, bytes.Replace(data, []byte("@@"), []byte{b}, 1), 0o644)
			}
		case "repeat": // PATH N TEXT: a file too large to keep in the case
			var data []byte
			if data, err = os.ReadFile(p); err == nil {
				var text strings.Builder
				for i := range num(1) {
					text.WriteString(strings.ReplaceAll(strings.ReplaceAll(f[2], `\n`, "\n"), "{n}", strconv.Itoa(i)))
				}
				err = os.WriteFile(p, bytes.Replace(data, []byte("@@"), []byte(text.String()), 1), 0o644)
			}
		case "utf16": // the file as UTF-16LE with a BOM, as Windows Notepad saves "Unicode"
			var data []byte
			if data, err = os.ReadFile(p); err == nil {
				err = os.WriteFile(p, asUTF16(data, f[1:]), 0o644)
			}
		}
		if err != nil {
			t.Fatalf("%s %v: %v", key, f, err)
		}
	}
}

// asUTF16 encodes data as UTF-16, little-endian with a byte-order mark
// unless opts say "be" (big-endian) or "nobom".
func asUTF16(data []byte, opts []string) []byte {
	var order binary.AppendByteOrder = binary.LittleEndian
	if slices.Contains(opts, "be") {
		order = binary.BigEndian
	}
	var out []byte
	if !slices.Contains(opts, "nobom") {
		out = order.AppendUint16(out, 0xfeff)
	}
	for _, r := range utf16.Encode([]rune(string(data))) {
		out = order.AppendUint16(out, r)
	}
	return out
}

// pngHeader is a PNG signature and IHDR chunk declaring w×h RGBA pixels,
// and no image data.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 1, 1)))
	data := b.Bytes()
	// IHDR's width and height sit at bytes 16–23, its CRC at 29–32.
	for i, v := range []uint32{w, h} {
		binary.BigEndian.PutUint32(data[16+4*i:], v)
	}
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data[:33]
}

// runCLI runs briefs in root with args (and --format when the command
// takes it) and returns its normalised output and exit code.
func runCLI(t *testing.T, root string, args []string, format string) (string, int) {
	t.Helper()
	argv := []string{"briefs", "--root", root}
	for _, a := range args {
		argv = append(argv, strings.ReplaceAll(a, "$ROOT", root))
	}
	if args[0] == "build" || args[0] == "check" {
		if !slices.Contains(args, "--out") && args[0] == "build" {
			argv = append(argv, "--out", filepath.Join(root, "dist"))
		}
		if !slices.Contains(args, "--format") {
			argv = append(argv, "--format", format)
		}
	}
	var out, stdout, stderr bytes.Buffer
	// urfave/cli's help flag is one package variable that every app's
	// flag parsing writes, so apps in one process run one at a time.
	appMu.Lock()
	code := run(argv, io.MultiWriter(&out, &stdout), io.MultiWriter(&out, &stderr))
	appMu.Unlock()
	if format == "json" {
		return normalise(stdout.String(), root), code
	}
	return normalise(out.String(), root), code
}

var (
	tookRE  = regexp.MustCompile(` in [0-9.]+(µs|ms|s)\b`)
	bytesRE = regexp.MustCompile(`\b\d+ bytes\b`)
)

func normalise(s, root string) string {
	s = strings.ReplaceAll(s, root+string(filepath.Separator), "")
	s = strings.ReplaceAll(s, root, ".")
	s = tookRE.ReplaceAllString(s, "")
	return bytesRE.ReplaceAllString(s, "N bytes")
}

// assertJSONFindings checks build --format json: every finding has a file,
// a line and a column, every error a hint, and no failed job left a PDF.
func assertJSONFindings(t *testing.T, out, root, dist string) {
	t.Helper()
	var r struct {
		Findings []struct {
			File, Severity, Code, Message, Hint string
			Line, Col                           int
		}
		PDFs []struct{ Path, Status string }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	for _, f := range r.Findings {
		if f.File == "" || f.Line < 1 || f.Col < 1 {
			t.Errorf("finding without a position: %+v", f)
		}
		if f.Severity == "error" && f.Hint == "" {
			t.Errorf("error without a hint: %+v", f)
		}
		if strings.Contains(f.Message, "plan:") || strings.Contains(f.Message, "evaluate ") || strings.Contains(f.Message, "not found in language") {
			t.Errorf("internal wording in %q", f.Message)
		}
	}
	for _, p := range r.PDFs {
		if p.Status != "failed" {
			continue
		}
		path := filepath.Join(root, strings.TrimPrefix(p.Path, "./"))
		if _, err := os.Stat(path); err == nil {
			t.Errorf("failed job left %s", p.Path)
		}
	}
}

// annotationRE matches a GitHub workflow command with a position.
var annotationRE = regexp.MustCompile(`^::(error|warning) file=[^,]+,line=[1-9][0-9]*,col=[1-9][0-9]*,title=[a-z0-9-]+::.+`)

// setupRE is the annotation of a run that stopped before any finding
// (exit 2): no file, titled with the command.
var setupRE = regexp.MustCompile(`^::error title=briefs [a-z]+::.+`)

// assertAnnotations checks --format github: one positioned annotation for
// each diagnostic line of the text output.
func assertAnnotations(t *testing.T, out, text string, code int) {
	t.Helper()
	n, notices := 0, 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "::notice title=briefs build::") || strings.HasPrefix(l, "::notice title=briefs check::") {
			notices++ // a note of the text output, shown on the run's summary
			continue
		}
		if strings.HasPrefix(l, "::") {
			n++
			if !annotationRE.MatchString(l) && !(code == 2 && setupRE.MatchString(l)) {
				t.Errorf("annotation without a position: %s", l)
			}
		}
	}
	if want := strings.Count(text, "note: "); notices != want {
		t.Errorf("%d notices for %d notes:\n%s", notices, want, out)
	}
	want := strings.Count(text, ": error: [") + strings.Count(text, ": warning: [")
	if code == 2 && (strings.HasPrefix(text, "briefs: ") || strings.Contains(text, "\nbriefs: ")) &&
		!strings.Contains(text, "unknown --format") { // that run's format is not github
		want++ // the run stopped: one annotation says why, without a file
	}
	if n != want {
		t.Errorf("%d annotations for %d diagnostics:\n%s", n, want, out)
	}
}

// treeOf lists the files under root outside out, with their sizes.
func treeOf(t *testing.T, root, out string) []string {
	var files []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p == out {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			info, _ := d.Info()
			files = append(files, fmt.Sprintf("%s:%d", strings.TrimPrefix(p, root), info.Size()))
		}
		return nil
	})
	return files
}

func compareWant(t *testing.T, path string, a *txtar.Archive, got string) {
	t.Helper()
	i := slices.IndexFunc(a.Files, func(f txtar.File) bool { return f.Name == "want.text" })
	if *updateBroken {
		if i < 0 {
			a.Files = append(a.Files, txtar.File{Name: "want.text"})
			i = len(a.Files) - 1
		}
		a.Files[i].Data = []byte(got)
		if err := os.WriteFile(path, txtar.Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if i < 0 {
		t.Fatalf("no want.text; go test ./cmd/briefs -run TestBrokenProjects -update")
	}
	if want := string(a.Files[i].Data); got != want {
		t.Errorf("output differs (-update to accept):\n--- got\n%s--- want\n%s", got, want)
	}
}
