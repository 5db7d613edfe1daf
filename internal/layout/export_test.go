package layout

// PageBreak is why a page of the last document ended (pageBreak), for
// the tests of package layout_test.
type PageBreak struct {
	Page  int
	Cause string // "float" or "keep"
	Need  float64
}

// PageBreaks returns why the pages of the document the engine laid out
// last ended where they did.
func (e *Engine) PageBreaks() []PageBreak {
	out := make([]PageBreak, len(e.breaks))
	for i, b := range e.breaks {
		out[i] = PageBreak{Page: b.page, Cause: b.cause, Need: b.need}
	}
	return out
}
