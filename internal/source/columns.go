package source

import (
	"fmt"
	"strconv"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// minColumnWidth is the narrowest column a table may be given or left
// with, as a fraction of the measure: about four Latin letters.
const minColumnWidth = 0.05

// decodeColumnStyles checks a table's column_styles: at most one per
// column, each align one of left, center, right (or absent), each width
// a fraction of the measure, and the widths given leaving every other
// column room. at gives the position of a key under the block.
func decodeColumnStyles(rb rawBlock, at func(path ...string) diag.Pos) ([]ColumnStyle, diag.List) {
	if len(rb.ColumnStyles) == 0 {
		return nil, nil
	}
	var ds diag.List
	if len(rb.ColumnStyles) > len(rb.Columns) {
		ds = append(ds, diag.Errorf(at("column_styles"), "table-shape", "give at most one style per column, in column order",
			"table has %d column styles but %d columns", len(rb.ColumnStyles), len(rb.Columns)))
	}
	out := make([]ColumnStyle, len(rb.ColumnStyles))
	given, auto, badWidth := 0.0, len(rb.Columns), false
	for i, rc := range rb.ColumnStyles {
		key := func(k string) diag.Pos { return at("column_styles", strconv.Itoa(i), k) }
		switch rc.Align {
		case AlignAuto, AlignLeft, AlignCenter, AlignRight:
		default:
			hint := `use align = "left", "center" or "right", or leave it out for automatic`
			if c := diag.Closest(rc.Align, []string{AlignLeft, AlignCenter, AlignRight}); c != "" {
				hint = fmt.Sprintf("did you mean %q? ", c) + hint
			}
			ds = append(ds, diag.Errorf(key("align"), "block-field", hint, "column %d: unknown align %q", i+1, rc.Align))
		}
		if rc.Width != 0 {
			if rc.Width < minColumnWidth || rc.Width > 1 {
				ds = append(ds, diag.Errorf(key("width"), "block-field", "width is a fraction of the text width, e.g. 0.3",
					"column %d: width %g is out of range", i+1, rc.Width))
				badWidth = true
			}
			given += rc.Width
			auto--
		}
		out[i] = ColumnStyle(rc)
	}
	if !badWidth && (given > 1+1e-9 || auto > 0 && 1-given < minColumnWidth*float64(auto)-1e-9) {
		ds = append(ds, diag.Errorf(at("column_styles"), "block-field",
			fmt.Sprintf("make the widths sum to at most 1, leaving %g for each column without one", minColumnWidth),
			"the column widths sum to %g of the text width", given))
	}
	if ds.HasErrors() {
		return nil, ds
	}
	return out, ds
}
