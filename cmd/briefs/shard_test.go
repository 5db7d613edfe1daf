package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestShardsMergeToOneBuild: the matrix built in three shards and merged
// gives the same PDFs, manifest.json and index.html as one build.
func TestShardsMergeToOneBuild(t *testing.T) {
	root := testkit.Samples(t)
	tmp := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		var out, errOut bytes.Buffer
		app := newApp(&out, &errOut)
		app.ExitErrHandler = func(*cli.Context, error) {}
		if err := app.Run(append([]string{"briefs", "--root", root}, args...)); err != nil {
			t.Fatalf("briefs %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errOut.String())
		}
	}
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
