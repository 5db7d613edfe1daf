package layout_test

import (
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/text"
)

// TestSampleMasthead checks the masthead on every sample that has one
// (jobs-in-sezs names its logo and name in brief.toml): page 1 starts
// with the logo, drawn as an artifact, and the organisation's name beside
// it, both above the edition kicker and the title; no later page has it,
// and no figure is left on page 1 to stand in for it.
func TestSampleMasthead(t *testing.T) {
	names, docs, ms := setSamples(t)
	seen := 0
	for i, d := range docs {
		m := ms[i].Masthead
		if !strings.HasPrefix(names[i], "jobs-in-sezs.") {
			continue
		}
		if m == nil || m.Logo == nil || len(m.Name) == 0 {
			t.Errorf("%s: no masthead with logo and name", names[i])
			continue
		}
		seen++
		pg := d.Pages[0]
		if len(pg.Images) != 1 || pg.Images[0].Node != pages.Artifact || pg.Images[0].Y > 60 {
			t.Errorf("%s: page 1 images %+v, want the logo alone, an artifact at the top", names[i], pg.Images)
			continue
		}
		logo := pg.Images[0]
		// The name is the first line on the page; it sits beside the logo.
		var name pages.GlyphRun
		titleY := -1.0
		for _, r := range pg.Runs {
			if name.Text == "" && r.Node != pages.Artifact {
				name = r
			}
			if r.Role == pages.RoleTitle && titleY < 0 {
				titleY = r.Y
			}
		}
		if !strings.HasPrefix(text.Plain(m.Name), strings.TrimSpace(name.Text)) || name.Text == "" {
			t.Errorf("%s: first line %q, want the name %q", names[i], name.Text, text.Plain(m.Name))
		}
		if name.X < logo.X+logo.W || name.Y < logo.Y || name.Y > logo.Y+logo.H {
			t.Errorf("%s: name at (%.1f, %.1f), want beside the logo (%.1f..%.1f wide, %.1f..%.1f high)",
				names[i], name.X, name.Y, logo.X, logo.X+logo.W, logo.Y, logo.Y+logo.H)
		}
		if titleY < logo.Y+logo.H {
			t.Errorf("%s: title at %.1f is not below the masthead (%.1f)", names[i], titleY, logo.Y+logo.H)
		}
		for pi, pg := range d.Pages[1:] {
			for _, im := range pg.Images {
				if im.Node == pages.Artifact {
					t.Errorf("%s: page %d has an artifact image", names[i], pi+2)
				}
			}
		}
	}
	if seen == 0 {
		t.Error("no sample with a masthead")
	}
}
