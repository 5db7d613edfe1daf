package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/source"
)

// project writes a one-brief project and loads it.
func project(t *testing.T, km string) (*source.Brief, *catalog.Catalog) {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"briefs/b/brief.toml": "id = \"b\"\ndate = 2019-07-01\n[[edition]]\ncountry = \"region\"\nlanguages = [\"en\", \"km\"]\n" +
			"[[block]]\ntype = \"title\"\nmsg = \"title\"\n[[block]]\ntype = \"paragraph\"\nmsg = \"p1\"\n",
		"locales/b.en.toml":      "[\"title\"]\nother = \"Title\"\n[\"p1\"]\nother = \"Text\"\n",
		"locales/b.km.toml":      km,
		"locales/shared.en.toml": "[\"footer.page\"]\nother = \"{{.Page}}/{{.Total}}\"\n[\"edition.label\"]\nother = \"{{.Edition}}\"\n[\"edition.region\"]\nother = \"Region\"\n",
		"locales/shared.km.toml": "[\"footer.page\"]\nother = \"{{.Page}}/{{.Total}}\"\n[\"edition.label\"]\nother = \"{{.Edition}}\"\n[\"edition.region\"]\nother = \"តំបន់\"\n",
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	br, ds := source.Load(filepath.Join(root, "briefs", "b", "brief.toml"))
	cat, cds := catalog.Load(filepath.Join(root, "locales"))
	if ds = append(ds, cds...); ds.HasErrors() {
		t.Fatal(ds)
	}
	return br, cat
}

// TestDiagnosticsAreValues checks that evaluation reports every problem
// of an edition as a coded diagnostic at one position: the block for a
// missing message, the catalogue for a refused text.
func TestDiagnosticsAreValues(t *testing.T) {
	br, cat := project(t, "[\"title\"]\nother = \"[x](javascript:alert(1))\"\n")
	doc, ds := Evaluate(br, cat, "region", "km")
	if doc != nil || len(ds) != 2 {
		t.Fatalf("doc %v, diagnostics %v", doc != nil, ds)
	}
	codes := map[string]int{}
	for _, d := range ds {
		codes[d.Code] = d.Pos.Line
		if d.Hint == "" || d.Pos.Col < 1 {
			t.Errorf("no hint or column: %v", d)
		}
	}
	if codes["missing"] != 11 || codes["link-scheme"] != 2 {
		t.Errorf("codes and lines %v, want missing at 11 (where the block names the message), link-scheme at 2", codes)
	}
}

// TestDraftFallsBack checks that a draft sets a missing message in the
// source language and lists it.
func TestDraftFallsBack(t *testing.T) {
	br, cat := project(t, "[\"title\"]\nother = \"ចំណងជើង\"\n")
	doc, ds := EvaluateWith(br, cat, "region", "km", Options{Draft: true})
	if ds != nil {
		t.Fatal(ds)
	}
	if !doc.Draft || len(doc.Missing) != 1 || doc.Missing[0] != "p1" || plain(doc) != "តំបន់\nចំណងជើង\nText\n" /* the edition is the kicker over the title */ {
		t.Errorf("draft %v, missing %v, text %q", doc.Draft, doc.Missing, plain(doc))
	}
	if doc, _ := EvaluateWith(br, cat, "region", "en", Options{Draft: true}); doc == nil || doc.Draft {
		t.Errorf("a complete edition is no draft")
	}
}

// TestMissingEnglishReportedAsSuch: a block naming a message that neither
// the translation nor the English has (a misspelt ID) is the English's
// finding in every language's job, with the nearest ID: "add the km
// translation, or build --draft" named two remedies that cannot work.
func TestMissingEnglishReportedAsSuch(t *testing.T) {
	br, cat := fixtureSamples(t)
	for i := range br.Blocks {
		if br.Blocks[i].Msg == "method.p1" {
			br.Blocks[i].Msg = "method.p01"
		}
	}
	for _, l := range []string{"en", "km"} {
		_, ds := Evaluate(br, cat, "kh", l)
		var found bool
		for _, d := range ds {
			if strings.Contains(d.Msg, "method.p01") {
				found = true
				if !strings.Contains(d.Msg, "no text in the source language (en)") || !strings.Contains(d.Hint, `did you mean "method.p1"`) {
					t.Errorf("%s: %v; want the English's finding with the nearest ID", l, d)
				}
			}
		}
		if !found {
			t.Errorf("%s: no finding for method.p01 in %v", l, ds)
		}
	}
}
