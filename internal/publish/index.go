package publish

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/source"
)

// The template is parsed once, on first use: a run that writes no index
// (check, an unchanged rebuild) does not pay its 0.2 ms at start. A
// parsed html/template is safe for concurrent use and never modified
// after this point.
var indexTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("index").Parse(indexTemplate))
})

// WriteIndex writes out/index.html atomically: one self-contained page
// (inline CSS, no script, no external fonts or images) listing each brief,
// newest first, with its publication date and editions, and for each PDF a
// link to it with its language (named in its own script), its title, its
// page count and its size.
//
// The page's own words are English. The page count of each PDF is the
// shared catalogue's plural message "index.pages" in the PDF's language,
// and edition names are the English "edition.<country>" messages; with a
// nil cat both fall back to English built in ("2 pages", the country code).
// The same entries always give the same bytes.
func WriteIndex(out string, site Site, entries []Entry, cat *catalog.Catalog) error {
	data, err := RenderIndex(site, entries, cat)
	if err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(out, IndexName), data); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}

// Site is what the project's settings (briefs.toml) say of the page: its
// title and the organisation that publishes the briefs.
type Site struct {
	Title        string
	Organisation string
}

// DefaultSite is the page of a project without settings.
var DefaultSite = Site{Title: "Policy briefs"}

// RenderIndex returns the bytes of index.html for entries (see WriteIndex).
func RenderIndex(site Site, entries []Entry, cat *catalog.Catalog) ([]byte, error) {
	w := words{cat: cat, locs: map[string]*catalog.Localizer{}}
	page, err := buildPage(entries, &w)
	if err != nil {
		return nil, fmt.Errorf("render index: %w", err)
	}
	if site.Title == "" {
		site.Title = DefaultSite.Title
	}
	page.Site = site
	var buf bytes.Buffer
	if err := indexTmpl().Execute(&buf, page); err != nil {
		return nil, fmt.Errorf("render index: %w", err)
	}
	return buf.Bytes(), nil
}

// indexPage is what the template renders.
type indexPage struct {
	Site   Site
	Briefs []indexBrief
	Langs  []indexLang // every language listed, in code order
	PDFs   int
}

type indexBrief struct {
	ID        string
	Title     string
	TitleLang string // language of Title
	Date      string // YYYY-MM-DD
	DateText  string // "July 2019"
	Editions  []indexEdition
}

type indexEdition struct {
	Code, Name string
	PDFs       []indexPDF
}

type indexPDF struct {
	Lang      indexLang
	Path      string
	Title     string // in Lang; "" when it is the brief's heading already
	Pages     string // in PagesLang
	PagesLang string // Lang, or "en" when there is no catalogue
	Size      string // "54 KB"
	Draft     bool   // built with --draft: not for publication
}

type indexLang struct{ Code, Name string }

// buildPage groups entries by brief and edition, in a fixed order: briefs
// newest first then by ID, the "region" edition first then by country,
// PDFs by language code.
func buildPage(entries []Entry, w *words) (indexPage, error) {
	es := sortedEntries(entries)
	slices.SortStableFunc(es, func(a, b Entry) int {
		return cmp.Or(-cmp.Compare(a.Date, b.Date), cmp.Compare(a.Brief, b.Brief),
			cmp.Compare(editionRank(a.Edition), editionRank(b.Edition)),
			cmp.Compare(a.Edition, b.Edition), cmp.Compare(a.Lang, b.Lang))
	})
	var page indexPage
	langs := map[string]bool{}
	for _, e := range es {
		if n := len(page.Briefs); n == 0 || page.Briefs[n-1].ID != e.Brief {
			b, err := newBrief(e, es)
			if err != nil {
				return page, err
			}
			page.Briefs = append(page.Briefs, b)
		}
		b := &page.Briefs[len(page.Briefs)-1]
		if n := len(b.Editions); n == 0 || b.Editions[n-1].Code != e.Edition {
			name, err := w.edition(e.Edition)
			if err != nil {
				return page, fmt.Errorf("%s: %w", e.Path, err)
			}
			b.Editions = append(b.Editions, indexEdition{Code: e.Edition, Name: name})
		}
		ed := &b.Editions[len(b.Editions)-1]
		pages, err := w.pages(e.Lang, e.Pages, e.NativeDigits)
		if err != nil {
			return page, fmt.Errorf("%s: %w", e.Path, err)
		}
		p := indexPDF{Lang: indexLang{e.Lang, lang.Endonym(e.Lang)}, Path: e.Path, Pages: pages,
			PagesLang: e.Lang, Size: kilobytes(e.Bytes), Draft: e.Draft}
		if w.cat == nil {
			p.PagesLang = "en"
		}
		if e.Lang != b.TitleLang {
			p.Title = e.Title
		}
		ed.PDFs = append(ed.PDFs, p)
		langs[e.Lang] = true
		page.PDFs++
	}
	for _, l := range slices.Sorted(maps.Keys(langs)) {
		page.Langs = append(page.Langs, indexLang{l, lang.Endonym(l)})
	}
	return page, nil
}

