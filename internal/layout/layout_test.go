package layout

import (
	"bytes"
	"fmt"
	"image"
	pngenc "image/png"
	"math"
	"strings"
	"testing"
	"unicode"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/shape"
	"github.com/mekong-briefs/briefs/internal/text"
)

// Paragraphs in each language, long enough to fill several lines, with
// Latin acronyms and digits inside the other scripts.
var sampleText = map[string]string{
	"en": "Special economic zones are promoted across the Mekong region as engines of investment and employment, and most of their workers are young women who have migrated from other provinces or across borders to take up the work.",
	"vi": "Người lao động di cư từ Việt Nam, Campuchia và Myanmar cần được tiếp cận thông tin về quyền lợi bảo trợ xã hội một cách dễ hiểu, kể cả khi họ đang làm việc ở nước ngoài theo các chương trình của ASEAN.",
	"th": "เขตเศรษฐกิจพิเศษ (SEZ) ได้รับการส่งเสริมทั่วภูมิภาคแม่โขงในฐานะกลไกขับเคลื่อนการลงทุนและการจ้างงาน แรงงานข้ามชาติส่วนใหญ่เป็นผู้หญิงอายุน้อยที่ย้ายถิ่นมาจากจังหวัดอื่นหรือข้ามพรมแดนเพื่อมาทำงานในโรงงานตัดเย็บเสื้อผ้า 700 คน",
	"km": "តំបន់សេដ្ឋកិច្ចពិសេស (SEZ) ត្រូវបានលើកកម្ពស់នៅទូទាំងតំបន់មេគង្គ ជាកម្លាំងជំរុញការវិនិយោគ និងការងារ។ កម្មករភាគច្រើនជាស្ត្រីវ័យក្មេងដែលបានធ្វើចំណាកស្រុកពីខេត្តផ្សេងៗ ឬឆ្លងព្រំដែន ដើម្បីធ្វើការនៅរោងចក្រកាត់ដេរ ចំនួន 700 នាក់។",
	"my": "အထူးစီးပွားရေးဇုန် (SEZ) များကို မဲခေါင်ဒေသတစ်ဝှမ်းတွင် ရင်းနှီးမြှုပ်နှံမှုနှင့် အလုပ်အကိုင်ဖန်တီးမှုကို တွန်းအားပေးသည့် မောင်းနှင်အားများအဖြစ် မြှင့်တင်လျက်ရှိသည်။ ရွှေ့ပြောင်းလုပ်သား 700 ဦးကို စစ်တမ်းကောက်ယူခဲ့သည်။",
}

func engine(t testing.TB) *Engine {
	t.Helper()
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	// With a memo, as the build's engines: the tests set their documents
	// through it, and the goldens (newEngine) without.
	return &Engine{Fonts: set, Shaper: &shape.Shaper{}, Breaker: linebreak.New(), Memo: &Memo{}}
}

// doc builds a document of blocks from plain texts.
func doc(lang string, blocks ...manuscript.Block) *manuscript.Document {
	return &manuscript.Document{Lang: lang, Title: "t", Blocks: blocks,
		Folio: manuscript.Folio{Pattern: manuscript.PageSlot + "/" + manuscript.TotalSlot}}
}

func para(s string) manuscript.Block {
	return manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p", Spans: []manuscript.Span{{Text: text.NFC(s)}}}
}

func heading(s string) manuscript.Block {
	return manuscript.Block{Kind: manuscript.Heading, Level: 1, MsgID: "h", Spans: []manuscript.Span{{Text: s}}}
}

// runWidth is the advance width of a run.
func runWidth(r pages.GlyphRun) float64 {
	w := 0.0
	for _, g := range r.Glyphs {
		w += g.XAdvance
	}
	return w
}

// TestNoLineLeavesTheFrame sets every language, ragged and justified, and
// an overlong word, and checks every run stays inside the margins.
func TestNoLineLeavesTheFrame(t *testing.T) {
	e := engine(t)
	for lang, s := range sampleText {
		for _, justify := range []bool{false, true} {
			e.Justify = justify
			long := strings.Repeat(strings.Fields(s)[0], 12) // one unbreakable "word"
			out, _, err := e.Layout(doc(lang, para(s), para(s+" "+s), para(long)))
			if err != nil {
				t.Fatal(err)
			}
			for pi, pg := range out.Pages {
				for _, r := range pg.Runs {
					if r.X < marginX-0.01 || r.X+runWidth(r) > pageWidth-marginX+0.01 {
						t.Errorf("%s justify=%v page %d: run %q spans %.1f..%.1f, frame %.1f..%.1f",
							lang, justify, pi+1, r.Text, r.X, r.X+runWidth(r), marginX, pageWidth-marginX)
					}
				}
			}
		}
	}
}

// TestOverlongWordIsReported checks that a word wider than the measure is
// split with a warning naming the message, each time it is set.
func TestOverlongWordIsReported(t *testing.T) {
	e := engine(t)
	word := "ស្ត្រី" + strings.Repeat("Mekong", 30)
	var out *pages.Document
	for range 2 { // the second time from the memo, warning again
		var ds diag.List
		var err error
		out, ds, err = e.Layout(doc("km", manuscript.Block{Kind: manuscript.Paragraph, MsgID: "findings.long",
			Spans: []manuscript.Span{{Text: word}}}))
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) == 0 || ds[0].Code != "overlong-word" || !strings.Contains(ds[0].Msg, "findings.long") {
			t.Fatalf("diagnostics = %v, want an overlong-word warning naming findings.long", ds)
		}
	}
	if e.Memo.Hits == 0 {
		t.Error("the second layout found nothing in the memo")
	}
	var got strings.Builder
	lines := 0
	for _, r := range out.Pages[0].Runs {
		if r.Role == pages.RoleParagraph {
			got.WriteString(r.Text)
			lines++
		}
	}
	if got.String() != word || lines < 2 {
		t.Errorf("broken word: %d runs, text kept = %v", lines, got.String() == word)
	}
}

