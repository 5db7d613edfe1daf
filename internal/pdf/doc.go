// Package pdf writes a laid-out document (pages.Document) as a PDF 1.7
// file (ISO 32000-1) that aims at PDF/UA-1 (ISO 14289-1) and PDF/A-2u
// (ISO 19005-2).
//
// briefs owns its PDF writer because no available Go library draws shaped
// text: they map characters to glyphs through the font's cmap, so the
// glyphs a shaper substitutes (Khmer subscripts, Myanmar medials) are lost,
// and they offer no way to mark reordered clusters for text extraction
// (see DESIGN.md, facts 1, 4 and 7).
//
// The writer never shapes and never breaks lines. It embeds each face as a
// Type 0 font over a CIDFontType2 whose character codes are allocated per
// (glyph, text, width), with a CIDToGIDMap to the glyph IDs (9.7.4.2), and
// subsets the TrueType program without hinting (package truetype). It draws
// glyph runs with exactly the advances and offsets the layout gives, and
// makes the text extractable in every client: every code has a ToUnicode
// entry (9.10.3), so that a client reading the content stream gets the
// text in logical order, and clusters with positioned glyphs carry
// /ActualText (14.9.4) for the clients that read by position (plan, in
// text.go, says how this was measured). The catalog carries XMP metadata
// and an sRGB output intent.
//
// Output is reproducible: the same Document gives the same bytes. Nothing
// depends on the clock, the time zone or map iteration order, and the
// file /ID is a digest of the content.
package pdf
