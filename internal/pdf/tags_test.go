package pdf

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// taggedDoc gives sampleDoc a structure: a heading, paragraphs, a figure
// with alt text, and the second page's run in the same paragraph as the
// first page's last, so one element spans two pages.
func taggedDoc(t *testing.T) *pages.Document {
	doc := sampleDoc(t)
	// NodeIDs count from 1: 1 heading, 2 paragraph, 3 figure, 4 link.
	doc.Structure = []pages.Node{
		{Role: pages.RoleHeading, Level: 1},
		{Role: pages.RoleParagraph},
		{Role: pages.RoleFigure, Alt: "A bar chart of respondents"},
		{Role: pages.RoleLink, Parent: 2},
	}
	p := &doc.Pages[0]
	for i := range p.Runs {
		p.Runs[i].Node = 2
	}
	p.Runs[0].Node = 1
	p.Runs[1].Lang = "en" // as if an English phrase in the Khmer document
	for i := range p.Images {
		p.Images[i].Node = 3
	}
	doc.Pages[1].Runs[0].Node = 2
	for i := range p.Links {
		p.Links[i].Node = 4
	}
	return doc
}

// TestTaggedStructure checks the structure tree poppler reads back, the
// figure's alternate text, and that rules are artifacts.
func TestTaggedStructure(t *testing.T) {
	path := writeTemp(t, taggedDoc(t), "tagged.pdf")
	run(t, "qpdf", "--check", path)
	if info := run(t, "pdfinfo", path); !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("pdfinfo does not see a tagged PDF:\n%s", info)
	}
	got := run(t, "pdfinfo", "-struct", path)
	want := "Document\n  H2 (block)\n  P (block)\n    Link (inline)\n      Object "
	if !strings.HasPrefix(got, want) {
		t.Errorf("structure:\n%s\nwant:\n%s", got, want)
	}
	data, _ := os.ReadFile(path)
	data = objectsText(t, data)
	if !strings.Contains(got, "  Figure\n") || !bytes.Contains(data, []byte("/StructParent 2 ")) {
		t.Errorf("no figure, or the link annotation has no /StructParent after the pages' keys:\n%s", got)
	}
	if !bytes.Contains(data, []byte("/Alt (A bar chart of respondents)")) {
		t.Error("the figure's /Alt is missing")
	}
	streams := string(data)
	if !strings.Contains(streams, "/Span <</Lang (en)>> BDC") {
		t.Error("the English run is not marked with /Lang (en)")
	}
	if !strings.Contains(streams, "/Artifact BMC") || !strings.Contains(streams, "/Figure <</MCID") {
		t.Error("rules are not artifacts, or images are not marked as figures")
	}
	// The paragraph runs on both pages: its second-page content needs a
	// marked-content reference naming the page.
	if !bytes.Contains(data, []byte("/MCID 0>>")) {
		t.Error("no marked-content reference for the paragraph's second page")
	}
}

// TestBadStructureIsAnError checks that a node whose parent comes after it
// is refused, not written as a broken tree.
func TestBadStructureIsAnError(t *testing.T) {
	doc := taggedDoc(t)
	doc.Structure[0].Parent = 3
	var b bytes.Buffer
	if err := Write(&b, doc); err == nil {
		t.Error("a parent after its child was accepted")
	}
	doc = taggedDoc(t)
	doc.Pages[0].Runs[0].Node = 7
	if err := Write(&b, doc); err == nil {
		t.Error("a run naming a missing node was accepted")
	}
}

// TestListNumbering: a list's numbering becomes its ListNumbering
// attribute, and a value Table 347 does not name is left out.
func TestListNumbering(t *testing.T) {
	doc := taggedDoc(t)
	doc.Structure = append(doc.Structure, pages.Node{Role: pages.RoleList, Numbering: "Decimal"},
		pages.Node{Role: pages.RoleList, Numbering: "Decimal /Evil"})
	path := writeTemp(t, doc, "lists.pdf")
	data, _ := os.ReadFile(path)
	data = objectsText(t, data)
	if n := bytes.Count(data, []byte("/A <</O /List /ListNumbering /Decimal>>")); n != 1 {
		t.Errorf("%d lists with /ListNumbering /Decimal, want 1", n)
	}
	if bytes.Contains(data, []byte("/Evil")) {
		t.Error("a numbering Table 347 does not name was written")
	}
}

// TestLongLinkWrittenOnce: a link broken over many lines is an annotation
// a line; a long address and description are written once and referred
// to, not once a line, and every annotation still resolves to them.
func TestLongLinkWrittenOnce(t *testing.T) {
	doc := taggedDoc(t)
	p := &doc.Pages[0]
	uri := "https://example.org/" + strings.Repeat("a", 5000)
	p.Links = nil
	for i := range 40 {
		p.Links = append(p.Links, pages.Link{X: 56, Y: 100 + 12*float64(i), W: 400, H: 12, URI: uri, Text: "the report", Node: 4})
	}
	path := writeTemp(t, doc, "longlink.pdf")
	run(t, "qpdf", "--check", path)
	data, _ := os.ReadFile(path)
	if n := bytes.Count(objectsText(t, data), []byte(uri)); n != 2 {
		t.Errorf("the address is written %d times, want 2 (the action, the description)", n)
	}
	for _, i := range []string{"1", "40"} { // mutool counts from 1
		got := run(t, "mutool", "show", "-b", path, "trailer/Root/Pages/Kids/1/Annots/"+i+"/A/URI")
		if !strings.Contains(got, uri) {
			t.Errorf("annotation %s: /A /URI reads %.80q", i, got)
		}
		got = run(t, "mutool", "show", "-b", path, "trailer/Root/Pages/Kids/1/Annots/"+i+"/Contents")
		if !strings.Contains(got, `the report \(`) {
			t.Errorf("annotation %s: /Contents reads %.80q", i, got)
		}
	}
}