// TestOverlongAddressInAContact: an e-mail address too wide for its
// contact card is reported as the e-mail line's (contact.email),
// with a hint about addresses, not as the card's name message with one
// about tables.
func TestOverlongAddressInAContact(t *testing.T) {
	e := engine(t)
	mail := "research.coordination.unit.of.the.network@" + strings.Repeat("mekongmigration", 3) + ".example.org"
	b := manuscript.Block{Kind: manuscript.Contact, MsgID: "contact.1.name", Items: [][]manuscript.Span{
		{{Text: "Sok Dara", Strong: true}}, {{Text: mail, Link: "mailto:" + mail}}}, ItemIDs: []string{"contact.1.name", "contact.email"}}
	_, ds, err := e.Layout(doc("en", b))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || !strings.Contains(ds[0].Msg, `"contact.email"`) || !strings.Contains(ds[0].Hint, "address") {
		t.Errorf("diagnostics %v, want one overlong-word warning on contact.email with an address's hint", ds)
	}
}

// TestOverlongWordsWarnOncePerBlock: a paragraph of four overlong words
// gives one warning, which counts the other three, and a second block its
// own.
func TestOverlongWordsWarnOncePerBlock(t *testing.T) {
	word := strings.Repeat("Mekong", 30)
	four := strings.Join([]string{word, word + "a", word + "b", word + "c"}, " ")
	b1 := manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p1", Spans: []manuscript.Span{{Text: four}}, Pos: diag.Pos{File: "b.toml", Line: 3, Col: 1}}
	b2 := manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p2", Spans: []manuscript.Span{{Text: word}}, Pos: diag.Pos{File: "b.toml", Line: 9, Col: 1}}
	_, ds, err := engine(t).Layout(doc("en", b1, b2))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 || !strings.Contains(ds[0].Msg, "and 3 more word(s) of this block") || strings.Contains(ds[1].Msg, "more word") {
		t.Errorf("diagnostics = %v, want one per block, the first counting 3 more words", ds)
	}
}

// TestDottedCircleWarns: a Khmer vowel sign with no consonant prints on a
// dotted circle; the layout warns of it, naming the message and the
// cluster, and a text that writes a dotted circle itself is not warned of.
func TestDottedCircleWarns(t *testing.T) {
	for _, memo := range []bool{true, false} {
		e := engine(t)
		if !memo {
			e.Memo = nil
		}
		_, ds, err := e.Layout(doc("km", manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p.bad",
			Spans: []manuscript.Span{{Text: "ការងារ ិ នៅ"}}}, manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p.circle",
			Spans: []manuscript.Span{{Text: "សញ្ញា ◌ិ"}}}))
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != 1 || ds[0].Code != "dotted-circle" || !strings.Contains(ds[0].Msg, "p.bad") || !strings.Contains(ds[0].Msg, "ិ") {
			t.Errorf("memo %v: diagnostics = %v, want one dotted-circle warning for p.bad", memo, ds)
		}
	}
}

// TestAdjacentLinesDoNotTouch measures the ink of every line of Khmer and
// Burmese paragraphs and checks that the marks below one line stay clear
// of the marks above the next.
func TestAdjacentLinesDoNotTouch(t *testing.T) {
	e := engine(t)
	for _, lang := range []string{"km", "my", "th", "vi"} {
		s := sampleText[lang]
		out, _, err := e.Layout(doc(lang, para(s+" "+s+" "+s)))
		if err != nil {
			t.Fatal(err)
		}
		type ink struct{ top, bottom float64 } // y grows downwards
		lines := map[float64]*ink{}
		var ys []float64
		for _, r := range out.Pages[0].Runs {
			if r.Role != pages.RoleParagraph {
				continue
			}
			in, ok := lines[r.Y]
			if !ok {
				in = &ink{top: r.Y, bottom: r.Y}
				lines[r.Y] = in
				ys = append(ys, r.Y)
			}
			for _, g := range r.Glyphs {
				ext, _ := r.Face.Font.GlyphExtents(gid(g.ID))
				top := r.Y - (float64(ext.YBearing)/r.Face.Upem*r.Size + g.YOffset)
				bottom := r.Y - (float64(ext.YBearing+ext.Height)/r.Face.Upem*r.Size + g.YOffset)
				in.top = math.Min(in.top, top)
				in.bottom = math.Max(in.bottom, bottom)
			}
		}
		if len(ys) < 3 {
			t.Fatalf("%s: only %d lines", lang, len(ys))
		}
		for i := 1; i < len(ys); i++ {
			a, b := lines[ys[i-1]], lines[ys[i]]
			if a.bottom >= b.top {
				t.Errorf("%s: line %d ink reaches %.2f, line %d ink starts %.2f", lang, i, a.bottom, i+1, b.top)
			}
		}
	}
}

