// Package pdf writes a laid-out document (pages.Document) as a PDF 1.7
// file (ISO 32000-1).
//
// briefs owns its PDF writer because no available Go library draws shaped
// text: they map characters to glyphs through the font's cmap, so the
// glyphs a shaper substitutes (Khmer subscripts, Myanmar medials) are lost,
// and they offer no way to mark reordered clusters for text extraction
// (see DESIGN.md, facts 1 and 4).
//
// The writer never shapes and never breaks lines. It embeds each face as a
// Type 0 font over a CIDFontType2 whose CIDs are the original glyph IDs,
// subsets the TrueType program (package truetype), draws glyph runs with
// exactly the advances and offsets the layout gives, and makes the text
// extractable: a ToUnicode CMap covers glyphs that stand 1:1 for their
// characters, and /ActualText spans cover every other cluster.
//
// Output is reproducible: the same Document gives the same bytes. Nothing
// depends on the clock or on map iteration order, and the file /ID is a
// digest of the content.
package pdf
