// Package viewers_test is the text-extraction matrix of issue 9: every
// sample brief and a proof PDF of long paragraphs per script are written
// by the project's own pipeline, then read back by poppler (pdftotext),
// pdf.js, PDFium and MuPDF (extract.mjs, under Node, with the npm
// packages pinned in package.json). Each client's text must equal the text
// that went in, in NFC and whitespace aside, with no character wrong
// (order aside), and in order (see maxOrderShare).
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

// maxOrderShare bounds the edit distance, over the text's length, between
// a client's text and the drawing order. It catches marks set apart or on
// lines of their own (12-20 % when that happened); the 0.5 % is
// not asserted, because the reference is drawing order, which is not yet
// reading order (list labels are drawn after their item, issue 9 item 3),
// and poppler and PDFium read side-by-side contact blocks and table cells
// by position. The table reports the measure per client.
const maxOrderShare = 0.10

// tally adds up one client's errors over one language.
type tally struct{ chars, wrong, edits, zwsp, spaces, unplaced int }

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
			tl.zwsp += max(0, strings.Count(texts[s.path][c], "\u200B")-strings.Count(s.want, "\u200B"))
			spaces, unplaced := extraSpaces(s.want, texts[s.path][c])
			tl.spaces += len(spaces)
			if len(spaces) > 0 {
				t.Errorf("%s, %s: %d spaces inside words, e.g. %q", s.name, c, len(spaces), spaces[:min(3, len(spaces))])
			}
			tl.unplaced += unplaced
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
// edit distance, each as a share of the text, and how many ZERO WIDTH
// SPACEs the client returned beyond those in the text.
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
			fmt.Fprintf(&b, " %s wrong, %s order, %d spaces (%d unplaced), %d ZWSP |",
				percent(tl.wrong, tl.chars), percent(tl.edits, tl.chars), tl.spaces, tl.unplaced, tl.zwsp)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