// TestHeadingNeverEndsAPage fills pages with paragraphs and headings and
// checks that no page's last line is a heading, and that no paragraph
// leaves a single line at a page's foot or head.
func TestHeadingNeverEndsAPage(t *testing.T) {
	e := engine(t)
	for _, lang := range []string{"en", "km"} {
		s := sampleText[lang]
		var blocks []manuscript.Block
		for i := 0; i < 14; i++ {
			blocks = append(blocks, heading(fmt.Sprintf("Heading %d", i)), para(s+" "+string([]rune(s)[:len([]rune(s))/2])))
		}
		out, _, err := e.Layout(doc(lang, blocks...))
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Pages) < 2 {
			t.Fatalf("%s: want several pages, got %d", lang, len(out.Pages))
		}
		for pi, pg := range out.Pages {
			var last pages.GlyphRun
			for _, r := range pg.Runs {
				if r.Role != pages.RoleFooter && r.Y >= last.Y {
					last = r
				}
			}
			if last.Role == pages.RoleHeading {
				t.Errorf("%s: page %d ends with heading %q", lang, pi+1, last.Text)
			}
		}
	}
}

// TestHeadingsOnlyFillTheFirstPage sets a draft of headings only, each
// kept with the next: together they are taller than a page, so moving
// them past the title would leave page 1 empty. They start under the
// title, and every page but the last is filled.
func TestHeadingsOnlyFillTheFirstPage(t *testing.T) {
	e := engine(t)
	blocks := []manuscript.Block{{Kind: manuscript.Title, MsgID: "title", Spans: []manuscript.Span{{Text: "Headings only"}}}}
	for i := 0; i < 60; i++ {
		h := heading(fmt.Sprintf("Heading %d about the rights of migrant workers", i))
		h.Level = 1 + i%2
		blocks = append(blocks, h)
	}
	out, _, err := e.Layout(doc("en", blocks...))
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Pages) < 2 {
		t.Fatalf("60 headings on %d page", len(out.Pages))
	}
	for pi, pg := range out.Pages[:len(out.Pages)-1] {
		lowest := 0.0
		for _, r := range pg.Runs {
			if r.Role == pages.RoleHeading {
				lowest = math.Max(lowest, r.Y)
			}
		}
		if lowest < pageHeight/2 {
			t.Errorf("page %d: its last heading stands at y=%.1f, in the upper half of the page (%.1f pt high)", pi+1, lowest, pageHeight)
		}
	}
}

// TestUndrawableCharacterIsAnError checks that a character no embedded
// face covers stops the document instead of drawing tofu.
// Without a memo, and with one that finds the paragraph on its second
// use, it is an error each time.
func TestUndrawableCharacterIsAnError(t *testing.T) {
	none, memo := engine(t), engine(t)
	none.Memo = nil
	for i, e := range []*Engine{none, memo, memo} {
		_, ds, err := e.Layout(doc("km", manuscript.Block{Kind: manuscript.Paragraph, MsgID: "intro.p1",
			Spans: []manuscript.Span{{Text: "ខ្មែរ 日本"}}}))
		if err == nil {
			t.Fatalf("layout %d: no error for CJK text, which no embedded face covers", i)
		}
		if len(ds) == 0 || ds[0].Code != "no-glyph" || !strings.Contains(ds[0].Msg, "intro.p1") || !strings.Contains(ds[0].Msg, "U+65E5") {
			t.Errorf("layout %d: diagnostics = %v, want no-glyph naming intro.p1 and U+65E5", i, ds)
		}
	}
	// A keycap is one cluster: its digit is drawable, its enclosing
	// keycap mark (U+20E3) is what no face has.
	_, ds, err := memo.Layout(doc("en", manuscript.Block{Kind: manuscript.Paragraph, MsgID: "intro.p2",
		Spans: []manuscript.Span{{Text: "Press 1\uFE0F\u20E3 now"}}}))
	if err == nil || len(ds) == 0 || !strings.Contains(ds[0].Msg, "U+20E3") {
		t.Errorf("keycap: %v, %v; want no-glyph naming U+20E3", err, ds)
	}
}

// TestNothingBelowTheBottomMargin sets a contact block too tall for one
// page, which pagination keeps together when it can, and checks that no
// line is drawn below the bottom margin.
func TestNothingBelowTheBottomMargin(t *testing.T) {
	e := engine(t)
	var lines [][]manuscript.Span
	for i := 0; i < 80; i++ {
		lines = append(lines, []manuscript.Span{{Text: fmt.Sprintf("Contact line %d", i)}})
	}
	out, _, err := e.Layout(doc("en", manuscript.Block{Kind: manuscript.Contact, MsgID: "c", Items: lines}))
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Pages) < 2 {
		t.Fatalf("80 lines on %d page", len(out.Pages))
	}
	for pi, pg := range out.Pages {
		for _, r := range pg.Runs {
			if r.Role != pages.RoleFooter && r.Y > pageHeight-marginBot {
				t.Errorf("page %d: %q at y=%.1f, below the frame (%.1f)", pi+1, r.Text, r.Y, pageHeight-marginBot)
			}
		}
	}
}

// TestTableColumnsKeepTheirWords sets a table whose first column has long
// text and whose other columns have one word each: no column may be so
// narrow that a word is broken, and no cell leaves the frame.
func TestTableColumnsKeepTheirWords(t *testing.T) {
	e := engine(t)
	long := sampleText["en"] + " " + sampleText["en"]
	cell := func(s string) []manuscript.Span { return []manuscript.Span{{Text: s}} }
	b := manuscript.Block{Kind: manuscript.Table, MsgID: "t", Pos: diag.Pos{},
		Header:  [][]manuscript.Span{cell("Site"), cell("Respondents"), cell("Country")},
		Rows:    [][][]manuscript.Span{{cell(long), cell("200"), cell("Cambodia")}},
		CellIDs: [][]string{{"h1", "h2", "h3"}, {"c1", "c2", "c3"}}}
	out, ds, err := e.Layout(doc("en", b))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		t.Errorf("unexpected diagnostic: %v", d)
	}
	found := map[string]bool{}
	for _, r := range out.Pages[0].Runs {
		found[r.Text] = true
		if r.X+runWidth(r) > pageWidth-marginX+0.01 {
			t.Errorf("cell run %q ends at %.1f, past the frame", r.Text, r.X+runWidth(r))
		}
	}
	for _, w := range []string{"Respondents", "Cambodia", "200"} {
		if !found[w] {
			t.Errorf("%q was broken across lines", w)
		}
	}
}

