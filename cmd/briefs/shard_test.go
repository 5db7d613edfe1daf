package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/press"
	"github.com/mekong-briefs/briefs/internal/publish"
	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestShardsMergeToOneBuild: the matrix built in three shards and merged
// gives the same PDFs, manifest.json and index.html as one build.
func TestShardsMergeToOneBuild(t *testing.T) {
	root := testkit.Samples(t)
	tmp := t.TempDir()
	run := func(args ...string) { t.Helper(); runOK(t, root, args...) }
	whole := filepath.Join(tmp, "whole")
	run("build", "--out", whole)
	var shards []string
	counts := map[int]int{}
	for k := 1; k <= 3; k++ {
		dir := filepath.Join(tmp, "shard", string(rune('0'+k)))
		run("build", "--shard", string(rune('0'+k))+"/3", "--out", dir)
		shards = append(shards, dir)
		counts[k] = len(pdfsUnder(t, dir))
	}
	merged := filepath.Join(tmp, "merged")
	run(append([]string{"merge", "--out", merged}, shards...)...)

	for k, n := range counts {
		if n == 0 {
			t.Errorf("shard %d/3 built no PDF: the shares are not spread", k)
		}
	}
	want, got := pdfsUnder(t, whole), pdfsUnder(t, merged)
	if len(got) != len(want) {
		t.Fatalf("merged tree has %d PDFs, one build %d", len(got), len(want))
	}
	for rel, data := range want {
		if !bytes.Equal(got[rel], data) {
			t.Errorf("%s differs between the merged shards and one build", rel)
		}
	}
	for _, name := range []string{"manifest.json", "index.html"} {
		a, _ := os.ReadFile(filepath.Join(whole, name))
		b, _ := os.ReadFile(filepath.Join(merged, name))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s of the merged shards differs from one build's", name)
		}
	}
	// Without its last shard (a CI job that failed), merge refuses.
	printed, code := runCLI(t, root, append([]string{"merge", "--out", filepath.Join(tmp, "part")}, shards[:2]...), "text")
	if code != 1 || !strings.Contains(printed, "share 3/3 is missing") {
		t.Errorf("merge of shares 1/3 and 2/3: exit %d, want 1 naming share 3/3:\n%s", code, printed)
	}
}

// runOK runs briefs on the project at root and fails the test unless it
// exits 0; it returns what the command printed.
func runOK(t *testing.T, root string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	app := newApp(&out, &errOut)
	app.ExitErrHandler = func(*cli.Context, error) {}
	if err := app.Run(append([]string{"briefs", "--root", root}, args...)); err != nil {
		t.Fatalf("briefs %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String()
}

// TestShardBuildRecordsItsShare: a build --shard K/N writes "shard" into
// its manifest and lists only PDFs of that share, even in a folder that an
// earlier build of another share or of the whole matrix left; a build
// without --shard there drops the claim.
func TestShardBuildRecordsItsShare(t *testing.T) {
	root := testkit.Samples(t)
	dir := filepath.Join(t.TempDir(), "out")
	runOK(t, root, "build", "--out", dir)
	for _, k := range []int{2, 3} {
		sh := press.Shard{K: k, N: 3}
		printed := runOK(t, root, "build", "--shard", fmt.Sprintf("%d/3", k), "--out", dir)
		m, err := publish.ReadBuild(dir)
		if err != nil {
			t.Fatal(err)
		}
		if m.Shard == nil || *m.Shard != (publish.Share{K: k, N: 3}) {
			t.Errorf("--shard %d/3: the manifest's shard is %v", k, m.Shard)
		}
		if len(m.PDFs) == 0 {
			t.Errorf("--shard %d/3: the manifest lists no PDF", k)
		}
		for _, e := range m.PDFs {
			if !sh.Holds(e.Path) {
				t.Errorf("--shard %d/3: the manifest lists %s, of another share", k, e.Path)
			}
		}
		for rel := range pdfsUnder(t, dir) {
			if !sh.Holds(filepath.ToSlash(rel)) {
				t.Errorf("--shard %d/3 left %s, of another share", k, rel)
			}
		}
		if !strings.Contains(printed, "not of share "+sh.String()) {
			t.Errorf("--shard %d/3 did not say why it removed PDFs:\n%s", k, printed)
		}
	}
	runOK(t, root, "build", "--out", dir)
	if m, err := publish.ReadBuild(dir); err != nil || m.Shard != nil {
		t.Errorf("a build of the whole matrix over a shard: shard %v, %v; want none", m.Shard, err)
	}
}

func pdfsUnder(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".pdf") {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