// newBrief starts a brief's section. Its heading is the English title, or
// the title of its first PDF when it has no English one.
func newBrief(e Entry, all []Entry) (indexBrief, error) {
	b := indexBrief{ID: e.Brief, Date: e.Date, Title: e.TitleEN, TitleLang: "en"}
	if b.Title == "" {
		b.Title, b.TitleLang = e.Title, e.Lang
		for _, o := range all {
			if o.Brief == e.Brief && o.TitleEN != "" {
				b.Title, b.TitleLang = o.TitleEN, "en"
				break
			}
		}
	}
	d, err := time.Parse("2006-01-02", e.Date)
	if err != nil {
		return b, fmt.Errorf("brief %s: bad date %q", e.Brief, e.Date)
	}
	b.DateText = d.Format("January 2006")
	return b, nil
}

// editionRank puts the region-wide edition before the country editions.
func editionRank(ed string) int {
	if ed == "region" {
		return 0
	}
	return 1
}

// kilobytes formats a size in whole KB (1 KB = 1024 bytes), at least 1.
func kilobytes(n int64) string {
	return strconv.FormatInt(max(1, (n+512)/1024), 10) + " KB"
}

// words renders the index's catalogue messages, one localizer per language.
type words struct {
	cat  *catalog.Catalog
	locs map[string]*catalog.Localizer
}

func (w *words) loc(lang string) (*catalog.Localizer, error) {
	if l, ok := w.locs[lang]; ok {
		return l, nil
	}
	l, err := w.cat.Localizer(catalog.Shared, lang)
	if err != nil {
		return nil, err
	}
	w.locs[lang] = l
	return l, nil
}

// pages renders "index.pages" for n pages in language code, in its own
// digits when native (as the PDF prints its numbers). A translation that
// cannot be rendered (briefs check reports it) costs its language the
// count in its own words, not the whole index: the English stands in, and
// the built-in English for a broken English message.
func (w *words) pages(code string, n int, native bool) (string, error) {
	if w.cat != nil {
		if l, err := w.loc(code); err == nil {
			if s, err := l.Plural("index.pages", n, nil); err == nil {
				if native {
					s = lang.NativeDigits(code, s)
				}
				return s, nil
			}
		}
		if code != "en" {
			return w.pages("en", n, false)
		}
	}
	if n == 1 {
		return "1 page", nil
	}
	return strconv.Itoa(n) + " pages", nil
}

// edition renders an edition's English name, "edition.<country>".
func (w *words) edition(code string) (string, error) {
	if w.cat == nil {
		return code, nil
	}
	l, err := w.loc("en")
	if err != nil {
		return "", err
	}
	return l.Text(source.EditionNameID(code), nil)
}

