package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
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
// would have.
func runMerge(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("merge: give the shards' output folders: briefs merge --out dist shard-1 shard-2", 2)
	}
	set := projectSettings(c)
	out := outFolder(c, set)
	var all []publish.Entry
	for _, dir := range c.Args().Slice() {
		entries, err := publish.ReadManifest(dir)
		if err != nil {
			return cli.Exit(fmt.Sprintf("merge %s: %v (is it a build's output folder?)", dir, err), 2)
		}
		for _, e := range entries {
			if err := copyPDF(dir, out, e); err != nil {
				return cli.Exit(fmt.Sprintf("merge: %v", err), 1)
			}
		}
		all = publish.MergeEntries(out, all, entries)
	}
	cat, ds := catalog.Load(filepath.Join(c.String("root"), "locales"))
	printDiags(c.App.ErrWriter, ds)
	if err := publish.WriteManifest(out, all); err != nil {
		return cli.Exit(fmt.Sprintf("merge: %v", err), 1)
	}
	if err := publish.WriteIndex(out, site(set), all, cat); err != nil {
		return cli.Exit(fmt.Sprintf("merge: %v", err), 1)
	}
	fmt.Fprintf(c.App.Writer, "merged %d PDFs from %d folders into %s\n", len(all), c.NArg(), out)
	return nil
}

// copyPDF copies one listed PDF from a shard's tree into out, atomically,
// refusing a file that is not the one the manifest describes.
func copyPDF(from, out string, e publish.Entry) error {
	// A manifest is data from elsewhere (a CI artefact): a path that
	// leaves the shard would read, and write, any file.
	if p := filepath.FromSlash(e.Path); !filepath.IsLocal(p) || !strings.EqualFold(filepath.Ext(p), ".pdf") {
		return fmt.Errorf("%s lists %q, which is not a PDF inside the folder (is the manifest edited? rebuild the shard)",
			filepath.Join(from, publish.ManifestName), e.Path)
	}
	src := filepath.Join(from, filepath.FromSlash(e.Path))
	f, err := source.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	if sum := sha256Hex(data); sum != e.SHA256 {
		return fmt.Errorf("%s does not match its manifest entry (sha256 %s, listed %s): rebuild the shard", src, sum, e.SHA256)
	}
	dst := filepath.Join(out, filepath.FromSlash(e.Path))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(dst, data)
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
