package source

import (
	"strconv"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// MaxPieces bounds the size of one brief: its editions and their
// languages, blocks, list items, table cells, chart categories and
// values, and every other list a block holds, together. The long
// benchmark brief (121 pages) has about 2,100; 20,000 of that mix is over
// a thousand pages, and 20,000 list items or table cells still build in
// two seconds. Without a bound a 4 MB brief holds a million list items,
// and its build ran for minutes and took gigabytes before the PDF writer
// gave up; now it is refused before anything is checked or laid out.
const MaxPieces = 20_000

// tooManyPieces reports a brief over MaxPieces, placed at the edition or
// block where the count passes the limit.
func tooManyPieces(file string, ix *tomlpos.Index, raw rawBrief) (diag.Diagnostic, bool) {
	n := len(raw.NativeDigits)
	over := func(path ...string) (diag.Diagnostic, bool) {
		return diag.Errorf(at(file, ix, path...), "brief-too-large",
			"split it into several briefs: a brief this long is more than a reader prints",
			"the brief has more than %d editions, blocks, list items, table cells and chart values", MaxPieces), true
	}
	for i, e := range raw.Edition {
		if n += 1 + len(e.Languages) + len(e.NativeDigits); n > MaxPieces {
			return over("edition", strconv.Itoa(i))
		}
	}
	for i, b := range raw.Block {
		n += 1 + len(b.Items) + len(b.Columns) + len(b.Categories) + len(b.Editions) + len(b.Languages) +
			len(b.ColumnStyles) + len(b.ValueColumns) + len(b.DataRows)
		for _, r := range b.Rows {
			n += len(r)
		}
		for _, s := range b.Series {
			n += 1 + len(s.Values)
		}
		if n > MaxPieces {
			return over("block", strconv.Itoa(i))
		}
	}
	return diag.Diagnostic{}, false
}
