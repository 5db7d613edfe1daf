package publish

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func writeFixtureIndex(t *testing.T) (string, []Entry, string) {
	t.Helper()
	out, es, cat := fixtureTree(t)
	if err := WriteIndex(out, DefaultSite, es, cat); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, IndexName))
	if err != nil {
		t.Fatal(err)
	}
	return out, es, string(page)
}

func TestIndexGolden(t *testing.T) {
	_, _, page := writeFixtureIndex(t)
	golden(t, "index.golden.html", []byte(page))
}

var hrefRE = regexp.MustCompile(`href="([^"]*)"`)

// LinkedPDFs returns the unescaped href of every link to a PDF in a page.
func linkedPDFs(page string) []string {
	var hrefs []string
	for _, m := range hrefRE.FindAllStringSubmatch(page, -1) {
		if h := html.UnescapeString(m[1]); strings.HasSuffix(h, ".pdf") {
			hrefs = append(hrefs, h)
		}
	}
	return hrefs
}

func TestIndexLinksResolve(t *testing.T) {
	out, es, page := writeFixtureIndex(t)
	hrefs := linkedPDFs(page)
	for _, h := range hrefs {
		if strings.Contains(h, ":") || strings.HasPrefix(h, "/") || strings.Contains(h, "..") {
			t.Errorf("link %q is not a relative path inside the tree", h)
			continue
		}
		if st, err := os.Stat(filepath.Join(out, filepath.FromSlash(h))); err != nil || !st.Mode().IsRegular() {
			t.Errorf("link %q: no such PDF in the tree (%v)", h, err)
		}
	}
	var want []string
	for _, e := range es {
		want = append(want, e.Path)
	}
	slices.Sort(want)
	slices.Sort(hrefs)
	if !slices.Equal(hrefs, want) {
		t.Errorf("index links\n %q\nwant one link per PDF\n %q", hrefs, want)
	}
}

func TestIndexIsSelfContained(t *testing.T) {
	_, _, page := writeFixtureIndex(t)
	for _, bad := range []string{"<script", "<link", "<img", "@import", "url(", "@font-face", "http://", "https://", "src="} {
		if strings.Contains(page, bad) {
			t.Errorf("index.html contains %q: it must not load anything", bad)
		}
	}
	for _, want := range []string{`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		`<meta charset="utf-8">`, `"Noto Sans Khmer"`, `"Noto Sans Myanmar"`, `"Noto Sans Thai"`} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

func TestIndexNamesLanguagesInTheirOwnScript(t *testing.T) {
	_, _, page := writeFixtureIndex(t)
	for lang, name := range map[string]string{"km": "ខ្មែរ", "my": "မြန်မာ", "th": "ไทย", "vi": "Tiếng Việt", "en": "English"} {
		if !strings.Contains(page, `<span class="name" lang="`+lang+`">`+name+`</span>`) {
			t.Errorf("no link names %s as %s with lang=%q", lang, name, lang)
		}
	}
	// Page counts come from each language's own catalogue.
	for _, want := range []string{`<span lang="km">3 ទំព័រ</span>`, `<span lang="th">`, `หน้า</span>`,
		`<span lang="my">စာမျက်နှာ`, `trang</span>`, ` page</span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

// TestIndexCountsInTheEditionsDigits: a PDF that prints native digits
// has its pages counted in them; the same language without does not.
func TestIndexCountsInTheEditionsDigits(t *testing.T) {
	_, es, cat := fixtureTree(t)
	var km []Entry
	for _, e := range es {
		if e.Lang == "km" {
			km = append(km, e)
		}
	}
	if len(km) == 0 {
		t.Fatal("the fixture has no Khmer PDF")
	}
	for _, native := range []bool{false, true} {
		for i := range km {
			km[i].NativeDigits = native
		}
		page, err := RenderIndex(DefaultSite, km, cat)
		if err != nil {
			t.Fatal(err)
		}
		want, not := `<span lang="km">3 ទំព័រ</span>`, `<span lang="km">៣ ទំព័រ</span>`
		if native {
			want, not = not, want
		}
		if !strings.Contains(string(page), want) || strings.Contains(string(page), not) {
			t.Errorf("native digits %v: index lacks %s or has %s", native, want, not)
		}
	}
}

func TestIndexEscapes(t *testing.T) {
	_, _, page := writeFixtureIndex(t)
	if strings.Contains(page, "<wages>") {
		t.Error("a title's markup reached the page unescaped")
	}
	if !strings.Contains(page, "Jobs in SEZs: &lt;wages&gt; &amp; &#34;hours&#34;") {
		t.Error("the escaped English title is missing")
	}
}

func TestIndexOrder(t *testing.T) {
	_, _, page := writeFixtureIndex(t)
	// Newest brief first; the region edition before country editions.
	order := []string{`id="care"`, `id="jobs"`, `id="jobs.region"`, `id="jobs.kh"`, `id="thai-only"`}
	last := -1
	for _, s := range order {
		i := strings.Index(page, s)
		if i < last {
			t.Errorf("%s is out of order", s)
		}
		last = i
	}
}

func TestIndexIsDeterministic(t *testing.T) {
	_, es, cat := fixtureTree(t)
	a, err := RenderIndex(DefaultSite, es, cat)
	if err != nil {
		t.Fatal(err)
	}
	rev := slices.Clone(es)
	slices.Reverse(rev)
	b, err := RenderIndex(DefaultSite, rev, cat)
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Error("index.html depends on the order of the entries")
	}
}

// TestIndexMissingMessage: an edition that no catalogue names (the
// project added a country but not its "edition.<country>" message) is an
// error, not an index with a blank heading. A page count that cannot be
// rendered is not: the English stands in (cmd/briefs broken case
// index-plural-broken).
func TestIndexMissingMessage(t *testing.T) {
	_, es, cat := fixtureTree(t)
	es = slices.Clone(es)
	es[0].Edition = "sg"
	if _, err := RenderIndex(DefaultSite, es, cat); err == nil {
		t.Error("an edition no catalogue names: no error")
	}
}

func TestIndexWithoutCatalog(t *testing.T) {
	_, es, _ := fixtureTree(t)
	page, err := RenderIndex(DefaultSite, es, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<span lang="en">2 pages</span>`) {
		t.Error("with no catalogue, page counts are not in English")
	}
}

func TestKilobytes(t *testing.T) {
	for n, want := range map[int64]string{0: "1 KB", 100: "1 KB", 1536: "2 KB", 54 * 1024: "54 KB"} {
		if got := kilobytes(n); got != want {
			t.Errorf("kilobytes(%d) = %q, want %q", n, got, want)
		}
	}
}
