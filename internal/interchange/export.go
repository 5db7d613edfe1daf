package interchange

import (
	"bytes"
	"fmt"
	"path/filepath"
	"time"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/source"
)

// Written is one exported file.
type Written struct {
	Path                                       string
	Translated, Stale, Suggested, Untranslated int
}

// Export writes DIR/<lang>/<domain>.po (format "po") or .xlf ("xliff")
// for every set the selection needs.
func Export(root string, c *catalog.Catalog, briefs []*source.Brief, sel Select, format, dir string) ([]Written, error) {
	ext, ok := map[string]string{"po": ".po", "xliff": ".xlf"}[format]
	if !ok {
		return nil, fmt.Errorf("export: unknown --format %q (po or xliff)", format)
	}
	date := revisionDate(briefs)
	var out []Written
	for _, s := range Collect(root, c, briefs, sel) {
		var b bytes.Buffer
		var err error
		if format == "po" {
			err = writePO(&b, s, date)
		} else {
			err = writeXLIFF(&b, s)
		}
		if err != nil {
			return out, err
		}
		path := filepath.Join(dir, s.Lang, s.Domain+ext)
		if err := atomicfile.Write(path, b.Bytes()); err != nil {
			return out, fmt.Errorf("export: %w", err)
		}
		out = append(out, tally(path, s))
	}
	return out, nil
}

func tally(path string, s Set) Written {
	w := Written{Path: path}
	for _, u := range s.Units {
		switch u.State {
		case Translated:
			w.Translated++
		case Stale:
			w.Stale++
		case Suggested:
			w.Suggested++
		default:
			w.Untranslated++
		}
	}
	return w
}

// revisionDate is the newest brief date, so that exports of the same
// project are byte-identical on any machine (no wall clock).
func revisionDate(briefs []*source.Brief) time.Time {
	var t time.Time
	for _, b := range briefs {
		if b.Date.After(t) {
			t = b.Date
		}
	}
	return t.UTC()
}
