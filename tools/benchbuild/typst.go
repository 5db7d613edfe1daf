package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/source"
)

// The Typst comparison (-typst DIR): the same document typeset by Typst
// 0.14, the version that @myriaddreamin/typst-ts-node-compiler 0.7.0
// embeds (pinned in tools/benchbuild/typst, `npm ci` there). Each run is
// one process, `node compile.js`, timed whole as briefs is: node's start
// and the compiler addon's load are Typst's process start here.

// typstFonts are the families of the Typst document: the faces briefs
// embeds, passed to Typst as its only font folder besides the system's.
var typstFonts = map[string]string{
	"en": `"Noto Sans"`, "vi": `"Noto Sans"`, "km": `"Noto Sans Khmer", "Noto Sans"`,
	"my": `"Noto Sans Myanmar", "Noto Sans"`, "th": `"Noto Sans Thai", "Noto Sans"`,
}

// typstSource writes, as Typst markup, the blocks of a brief's edition in
// a language that both typeset alike: title, subtitle, headings,
// paragraphs, lists and tables, with the catalogue's text (inline markup
// left as plain text).
func typstSource(root, briefID, edition, lang string) (string, error) {
	br, ds := source.Load(filepath.Join(root, "briefs", briefID, "brief.toml"))
	if ds.HasErrors() {
		return "", fmt.Errorf("load %s: %v", briefID, ds)
	}
	cat, _ := catalog.Load(filepath.Join(root, "locales"))
	loc, err := cat.Localizer(br.ID, lang)
	if err != nil {
		return "", err
	}
	text := func(id string) string {
		s, err := loc.Text(id, nil)
		if err != nil {
			return ""
		}
		return typstEscape(s)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "#set page(paper: \"a4\", margin: 2cm)\n#set text(font: (%s), size: 10pt, lang: %q)\n#set par(justify: false)\n\n", typstFonts[lang], lang)
	for _, bl := range br.Blocks {
		if !bl.InEdition(edition) {
			continue
		}
		switch bl.Kind {
		case source.Title:
			fmt.Fprintf(&b, "#text(size: 20pt, weight: \"bold\")[%s]\n\n", text(bl.Msg))
		case source.Subtitle:
			fmt.Fprintf(&b, "#text(size: 13pt)[%s]\n\n", text(bl.Msg))
		case source.Heading:
			fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("=", max(bl.Level, 1)), text(bl.Msg))
		case source.Paragraph:
			fmt.Fprintf(&b, "%s\n\n", text(bl.Msg))
		case source.List:
			mark := "-"
			if bl.Numbered {
				mark = "+"
			}
			for _, id := range bl.Items {
				fmt.Fprintf(&b, "%s %s\n", mark, text(id))
			}
			b.WriteString("\n")
		case source.Table:
			fmt.Fprintf(&b, "#table(columns: %d,\n", max(len(bl.Columns), 1))
			for _, row := range append([][]string{bl.Columns}, bl.Rows...) {
				for _, id := range row {
					fmt.Fprintf(&b, "  [%s],\n", text(id))
				}
			}
			b.WriteString(")\n\n")
		}
	}
	return b.String(), nil
}

// typstEscape makes text literal in Typst markup.
func typstEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\#$*_`+"`"+`<>@[]=-+/~"'`, r) {
			b.WriteRune('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// typst times Typst on the per-language document against briefs.
func (b *bench) typst(root, dir, fonts string) {
	compile := filepath.Join(dir, "compile.js")
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		fail(fmt.Errorf("-typst %s: run npm ci there first: %w", dir, err))
	}
	fmt.Println("against Typst 0.14 (typst-ts-node-compiler 0.7.0), the same blocks, one process per PDF (median wall time, peak RSS):")
	for _, e := range editionFor {
		src, err := typstSource(root, e.brief, e.edition, e.lang)
		if err != nil {
			fail(err)
		}
		in := filepath.Join(b.work, "typst-"+e.lang+".typ")
		if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
			fail(err)
		}
		var ours, theirs run
		for i := 0; i < b.n; i++ {
			ours = ours.add(b.time(exec.Command(b.bins[0], "--root", root, "build", "--out", filepath.Join(b.work, "vs-typst"),
				"--force", "--brief", e.brief, "--edition", e.edition, "--lang", e.lang)))
			theirs = theirs.add(b.time(exec.Command("node", compile, in, filepath.Join(b.work, "typst-"+e.lang+".pdf"), fonts)))
		}
		fmt.Printf("  %s: briefs %.1f ms wall (%.1f CPU), %.1f MB; Typst %.1f ms wall (%.1f CPU), %.1f MB, %s pages: briefs takes 1/%.1f of Typst's wall time, 1/%.1f of its CPU\n", e.lang,
			ms(ours.median()), ms(ours.cpuMedian()), float64(ours.maxRSS)/1024,
			ms(theirs.median()), ms(theirs.cpuMedian()), float64(theirs.maxRSS)/1024, pdfPages(filepath.Join(b.work, "typst-"+e.lang+".pdf")),
			ms(theirs.median())/ms(ours.median()), ms(theirs.cpuMedian())/ms(ours.cpuMedian()))
	}
}

// pdfPages returns a PDF's page count as pdfinfo (poppler-utils) gives
// it, or "?" without pdfinfo.
func pdfPages(path string) string {
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		return "?"
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}