// TestWideListLabelsStayInTheFrame numbers a list past 100 in Khmer
// digits: every label stays on one line, inside the left margin.
func TestWideListLabelsStayInTheFrame(t *testing.T) {
	e := engine(t)
	b := manuscript.Block{Kind: manuscript.List, MsgID: "l"}
	for i := 0; i < 3; i++ {
		b.Items = append(b.Items, []manuscript.Span{{Text: "ស្ត្រីធ្វើការនៅរោងចក្រ"}})
		b.Labels = append(b.Labels, []string{"៩៨.", "៩៩.", "១០០."}[i])
	}
	out, ds, err := e.Layout(doc("km", b))
	if err != nil || len(ds) > 0 {
		t.Fatalf("err %v, diagnostics %v", err, ds)
	}
	labels := 0
	for _, r := range out.Pages[0].Runs {
		if r.Role == pages.RoleListLabel {
			labels++
			if r.X < marginX-0.01 {
				t.Errorf("label %q starts at %.1f, left of the margin", r.Text, r.X)
			}
		}
	}
	if labels != 3 {
		t.Errorf("%d label runs, want 3 (one line each)", labels)
	}
}

// TestStructureFollowsTheBlocks checks the logical structure layout gives
// the PDF writer: a list is L > LI > Lbl + LBody, a table Table > TR > TH
// or TD, every run names a node whose role matches, and footers are
// artifacts.
func TestStructureFollowsTheBlocks(t *testing.T) {
	e := engine(t)
	cell := func(s string) []manuscript.Span { return []manuscript.Span{{Text: s}} }
	out, _, err := e.Layout(doc("en",
		heading("Findings"),
		para(sampleText["en"]),
		manuscript.Block{Kind: manuscript.List, MsgID: "l", Items: [][]manuscript.Span{cell("one"), cell("two")}, Labels: []string{"1.", "2."}},
		manuscript.Block{Kind: manuscript.Table, MsgID: "t", Header: [][]manuscript.Span{cell("A"), cell("B")},
			Rows: [][][]manuscript.Span{{cell("a"), cell("b")}}},
	))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range out.Structure {
		parent := "-"
		if n.Parent != pages.Artifact {
			parent = string(out.Node(n.Parent).Role)
		}
		got = append(got, string(n.Role)+"<"+parent)
	}
	want := "H<- P<- L<- LI<L Lbl<LI LBody<LI LI<L Lbl<LI LBody<LI Table<- TR<Table TH<TR TH<TR TR<Table TD<TR TD<TR"
	if strings.Join(got, " ") != want {
		t.Errorf("structure:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	for _, r := range out.Pages[0].Runs {
		if r.Role == pages.RoleFooter {
			if r.Node != pages.Artifact {
				t.Errorf("footer %q is not an artifact", r.Text)
			}
			continue
		}
		if r.Node <= 0 || int(r.Node) > len(out.Structure) || out.Node(r.Node).Role != r.Role {
			t.Errorf("run %q (%s) names node %d", r.Text, r.Role, r.Node)
		}
	}
}

// TestContactsPairUp checks that two contact blocks in a row are set side
// by side, each in its own half of the measure.
func TestContactsPairUp(t *testing.T) {
	e := engine(t)
	contact := func(name string) manuscript.Block {
		return manuscript.Block{Kind: manuscript.Contact, MsgID: name, Items: [][]manuscript.Span{{{Text: name, Strong: true}}, {{Text: "Programme officer"}}}}
	}
	out, _, err := e.Layout(doc("en", contact("Left"), contact("Right")))
	if err != nil {
		t.Fatal(err)
	}
	var left, right pages.GlyphRun
	for _, r := range out.Pages[0].Runs {
		switch r.Text {
		case "Left":
			left = r
		case "Right":
			right = r
		}
	}
	if left.Y == 0 || left.Y != right.Y || left.X >= pageWidth/2 || right.X <= pageWidth/2 {
		t.Errorf("Left at (%.1f, %.1f), Right at (%.1f, %.1f): want one row, two columns", left.X, left.Y, right.X, right.Y)
	}
}

// TestLinksGetLinkNodes checks that a link's text and its annotation both
// name a Link node under the paragraph, and the rest of the paragraph
// names the paragraph.
func TestLinksGetLinkNodes(t *testing.T) {
	e := engine(t)
	out, _, err := e.Layout(doc("en", manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p",
		Spans: []manuscript.Span{{Text: "See "}, {Text: "the report", Link: "https://example.org"}, {Text: " for more."}}}))
	if err != nil {
		t.Fatal(err)
	}
	pg := out.Pages[0]
	if len(pg.Links) != 1 {
		t.Fatalf("%d links", len(pg.Links))
	}
	link := pg.Links[0].Node
	if link <= 0 || out.Node(link).Role != pages.RoleLink || out.Node(out.Node(link).Parent).Role != pages.RoleParagraph {
		t.Fatalf("link annotation names node %d %+v", link, out.Structure)
	}
	for _, r := range pg.Runs {
		switch {
		case r.Role == pages.RoleFooter:
		case strings.Contains(r.Text, "report") && r.Node != link:
			t.Errorf("link text %q names node %d, want %d", r.Text, r.Node, link)
		case !strings.Contains(r.Text, "report") && r.Node != out.Node(link).Parent:
			t.Errorf("text %q names node %d, want the paragraph", r.Text, r.Node)
		}
	}
}

