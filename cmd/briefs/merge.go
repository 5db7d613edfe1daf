package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/press"
	"github.com/mekong-briefs/briefs/internal/publish"
	"github.com/mekong-briefs/briefs/internal/source"
)

func mergeCommand() *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge the output trees of sharded builds (build --shard K/N) into one, with one index.html and manifest.json",
		ArgsUsage: "DIR...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Value: "dist", Usage: "the merged output folder"},
		},
		Action: runMerge,
	}
}

// runMerge copies every PDF that a shard's manifest lists into the merged
// tree (checking it against the manifest's SHA-256 on the way), then
// writes the merged manifest and index, as one build of the whole matrix
// would have. Every folder is read, and every PDF checked, before anything
// is written, so that a wrong argument or a damaged shard leaves --out as
// it was.
func runMerge(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("merge: give the shards' output folders: briefs merge --out dist shard-1 shard-2", 2)
	}
	set := projectSettings(c)
	out := outFolder(c, set)
	if err := outsideSources(c.String("root"), out); err != nil {
		return cli.Exit("merge: "+err.Error(), 2)
	}
	var builds []shardBuild
	for _, dir := range c.Args().Slice() {
		b, err := readShardBuild(dir)
		if err != nil {
			return cli.Exit("merge: "+err.Error(), 2)
		}
		builds = append(builds, b)
	}
	if err := checkShares(builds); err != nil {
		return cli.Exit("merge: "+err.Error(), 1)
	}
	// Every shard's PDFs are checked against their manifests before any
	// is written, so a damaged shard leaves --out as it was; the check
	// streams each file through SHA-256, and the copy reads it again
	// (checking it again) one PDF at a time, so that a merge holds one
	// PDF in memory, not the site.
	for _, b := range builds {
		for _, e := range b.PDFs {
			if _, err := readListedPDF(b.dir, e, false); err != nil {
				return cli.Exit(fmt.Sprintf("merge: %v", err), 1)
			}
		}
	}
	for _, b := range builds {
		for _, e := range b.PDFs {
			data, err := readListedPDF(b.dir, e, true)
			if err != nil {
				return cli.Exit(fmt.Sprintf("merge: %v", err), 1)
			}
			dst := filepath.Join(out, filepath.FromSlash(e.Path))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return cli.Exit(fmt.Sprintf("merge: %v", err), 1)
			}
			if err := atomicfile.Write(dst, data); err != nil {
				return cli.Exit(fmt.Sprintf("merge: %v", err), 1)
			}
		}
	}
	var all []publish.Entry
	for _, b := range builds {
		all = publish.MergeEntries(out, all, b.PDFs) // keeps what is on disk in out
	}
	cat, ds := catalog.Load(filepath.Join(c.String("root"), "locales"))
	printDiags(c.App.ErrWriter, ds)
	removed, err := publish.UpdateWithin(out, site(set), all, cat, listedIn(all))
	for _, p := range removed {
		fmt.Fprintf(c.App.Writer, "removed %s (an earlier build or merge there listed it; the shards do not)\n", filepath.Join(out, filepath.FromSlash(p)))
	}
	if err != nil {
		return cli.Exit(fmt.Sprintf("merge: %v", err), 1)
	}
	fmt.Fprintf(c.App.Writer, "merged %d PDFs from %d folders into %s\n", len(all), c.NArg(), out)
	return nil
}

// listedIn is merge's pruning rule: --out ends up holding what the shards
// list and nothing an earlier build or merge into it left. A merge rerun
// into last run's folder, or into a CI cache of the site, would otherwise
// publish the PDFs of withdrawn editions, the index only hiding them. As in
// build (publish.UpdateWithin), only PDFs the folder's earlier manifest
// listed are deleted, so a folder's other files (a CNAME, a site's own
// pages) stay, and a folder whose manifest.json or index.html another
// program wrote is refused rather than pruned; refusing every non-empty
// folder instead would break the rerun, the commonest case.
func listedIn(entries []publish.Entry) func(publish.Entry) bool {
	paths := map[string]bool{}
	for _, e := range entries {
		paths[e.Path] = true
	}
	return func(e publish.Entry) bool { return paths[e.Path] }
}

// shardBuild is the manifest of one folder that merge joins.
type shardBuild struct {
	dir string
	publish.Manifest
}