// indexTemplate is index.html. Every language's text carries its lang
// attribute, so browsers pick the script's font and line height; the font
// stacks name system fonts only (Noto Sans Khmer, Myanmar and Thai, and
// the fonts Windows, macOS, iOS and Android ship for those scripts).
const indexTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="briefs">
<title>{{.Site.Title}}</title>
<style>
:root{--fg:#1b1b1b;--muted:#595959;--line:#dcdcdc;--link:#0a58a8;--bg:#fff;--card:#f5f5f2}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#a8a8a8;--line:#3c3c3c;--link:#8cc2ff;--bg:#121212;--card:#1d1d1d}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"Noto Sans Khmer","Khmer OS System","Khmer UI","Noto Sans Myanmar","Myanmar Text",Padauk,"Noto Sans Thai","Leelawadee UI",Thonburi,sans-serif}
:lang(km){font-family:"Noto Sans Khmer","Khmer OS System","Khmer UI","Khmer Sangam MN",system-ui,sans-serif;line-height:1.8}
:lang(my){font-family:"Noto Sans Myanmar","Myanmar Text",Padauk,"Myanmar Sangam MN",system-ui,sans-serif;line-height:1.9}
:lang(th){font-family:"Noto Sans Thai","Leelawadee UI",Thonburi,Tahoma,system-ui,sans-serif;line-height:1.75}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.25rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.25rem;line-height:1.35;margin:0}
h3{font-size:.95rem;margin:1rem 0 .25rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.summary,.date{margin:0;color:var(--muted)}
.langs{display:flex;flex-wrap:wrap;gap:.25rem .5rem;margin:.5rem 0 0;padding:0;list-style:none}
.langs li{padding:0 .5rem;border:1px solid var(--line);border-radius:1rem}
article{margin:1.25rem 0;padding:1rem;background:var(--card);border-radius:.5rem}
ul.pdfs{list-style:none;margin:0;padding:0}
ul.pdfs li{border-top:1px solid var(--line)}
ul.pdfs a{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .75rem;min-height:2.75rem;padding:.5rem 0;color:inherit;text-decoration:none}
ul.pdfs a:hover .name,ul.pdfs a:focus .name{text-decoration:underline}
.name{flex:0 0 6.5rem;font-weight:600;color:var(--link)}
.title{flex:1 1 12rem;min-width:0;overflow-wrap:anywhere}
.meta{margin-left:auto;color:var(--muted);font-size:.9rem;white-space:nowrap}
.draft{color:#b3261e}
footer{padding-bottom:2rem;color:var(--muted);font-size:.9rem}
footer a{color:var(--link)}
</style>
</head>
<body>
<header>
<h1>{{.Site.Title}}</h1>
{{- if .Site.Organisation}}
<p class="summary">{{.Site.Organisation}}</p>
{{- end}}
<p class="summary">{{len .Briefs}} {{if eq (len .Briefs) 1}}brief{{else}}briefs{{end}}, {{.PDFs}} PDF{{if ne .PDFs 1}}s{{end}}, in:</p>
<ul class="langs">
{{- range .Langs}}
<li lang="{{.Code}}">{{.Name}}</li>
{{- end}}
</ul>
</header>
<main>
{{- range $b := .Briefs}}
<article id="{{$b.ID}}">
<h2 lang="{{$b.TitleLang}}">{{$b.Title}}</h2>
<p class="date">Published <time datetime="{{$b.Date}}">{{$b.DateText}}</time></p>
{{- range .Editions}}
<section id="{{$b.ID}}.{{.Code}}">
<h3>{{.Name}}</h3>
<ul class="pdfs">
{{- range .PDFs}}
<li><a href="{{.Path}}" type="application/pdf" hreflang="{{.Lang.Code}}"><span class="name" lang="{{.Lang.Code}}">{{.Lang.Name}}</span>
{{- if .Title}} <span class="title" lang="{{.Lang.Code}}">{{.Title}}</span>{{end}}
<span class="meta">{{if .Draft}}<strong class="draft">DRAFT</strong> · {{end}}<span lang="{{.PagesLang}}">{{.Pages}}</span> · {{.Size}}</span></a></li>
{{- end}}
</ul>
</section>
{{- end}}
</article>
{{- end}}
</main>
<footer>
<p>Checksums of every PDF: <a href="manifest.json">manifest.json</a></p>
</footer>
</body>
</html>
`