// TestLinkAcrossFacesIsOneArea: a Khmer link with a Latin acronym and
// brackets in it, set in two faces, is one annotation on its line, as wide
// as its text.
func TestLinkAcrossFacesIsOneArea(t *testing.T) {
	e := engine(t)
	out, _, err := e.Layout(doc("km", manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p",
		Spans: []manuscript.Span{{Text: "សូមមើល "}, {Text: "មជ្ឈមណ្ឌល (IDRC) ស្រាវជ្រាវ", Link: "https://idrc.ca"}, {Text: " ។"}}}))
	if err != nil {
		t.Fatal(err)
	}
	pg := out.Pages[0]
	if len(pg.Links) != 1 {
		t.Fatalf("%d link areas, want 1: %+v", len(pg.Links), pg.Links)
	}
	var first, last *pages.GlyphRun
	for i := range pg.Runs {
		if r := &pg.Runs[i]; r.Node == pg.Links[0].Node {
			if first == nil {
				first = r
			}
			last = r
		}
	}
	end := last.X
	for _, g := range last.Glyphs {
		end += g.XAdvance
	}
	if l := pg.Links[0]; first == nil || math.Abs(l.X-first.X) > 0.01 || math.Abs(l.X+l.W-end) > 0.01 {
		t.Errorf("link area %+v, want from %.2f to %.2f", l, first.X, end)
	}
}

// TestForeignRunsCarryTheirLanguage checks that an English acronym in
// Khmer text is marked as English, and the Khmer around it is not marked.
func TestForeignRunsCarryTheirLanguage(t *testing.T) {
	e := engine(t)
	out, _, err := e.Layout(doc("km", para("តំបន់ SEZ ភ្នំពេញ")))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range out.Pages[0].Runs {
		want := ""
		if strings.Contains(r.Text, "SEZ") {
			want = "en"
		}
		if r.Role != pages.RoleFooter && r.Lang != want {
			t.Errorf("run %q: Lang %q, want %q", r.Text, r.Lang, want)
		}
	}
}

// TestSpansInAnotherLanguage: a span that says it is English is marked
// so in Vietnamese, where its script does not tell, and the Vietnamese
// around it is not; in Khmer script the span stays the document's.
func TestSpansInAnotherLanguage(t *testing.T) {
	e := engine(t)
	for _, tc := range []struct{ lang, text, other string }{
		{"vi", "Mekong Migration Network", "Mạng lưới Di cư"},
		{"km", "បណ្ដាញ", "តំបន់"},
	} {
		b := manuscript.Block{Kind: manuscript.Paragraph, MsgID: "p", Spans: []manuscript.Span{
			{Text: text.NFC(tc.other + " ")}, {Text: text.NFC(tc.text), Lang: "en"}}}
		out, _, err := e.Layout(doc(tc.lang, b))
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, r := range out.Pages[0].Runs {
			if r.Role == pages.RoleFooter {
				continue
			}
			want := ""
			if tc.lang == "vi" && strings.Contains(r.Text, "Mekong") {
				want, seen = "en", seen+1
			}
			if r.Lang != want {
				t.Errorf("%s: run %q: Lang %q, want %q", tc.lang, r.Text, r.Lang, want)
			}
		}
		if tc.lang == "vi" && seen == 0 {
			t.Errorf("vi: no run holds the English span")
		}
	}
}

// TestFloatsWaitForTheNextPage fills most of a page, then sets a table
// that does not fit, a short paragraph and a heading. The paragraph
// fills the page before the table, which opens the next page; the
// heading stays after the table.
func TestFloatsWaitForTheNextPage(t *testing.T) {
	e := engine(t)
	cell := func(s string) []manuscript.Span { return []manuscript.Span{{Text: s}} }
	var blocks []manuscript.Block
	for i := 0; i < 9; i++ {
		blocks = append(blocks, para(sampleText["en"]))
	}
	rows := [][][]manuscript.Span{}
	for i := 0; i < 10; i++ {
		rows = append(rows, [][]manuscript.Span{cell("Thilawa"), cell("200")})
	}
	blocks = append(blocks,
		manuscript.Block{Kind: manuscript.Table, MsgID: "t", Header: [][]manuscript.Span{cell("Site"), cell("Respondents")}, Rows: rows},
		para("A short paragraph after the table."),
		heading("Next section"))
	out, _, err := e.Layout(doc("en", blocks...))
	if err != nil {
		t.Fatal(err)
	}
	page := map[string]int{}
	for pi, pg := range out.Pages {
		for _, r := range pg.Runs {
			if _, ok := page[r.Text]; !ok {
				page[r.Text] = pi
			}
		}
	}
	short, table, next := page["A short paragraph after the table."], page["Site"], page["Next section"]
	if !(short == 0 && table == 1 && next == 1) {
		t.Fatalf("pages: short paragraph %d, table %d, heading %d; want 0, 1, 1", short, table, next)
	}
	var siteY, headY float64
	for _, r := range out.Pages[1].Runs {
		switch r.Text {
		case "Site":
			siteY = r.Y
		case "Next section":
			headY = r.Y
		}
	}
	if headY <= siteY {
		t.Errorf("the heading (y %.1f) passed the table (y %.1f)", headY, siteY)
	}
}

