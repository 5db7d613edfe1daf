package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/pages"
)

var khmerBody = strings.Fields(`កម្មករចំណាកស្រុកជាច្រើននាក់បានធ្វើការនៅក្នុងតំបន់សេដ្ឋកិច្ចពិសេស។
ពួកគេត្រូវការព័ត៌មានអំពីសិទ្ធិការងារ ប្រាក់ឈ្នួល និងលក្ខខណ្ឌការងារ។
រដ្ឋាភិបាលគួរតែពង្រឹងការអនុវត្តច្បាប់ការងារ និងធានាថាកម្មករទាំងអស់ទទួលបានការការពារសង្គម។
ស្ត្រីកម្មករប្រឈមនឹងហានិភ័យខ្ពស់ ដោយសារការរើសអើង និងការបៀតបៀនផ្លូវភេទនៅកន្លែងធ្វើការ។
អនុសាសន៍៖ បង្កើតយន្តការដោះស្រាយវិវាទដែលងាយស្រួលប្រើ ហើយផ្សព្វផ្សាយជាភាសាដែលកម្មករយល់។`)

// TestBriefSize measures a two-page brief in one language: Khmer body
// text, bold Khmer headings and Latin acronyms. With subset fonts it must
// stay well under 80 KB.
func TestBriefSize(t *testing.T) {
	doc := &pages.Document{Lang: "km", Title: "ការងារ"}
	for p := 0; p < 2; p++ {
		page := pages.Page{Width: a4W, Height: a4H}
		y := 70.0
		page.Runs = append(page.Runs, shapeRun(t, "km", "ការងារនៅតំបន់សេដ្ឋកិច្ចពិសេស", fonts.Bold, 18, 56, y))
		y += 36
		for line := 0; y < a4H-60; line++ {
			words := khmerBody[line%len(khmerBody)]
			page.Runs = append(page.Runs, shapeRun(t, "km", words, fonts.Regular, 10.5, 56, y))
			if line%4 == 3 {
				page.Runs = append(page.Runs, shapeRun(t, "en", "SEZ ILO 2019 (Mekong Migration Network)", fonts.Regular, 10.5, 300, y))
			}
			y += 19
		}
		page.Runs = append(page.Runs, shapeRun(t, "en", "Mekong Migration Network", fonts.Bold, 8, 56, a4H-30))
		doc.Pages = append(doc.Pages, page)
	}
	var b bytes.Buffer
	if err := Write(&b, doc); err != nil {
		t.Fatal(err)
	}
	t.Logf("two-page Khmer brief: %d bytes", b.Len())
	if b.Len() > 80_000 {
		t.Errorf("two-page brief is %d bytes, want under 80 KB", b.Len())
	}
	path := writeTemp(t, doc, "brief-km.pdf")
	if _, err := execOutput(tool(t, "qpdf"), "--check", path); err != nil {
		t.Errorf("qpdf --check fails on the brief")
	}
}