// readShardBuild reads the manifest of a folder given to merge. A folder
// that is not there, or holds no manifest.json, is an argument error rather
// than an empty shard: in CI it is a glob that matched nothing (the shell
// passes it as typed) or an artefact that was not downloaded, and merging
// it as empty would publish a site without its PDFs.
func readShardBuild(dir string) (shardBuild, error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return shardBuild{}, fmt.Errorf("read %s: no such folder (%s)", dir, missingHint(dir))
	case err != nil:
		return shardBuild{}, fmt.Errorf("read %s: %w", dir, cause(err))
	case !st.IsDir():
		return shardBuild{}, fmt.Errorf("read %s: not a folder (pass the folders build --out wrote)", dir)
	}
	m, err := publish.ReadBuild(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return shardBuild{}, fmt.Errorf("read %s: it holds no %s, so it is not a build's output "+
			"(pass the folder that build --shard K/N --out wrote; in CI, check that the shard's artefact was downloaded whole)", dir, publish.ManifestName)
	}
	if err != nil {
		return shardBuild{}, fmt.Errorf("read %s: %v (is it a build's output folder? if so, build it again)", dir, err)
	}
	b := shardBuild{dir: dir, Manifest: m}
	if err := b.checkPaths(); err != nil {
		return shardBuild{}, fmt.Errorf("read %s: %w", dir, err)
	}
	return b, nil
}

// checkPaths refuses a shard's manifest that lists a PDF of another share:
// the folder's claim would hide a share that is missing in fact.
func (b shardBuild) checkPaths() error {
	if b.Shard == nil {
		return nil
	}
	sh := press.Shard{K: b.Shard.K, N: b.Shard.N}
	for _, e := range b.PDFs {
		if !sh.Holds(e.Path) {
			return fmt.Errorf("%s says share %s but lists %s, of another share (is the manifest edited? rebuild the shard into an empty folder)",
				filepath.Join(b.dir, publish.ManifestName), sh, e.Path)
		}
	}
	return nil
}

// checkShares refuses to merge shards that do not make up the whole
// matrix: the folders of shard builds (their manifests' "shard") must all
// say the same N and give every share 1..N exactly once, or the merged
// site lacks a share's PDFs, or holds two builds of it, without a word (a
// CI job that failed, an artefact downloaded twice). Folders of builds of
// the whole matrix (no "shard") are not counted.
func checkShares(builds []shardBuild) error {
	byShare := map[int]string{}
	var first shardBuild
	for _, b := range builds {
		if b.Shard == nil {
			continue
		}
		if first.Shard == nil {
			first = b
		}
		if b.Shard.N != first.Shard.N {
			return fmt.Errorf("the shards disagree on N: %s is share %s, %s share %s (merge the folders of one build --shard K/N)",
				first.dir, first.Shard, b.dir, b.Shard)
		}
		if dir, twice := byShare[b.Shard.K]; twice {
			return fmt.Errorf("share %s is given twice, as %s and %s (give each share's folder once)", b.Shard, dir, b.dir)
		}
		byShare[b.Shard.K] = b.dir
	}
	if first.Shard == nil {
		return nil
	}
	var missing []string
	for k := 1; k <= first.Shard.N; k++ {
		if _, ok := byShare[k]; !ok {
			missing = append(missing, publish.Share{K: k, N: first.Shard.N}.String())
		}
	}
	if len(missing) > 0 {
		what := "share " + missing[0] + " is"
		if len(missing) > 1 {
			what = "shares " + strings.Join(missing, ", ") + " are"
		}
		return fmt.Errorf("%s missing: the folders hold %d of %d shares (merge the output of every build --shard K/%d; did a shard's job fail?)",
			what, len(byShare), first.Shard.N, first.Shard.N)
	}
	return nil
}

// missingHint says why a folder given to merge may be missing: a name
// with a glob character is a pattern the shell found nothing for.
func missingHint(dir string) string {
	if strings.ContainsAny(dir, "*?[") {
		return "a shell glob that matches nothing is passed as typed: check that the shards' artefacts were downloaded there"
	}
	return "pass the folders that build --shard K/N --out wrote"
}

// listedPDF is a shard's PDF, checked, and where it goes in --out.
// readListedPDF checks a shard's PDF against its manifest entry: a path
// inside the folder, and the SHA-256 the entry gives. With keep it
// returns the bytes; without, it streams them through the hash only.
func readListedPDF(from string, e publish.Entry, keep bool) ([]byte, error) {
	// A manifest is data from elsewhere (a CI artefact): a path that
	// leaves the shard would read, and write, any file.
	if p := filepath.FromSlash(e.Path); !filepath.IsLocal(p) || !strings.EqualFold(filepath.Ext(p), ".pdf") {
		return nil, fmt.Errorf("%s lists %q, which is not a PDF inside the folder (is the manifest edited? rebuild the shard)",
			filepath.Join(from, publish.ManifestName), e.Path)
	}
	src := filepath.Join(from, filepath.FromSlash(e.Path))
	f, err := source.Open(src)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	var data bytes.Buffer
	w := io.Writer(h)
	if keep {
		w = io.MultiWriter(h, &data)
	}
	if _, err := io.Copy(w, f); err != nil {
		return nil, err
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != e.SHA256 {
		return nil, fmt.Errorf("%s does not match its manifest entry (sha256 %s, listed %s): rebuild the shard", src, sum, e.SHA256)
	}
	return data.Bytes(), nil
}