// TestLongCaptionStaysWithItsFigure fills a page so that a figure with a
// six-line caption must wait for the next page: every caption line goes
// with it.
func TestLongCaptionStaysWithItsFigure(t *testing.T) {
	e := engine(t)
	var png bytes.Buffer
	if err := pngenc.Encode(&png, image.NewGray(image.Rect(0, 0, 40, 20))); err != nil {
		t.Fatal(err)
	}
	caption := strings.Repeat(sampleText["en"]+" ", 3) + "CAPEND"
	for n := 6; n <= 12; n++ {
		var blocks []manuscript.Block
		for i := 0; i < n; i++ {
			blocks = append(blocks, para(sampleText["en"]))
		}
		blocks = append(blocks, manuscript.Block{Kind: manuscript.Figure, MsgID: "fig", Width: 0.8,
			Image: &manuscript.Image{Data: png.Bytes(), Format: "png", Alt: "a chart"}, Spans: []manuscript.Span{{Text: caption}}})
		out, _, err := e.Layout(doc("en", blocks...))
		if err != nil {
			t.Fatal(err)
		}
		imagePage, captionPages := -1, map[int]bool{}
		for pi, pg := range out.Pages {
			if len(pg.Images) > 0 {
				imagePage = pi
			}
			for _, r := range pg.Runs {
				if r.Role == pages.RoleCaption {
					captionPages[pi] = true
				}
			}
		}
		if len(captionPages) != 1 || !captionPages[imagePage] {
			t.Errorf("%d paragraphs: image on page %d, caption on pages %v", n, imagePage+1, captionPages)
		}
	}
}

// TestCaptionFollowsItsFigure checks where a figure's caption sits in
// the structure: after the Figure, beside it, never inside it, where the
// Figure's Alt would stand in for it and a screen reader would not read
// it.
func TestCaptionFollowsItsFigure(t *testing.T) {
	var png bytes.Buffer
	if err := pngenc.Encode(&png, image.NewGray(image.Rect(0, 0, 40, 20))); err != nil {
		t.Fatal(err)
	}
	fig := manuscript.Block{Kind: manuscript.Figure, MsgID: "fig", Width: 0.5,
		Image: &manuscript.Image{Data: png.Bytes(), Format: "png", Alt: "a map"}, Spans: []manuscript.Span{{Text: "Source: ILO"}}}
	out, _, err := engine(t).Layout(doc("en", para(sampleText["en"]), fig))
	if err != nil {
		t.Fatal(err)
	}
	figure, caption := -1, -1
	for i, n := range out.Structure {
		switch n.Role {
		case pages.RoleFigure:
			figure = i
		case pages.RoleCaption:
			caption = i
			if n.Parent != root {
				t.Errorf("the caption is under node %d (%s), not beside its figure", n.Parent, out.Structure[n.Parent-1].Role)
			}
		}
	}
	if figure < 0 || caption < figure {
		t.Errorf("structure has the Figure at %d and the Caption at %d; want the Caption right after", figure, caption)
	}
}

// TestLineEndsKeepTheirSpace joins the text of a paragraph's runs line by
// line: it must be the source text, spaces at line ends included, so
// that the structure tree and copied text never read "ofinvestment".
func TestLineEndsKeepTheirSpace(t *testing.T) {
	e := engine(t)
	for lang, s := range sampleText {
		for _, justify := range []bool{false, true} {
			e.Justify = justify
			src := text.NFC(s + " " + s)
			out, _, err := e.Layout(doc(lang, para(src)))
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			lines := map[float64]bool{}
			for _, r := range out.Pages[0].Runs {
				if r.Role == pages.RoleParagraph {
					got.WriteString(r.Text)
					lines[r.Y] = true
				}
			}
			if len(lines) < 2 {
				t.Fatalf("%s: %d lines, want several", lang, len(lines))
			}
			if got.String() != src {
				t.Errorf("%s justify=%v: runs spell\n%q\nwant\n%q", lang, justify, got.String(), src)
			}
		}
	}
}

// TestListLabelsComeFirst checks that every list label is drawn before
// the body of its item, so content order matches the structure tree.
func TestListLabelsComeFirst(t *testing.T) {
	e := engine(t)
	items := [][]manuscript.Span{{{Text: sampleText["en"]}}, {{Text: "Short."}}}
	out, _, err := e.Layout(doc("en", manuscript.Block{Kind: manuscript.List, MsgID: "l", Items: items, Labels: []string{"1.", "2."}}))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[pages.NodeID]bool{} // list items whose label has been drawn
	labels := 0
	for _, r := range out.Pages[0].Runs {
		if r.Node == pages.Artifact {
			continue
		}
		n := out.Node(r.Node)
		switch n.Role {
		case pages.RoleListLabel:
			seen[n.Parent] = true
			labels++
		case pages.RoleListBody:
			if !seen[n.Parent] {
				t.Errorf("body %q drawn before its label", r.Text)
			}
		}
	}
	if labels != 2 {
		t.Errorf("%d labels drawn, want 2", labels)
	}
}

