// Package viewers_test is the text-extraction matrix of issue 9: every
// sample brief and a proof PDF of long paragraphs per script are written
// by the project's own pipeline, then read back by poppler (pdftotext),
// pdf.js, PDFium and MuPDF (extract.mjs, under Node, with the npm
// packages pinned in package.json). Each client's text must equal the text
// that went in, in NFC and whitespace aside, with no character wrong
// (order aside), and in reading order (edit distance at most 0.5 %).
//
// The test skips when node, pdftotext or the npm packages are missing, and
// fails instead under CI=true. BRIEFS_VIEWERS_REPORT=FILE writes the
// per-client, per-language table to FILE.
package viewers_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// maxOrderShare is the reading-order budget: edit distance over length.
const maxOrderShare = 0.005

// tally adds up one client's errors over one language.
type tally struct{ chars, wrong, edits int }

func TestExtractionMatrix(t *testing.T) {
	dir := t.TempDir()
	samples := buildSamples(t, dir)
	paths := make([]string, len(samples))
	for i, s := range samples {
		paths[i] = s.path
	}
	texts := extractAll(t, paths)

	table := map[string]map[string]*tally{} // lang → client → tally
	for _, s := range samples {
		want := comparable(s.want)
		for _, c := range clients {
			got := comparable(texts[s.path][c])
			wrong := wrongChars(want, got)
			edits := editDistance(want, got)
			if table[s.lang] == nil {
				table[s.lang] = map[string]*tally{}
			}
			if table[s.lang][c] == nil {
				table[s.lang][c] = &tally{}
			}
			tl := table[s.lang][c]
			tl.chars += len(want)
			tl.wrong += wrong
			tl.edits += edits
			if wrong > 0 {
				t.Errorf("%s, %s: %d of %d characters wrong\n%s", s.name, c, wrong, len(want), firstDifference(want, got))
			} else if float64(edits) > maxOrderShare*float64(len(want)) {
				t.Errorf("%s, %s: reading order off by %d edits in %d characters\n%s", s.name, c, edits, len(want), firstDifference(want, got))
			}
		}
	}
	report := formatTable(table)
	t.Logf("characters wrong (order aside) / edit distance, per language and client:\n%s", report)
	if f := os.Getenv("BRIEFS_VIEWERS_REPORT"); f != "" {
		if err := os.WriteFile(f, []byte(report), 0o644); err != nil {
			t.Error(err)
		}
	}
}

// formatTable writes the matrix as a Markdown table: wrong characters and
// edit distance, each as a share of the text.
func formatTable(table map[string]map[string]*tally) string {
	var langs []string
	for l := range table {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var b strings.Builder
	b.WriteString("| lang | chars |")
	for _, c := range clients {
		fmt.Fprintf(&b, " %s |", c)
	}
	b.WriteString("\n|---|---|" + strings.Repeat("---|", len(clients)) + "\n")
	for _, l := range langs {
		fmt.Fprintf(&b, "| %s | %d |", l, table[l][clients[0]].chars)
		for _, c := range clients {
			tl := table[l][c]
			fmt.Fprintf(&b, " %s wrong, %s order |", percent(tl.wrong, tl.chars), percent(tl.edits, tl.chars))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
