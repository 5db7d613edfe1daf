package viewers_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestSameBytesInEveryTimeZone builds the fixture project with the briefs
// command twice, under TZ=UTC and TZ=Asia/Bangkok, and compares the PDFs
// byte for byte: dates are written in UTC from the brief, never from the
// clock or the machine's zone.
func TestSameBytesInEveryTimeZone(t *testing.T) {
	goTool := need(t, "go", "golang")
	if _, err := time.LoadLocation("Asia/Bangkok"); err != nil {
		testkit.Missing(t, "time zone data for Asia/Bangkok ("+err.Error()+")", "apt-get install -y tzdata")
	}
	testkit.DependOnSources(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "briefs")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/briefs")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/briefs: %v\n%s", err, out)
	}
	root := testkit.Samples(t)
	outs := map[string]string{}
	for _, tz := range []string{"UTC", "Asia/Bangkok"} {
		out := filepath.Join(dir, strings.ReplaceAll(tz, "/", "-"))
		cmd := exec.Command(bin, "--root", root, "build", "--out", out)
		cmd.Env = append(withoutEnv("TZ", "SOURCE_DATE_EPOCH"), "TZ="+tz)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("TZ=%s briefs build: %v\n%s", tz, err, msg)
		}
		outs[tz] = out
	}
	pdfs, _ := filepath.Glob(filepath.Join(outs["UTC"], "*", "*.pdf"))
	if len(pdfs) < 5 {
		t.Fatalf("briefs build wrote only %d PDFs", len(pdfs))
	}
	for _, a := range pdfs {
		rel, _ := filepath.Rel(outs["UTC"], a)
		x, errA := os.ReadFile(a)
		y, errB := os.ReadFile(filepath.Join(outs["Asia/Bangkok"], rel))
		if errA != nil || errB != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between TZ=UTC and TZ=Asia/Bangkok (%v, %v)", rel, errA, errB)
		}
	}
}

// withoutEnv is the environment without the named variables.
func withoutEnv(names ...string) []string {
	var out []string
	for _, kv := range os.Environ() {
		keep := true
		for _, n := range names {
			if strings.HasPrefix(kv, n+"=") {
				keep = false
			}
		}
		if keep {
			out = append(out, kv)
		}
	}
	return out
}