// TestListNumbering: a numbered list's node says Decimal, in any script's
// digits, and a bulleted one Disc (the evaluated block's Numbered, not a
// reading of its labels).
func TestListNumbering(t *testing.T) {
	e := engine(t)
	items := [][]manuscript.Span{{{Text: "One."}}, {{Text: "Two."}}}
	for _, tc := range []struct {
		lang     string
		labels   []string
		numbered bool
		want     string
	}{
		{"en", []string{"1.", "2."}, true, "Decimal"},
		{"km", []string{"១.", "២."}, true, "Decimal"},
		{"en", []string{"•", "•"}, false, "Disc"},
	} {
		out, _, err := e.Layout(doc(tc.lang, manuscript.Block{Kind: manuscript.List, MsgID: "l", Items: items, Labels: tc.labels, Numbered: tc.numbered}))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, n := range out.Structure {
			if n.Role == pages.RoleList {
				found = true
				if n.Numbering != tc.want {
					t.Errorf("%s list %q: ListNumbering %q, want %q", tc.lang, tc.labels, n.Numbering, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%s list %q: no list node", tc.lang, tc.labels)
		}
	}
}

// TestOverlongWordHintFitsTheScript: a ZWSP is the fix for an overlong
// word only in a script written without spaces; an English word gets a
// hint it can follow, and the word is quoted without the space after it.
func TestOverlongWordHintFitsTheScript(t *testing.T) {
	e := engine(t)
	for _, tc := range []struct{ lang, text, hint string }{
		{"en", strings.Repeat("Mekong", 30) + " river", "shorten or rephrase"},
		{"km", "ស្ត្រី" + strings.Repeat("Mekong", 30), "ZWSP"},
	} {
		_, ds, err := e.Layout(doc(tc.lang, manuscript.Block{Kind: manuscript.Paragraph, MsgID: "findings.long",
			Spans: []manuscript.Span{{Text: tc.text}}}))
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) == 0 || ds[0].Code != "overlong-word" || !strings.Contains(ds[0].Hint, tc.hint) || strings.Contains(ds[0].Msg, " \" is wider") {
			t.Errorf("%s: %v, want an overlong-word warning with a hint about %q and the word quoted bare", tc.lang, ds, tc.hint)
		}
	}
}

// TestLinkWordsSpanTheLink: a link of three spans ("the **ILO** report")
// gives each of its runs the whole link's words.
func TestLinkWordsSpanTheLink(t *testing.T) {
	spans := []manuscript.Span{{Text: "See "}, {Text: "the ", Link: "https://ilo.org"}, {Text: "ILO", Strong: true, Link: "https://ilo.org"},
		{Text: " report", Link: "https://ilo.org"}, {Text: " now."}}
	for si, want := range []string{"", "the ILO report", "the ILO report", "the ILO report", ""} {
		if got := linkWords(spans, si); got != want {
			t.Errorf("span %d: %q, want %q", si, got, want)
		}
	}
}

// TestLongListKeepsItsEnds: a list too long to keep together may break
// between items, but a page never starts with its second line (its first
// alone at the foot of the page before) nor with its last line alone.
func TestLongListKeepsItsEnds(t *testing.T) {
	e := engine(t)
	st := e.setter("en")
	var items [][]manuscript.Span
	for i := range 8 {
		items = append(items, []manuscript.Span{{Text: fmt.Sprintf("Item %d of a list too long to keep on one page.", i+1)}})
	}
	els := e.list(st, manuscript.Block{Kind: manuscript.List, MsgID: "l", Items: items, Labels: make([]string, len(items))})
	if len(els) != 8 {
		t.Fatalf("%d lines, want 8 one-line items", len(els))
	}
	if els[1].breakable || els[len(els)-1].breakable {
		t.Errorf("a page may start with the list's second line (%v) or its last (%v)", els[1].breakable, els[len(els)-1].breakable)
	}
	if !els[4].breakable {
		t.Error("the list may not break between its middle items")
	}
}

// TestRunningFooterSetOnce: the running footer is set once per width and
// document, not on every page (a 1 MB title took minutes), and the line
// given again is the one set first.
func TestRunningFooterSetOnce(t *testing.T) {
	e := engine(t)
	st := e.setter("en")
	title := manuscript.Folio{Running: strings.Repeat("Jobs in special economic zones ", 40)}
	first, ok := e.runningLine(st, title, 300)
	again, ok2 := e.runningLine(st, title, 300)
	if !ok || !ok2 || len(first.runs) == 0 || &first.runs[0] != &again.runs[0] {
		t.Fatalf("the running line was set twice, or not at all (%v %v)", ok, ok2)
	}
	if len(st.running) != 1 {
		t.Errorf("%d running lines kept, want 1", len(st.running))
	}
	if other, _ := e.runningLine(st, title, 250); other.width > 250 || len(st.running) != 2 {
		t.Errorf("a narrower measure: width %.1f, %d kept", other.width, len(st.running))
	}
}

// TestLongRunningFooterKeepsItsEdition: a title too long for the footer
// is shortened with an ellipsis, and the edition's name, which tells
// loose pages of two editions apart, stays whole, in every script; a
// footer with no room for the edition is cut whole, ellipsis drawn.
func TestLongRunningFooterKeepsItsEdition(t *testing.T) {
	e := engine(t)
	for lang, s := range sampleText {
		st := e.setter(lang)
		title := text.NFC(s)
		edition := map[string]string{"km": "ការបោះពុម្ពកម្ពុជា", "th": "ฉบับประเทศไทย", "my": "မြန်မာ ထုတ်ဝေမှု", "vi": "Ấn bản Việt Nam", "en": "Cambodia edition"}[lang]
		f := manuscript.Folio{Running: title + " · " + text.NFC(edition), RunningTitle: title}
		ln, ok := e.runningLine(st, f, 300)
		got := lineTextOf(ln, ok)
		if before, _, _ := strings.Cut(got, "…"); strings.TrimRightFunc(before, unicode.IsPunct) != before {
			t.Errorf("%s: footer %q cut after a punctuation mark", lang, got)
		}
		if !strings.HasSuffix(got, "… · "+text.NFC(edition)) || ln.width > 300 || len(got) >= len(f.Running) {
			t.Errorf("%s: footer %q (%.1f pt), want the title cut with … and the edition whole, in 300 pt", lang, got, ln.width)
		}
		st = e.setter(lang)
		ln, ok = e.runningLine(st, f, 60)
		if got := lineTextOf(ln, ok); !strings.HasSuffix(got, "…") || ln.width > 60 {
			t.Errorf("%s: narrow footer %q (%.1f pt), want it cut with its ellipsis in 60 pt", lang, got, ln.width)
		}
	}
}

// TestEmptyTableCaption: a caption that sets no line (a link with no
// words) sets a table without one, not a panic.
func TestEmptyTableCaption(t *testing.T) {
	cell := func(s string) []manuscript.Span { return []manuscript.Span{{Text: s}} }
	table := manuscript.Block{Kind: manuscript.Table, MsgID: "t", Spans: []manuscript.Span{{Text: "", Link: "https://example.org"}},
		Header: [][]manuscript.Span{cell("Site")}, Rows: [][][]manuscript.Span{{cell("Tak")}}, CellIDs: [][]string{{"h1"}, {"c1"}}}
	if _, _, err := engine(t).Layout(doc("en", table)); err != nil {
		t.Fatal(err)
	}
}

// TestTableCaptionComesFirst: a table's caption is set above its header
// row, as the Table's first child, a Caption; the caption and the header
// stay on one page even when the table must wait for the next.
func TestTableCaptionComesFirst(t *testing.T) {
	e := engine(t)
	cell := func(s string) []manuscript.Span { return []manuscript.Span{{Text: s}} }
	table := manuscript.Block{Kind: manuscript.Table, MsgID: "t", Spans: cell("Table 1. Respondents by site"),
		Header:  [][]manuscript.Span{cell("Site"), cell("Respondents")},
		Rows:    [][][]manuscript.Span{{cell("Thilawa"), cell("200")}, {cell("Tak"), cell("200")}},
		CellIDs: [][]string{{"h1", "h2"}, {"c1", "c2"}, {"c3", "c4"}}}
	var blocks []manuscript.Block
	for range 9 {
		blocks = append(blocks, para(sampleText["en"]))
	}
	blocks = append(blocks, table)
	out, _, err := e.Layout(doc("en", blocks...))
	if err != nil {
		t.Fatal(err)
	}
	var tableNode, captionNode pages.NodeID
	for i, n := range out.Structure {
		id := pages.NodeID(i + 1)
		switch {
		case n.Role == pages.RoleTable:
			tableNode = id
		case n.Role == pages.RoleCaption && n.Parent == tableNode && tableNode != 0:
			if captionNode == 0 && id != tableNode+1 {
				t.Errorf("the caption is node %d, not the table's (%d) first child", id, tableNode)
			}
			captionNode = id
		}
	}
	if captionNode == 0 {
		t.Fatal("no Caption in the Table")
	}
	capPage, capY, headPage, headY := -1, 0.0, -1, 0.0
	for p, pg := range out.Pages {
		for _, r := range pg.Runs {
			if r.Node == captionNode && capPage < 0 {
				capPage, capY = p, r.Y
			}
			if r.Text == "Site" && headPage < 0 {
				headPage, headY = p, r.Y
			}
		}
	}
	if capPage < 0 || capPage != headPage || capY >= headY {
		t.Errorf("caption on page %d at %.1f, header on page %d at %.1f: want the caption just above the header", capPage+1, capY, headPage+1, headY)
	}
}

// lineTextOf is what a set line reads, "" for none.
func lineTextOf(ln line, ok bool) string {
	if !ok {
		return ""
	}
	return ln.text()
}

// TestRunningFooterCutsBetweenWords: shortening the title never splits a
// word that fits the footer, nor warns of one: the trials report nothing.
func TestRunningFooterCutsBetweenWords(t *testing.T) {
	e := engine(t)
	title := "Supercalifragilisticexpialidocious and more words of a long title"
	for _, width := range []float64{150, 180, 200} {
		st := e.setter("en")
		f := manuscript.Folio{Running: title + " · Cambodia edition", RunningTitle: title}
		ln, ok := e.runningLine(st, f, width)
		got := lineTextOf(ln, ok)
		if strings.Contains(got, "Supercalifragilis…") || len(st.diags) > 0 {
			t.Errorf("%.0f pt: footer %q, findings %v: a word split, or a warning", width, got, st.diags)
		}
	}
}

// TestPartnerPanicReachesLayout: a panic on the partner's goroutine (a
// partner with no faces here) is raised again by Layout, on its caller's
// goroutine, where the build turns it into the job's failure; before, it
// killed the process whatever the caller did.
func TestPartnerPanicReachesLayout(t *testing.T) {
	e := engine(t)
	e.Partner = &Engine{Memo: e.Memo, Shaper: e.Shaper, Breaker: e.Breaker} // no Fonts: it panics
	var blocks []manuscript.Block
	for i := range 12 {
		blocks = append(blocks, para(fmt.Sprintf("%d %s", i, sampleText["en"])))
	}
	defer func() {
		if recover() == nil {
			t.Error("Layout returned without the partner's panic")
		}
	}()
	e.Layout(doc("en", blocks...))
}
