package layout_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// A4 frame as layout sets it: the text area between the margins.
const (
	frameTop    = 56.0
	frameBottom = 841.890 - 64.0
	footerZone  = 841.890 - 50.0 // footers sit below this
)

// contentBottom is the lowest ink of a page's content: runs (by their
// descent, roughly), images and rules above the footer.
func contentBottom(pg pages.Page) float64 {
	bottom := frameTop
	for _, r := range pg.Runs {
		if r.Y < footerZone {
			bottom = math.Max(bottom, r.Y+0.3*r.Size)
		}
	}
	for _, im := range pg.Images {
		bottom = math.Max(bottom, im.Y+im.H)
	}
	for _, rc := range pg.Rects {
		if rc.Y < footerZone-20 {
			bottom = math.Max(bottom, rc.Y+rc.H)
		}
	}
	return bottom
}

// maxKeep is the tallest run of elements that may move whole to the next
// page and leave a gap: a heading with the lines it keeps, a short list,
// a pair of contacts. A taller run that moves is a fault, since it could
// have been split.
const maxKeep = 0.30 * (frameBottom - frameTop)

// TestSamplePagesAreFull checks page fill on every sample: no page but
// the last ends more than 15 % empty unless a float waited for the next
// page, or a run that must stay together (a heading and what it keeps, a
// short list, a contact) did not fit in the gap and is short itself.
func TestSamplePagesAreFull(t *testing.T) {
	names, docs, _ := setSamples(t)
	breaks := sampleBreaks(t)
	for i, d := range docs {
		for pi := 0; pi+1 < len(d.Pages); pi++ {
			gap := frameBottom - contentBottom(d.Pages[pi])
			if gap/(frameBottom-frameTop) <= 0.15 {
				continue
			}
			why := "nothing"
			for _, b := range breaks[i] {
				if b.Page != pi {
					continue
				}
				switch {
				case b.Cause == "float":
					why = ""
				case b.Cause == "keep" && b.Need <= maxKeep:
					why = ""
				default:
					why = fmt.Sprintf("a %s run of %.0f pt", b.Cause, b.Need)
				}
			}
			if why != "" {
				t.Errorf("%s page %d ends %.0f %% empty, and %s forced the break", names[i], pi+1, 100*gap/(frameBottom-frameTop), why)
			}
		}
	}
}

// TestSampleTablesRepeatHeaders checks, on every sample (the provinces
// fixture has a table over two pages), that a page a table continues to
// starts with the table's header row, as artifacts.
func TestSampleTablesRepeatHeaders(t *testing.T) {
	names, docs, _ := setSamples(t)
	continued := 0
	for i, d := range docs {
		var head []string // the header cells' text of the latest table
		for pi, pg := range d.Pages {
			firstCell := math.Inf(1)
			var tagged []string // a table's header, where the table starts
			for _, r := range pg.Runs {
				switch r.Role {
				case pages.RoleTableHead:
					if r.Node != pages.Artifact {
						tagged = append(tagged, r.Text)
					}
				case pages.RoleTableCell:
					firstCell = math.Min(firstCell, r.Y)
				}
			}
			if tagged != nil {
				head = tagged
			}
			if pi == 0 || math.IsInf(firstCell, 1) || !hasCells(d.Pages[pi-1]) {
				continue
			}
			continued++
			var repeated []string
			for _, r := range pg.Runs {
				if r.Node == pages.Artifact && r.Y < firstCell {
					repeated = append(repeated, r.Text)
				}
			}
			if strings.Join(repeated, "|") != strings.Join(head, "|") {
				t.Errorf("%s page %d: the table continues under %q, want its header %q", names[i], pi+1, repeated, head)
			}
		}
	}
	if continued == 0 {
		t.Error("no sample table runs over a page: the test tests nothing")
	}
}

func hasCells(pg pages.Page) bool {
	for _, r := range pg.Runs {
		if r.Role == pages.RoleTableCell {
			return true
		}
	}
	return false
}

// TestSampleFootersNameTheEdition checks every sample page from the
// second on: its foot names the brief and the edition, as the shared
// catalogue words it, in artifacts.
func TestSampleFootersNameTheEdition(t *testing.T) {
	names, docs, ms := setSamples(t)
	for i, d := range docs {
		for pi, pg := range d.Pages {
			var foot strings.Builder
			for _, r := range pg.Runs {
				if r.Node == pages.Artifact && r.Y > footerZone {
					foot.WriteString(r.Text)
				}
			}
			if named := strings.Contains(foot.String(), ms[i].Folio.Running); named != (pi > 0) {
				t.Errorf("%s page %d: footer %q, running footer %q shown %v", names[i], pi+1, foot.String(), ms[i].Folio.Running, named)
			}
		}
	}
}

// TestSampleThaiBodyIsLooped checks the Thai samples: paragraphs are set
// in Noto Serif Thai (looped), headings in the loopless Noto Sans Thai.
func TestSampleThaiBodyIsLooped(t *testing.T) {
	names, docs, _ := setSamples(t)
	seen := 0
	for i, d := range docs {
		if d.Lang != "th" {
			continue
		}
		for _, pg := range d.Pages {
			for _, r := range pg.Runs {
				if !strings.Contains(r.Face.Name, "Thai") {
					continue // Latin and digits
				}
				seen++
				looped := strings.HasPrefix(r.Face.Name, "NotoSerifThai")
				if r.Role == pages.RoleParagraph && !looped || r.Role == pages.RoleHeading && looped {
					t.Errorf("%s: %s run %q in %s", names[i], r.Role, r.Text, r.Face.Name)
				}
			}
		}
	}
	if seen == 0 {
		t.Error("no Thai sample runs")
	}
}
