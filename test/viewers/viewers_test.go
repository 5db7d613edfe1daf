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
type tally struct {
	chars, wrong, edits, zwsp, spaces, unplaced int
	examples                                    []string // of spaces inside words
}

// add counts one sample's text as a client extracted it.
func (tl *tally) add(want, got []rune, wantText, gotText string) (wrong, edits int) {
	wrong, edits = wrongChars(want, got), editDistance(want, got)
	tl.chars += len(want)
	tl.wrong += wrong
	tl.edits += edits
	tl.zwsp += max(0, strings.Count(gotText, "\u200B")-strings.Count(wantText, "\u200B"))
	spaces, unplaced := extraSpaces(wantText, gotText)
	tl.spaces += len(spaces)
	tl.unplaced += unplaced
	if len(tl.examples) < 3 {
		tl.examples = append(tl.examples, spaces[:min(3-len(tl.examples), len(spaces))]...)
	}
	return wrong, edits
}

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
			got := comparable(pdfjsLaoAM(c, texts[s.path][c]))
			if table[s.lang] == nil {
				table[s.lang] = map[string]*tally{}
			}
			if table[s.lang][c] == nil {
				table[s.lang][c] = &tally{}
			}
			wrong, edits := table[s.lang][c].add(want, got, s.want, texts[s.path][c])
			if wrong > 0 {
				t.Errorf("%s, %s: %d of %d characters wrong\n%s", s.name, c, wrong, len(want), firstDifference(want, got))
			} else if float64(edits) > maxOrderShare*float64(len(want)) {
				t.Errorf("%s, %s: reading order off by %d edits in %d characters\n%s", s.name, c, edits, len(want), firstDifference(want, got))
			}
		}
	}
	checkSpaces(t, table)
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

// spacesPerMille bounds, per client and language, the spaces a client
// puts inside words, per thousand characters of text. Every pair not
// listed must have none. The bounds are what the clients still do with
// the writer's best encoding (measured late 2026, rounded up): they may
// only go down. pdf.js and PDFium break words after clusters whose marks
// sit off the baseline (Khmer, Thai marks over ascenders) or after
// Burmese clusters drawn out of logical order.
var spacesPerMille = map[string]map[string]float64{
	"pdfjs":  {"km": 20, "my": 17, "th": 9, "lo": 13, "shn": 13, "mnw": 15},
	"pdfium": {"km": 27, "my": 1, "th": 9, "mnw": 3},
}

// pdfjsLaoAM folds a known pdf.js deviation, so that the matrix still
// fails on any other: pdf.js gives Lao SARA AM (U+0EB3) back as its
// compatibility decomposition, NIGGAHITA and SARA AA (U+0ECD U+0EB2),
// which looks the same but is not the text that went in (measured late
// 2026, pdfjs-dist 5.6.205; the closing note records it). Every other
// client gives U+0EB3. The fold applies to pdf.js only.
func pdfjsLaoAM(client, s string) string {
	if client != "pdfjs" {
		return s
	}
	return strings.ReplaceAll(s, "\u0ECD\u0EB2", "\u0EB3")
}

// checkSpaces fails where a client puts more spaces inside words than
// spacesPerMille allows; poppler, and every client in English and
// Vietnamese, must put none.
func checkSpaces(t *testing.T, table map[string]map[string]*tally) {
	t.Helper()
	for lang, byClient := range table {
		for _, c := range clients {
			tl := byClient[c]
			if limit := spacesPerMille[c][lang] * float64(tl.chars) / 1000; float64(tl.spaces) > limit {
				t.Errorf("%s, %s: %d spaces inside words (at most %.0f), e.g. %q", lang, c, tl.spaces, limit, tl.examples)
			}
		}
	}
}
