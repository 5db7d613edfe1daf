// Package publish writes the output tree around the PDFs that package press
// built: manifest.json (for each PDF its brief, edition, language, pages,
// bytes and SHA-256) and index.html (one self-contained page listing each
// brief, its editions and, for each PDF, the language in its own script,
// the page count and the size).
//
// Entries of earlier, filtered builds that are still in the tree are merged
// with the new ones, so `briefs build --lang km` does not drop the Thai PDFs
// from the index.
package publish
