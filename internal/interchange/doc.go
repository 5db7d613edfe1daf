// Package interchange moves translations between the TOML catalogues and
// the files translators' tools read: GNU gettext PO (Poedit, Weblate,
// OmegaT, Lokalise) and XLIFF 1.2 (memoQ, Trados, Okapi, translate-toolkit).
// DESIGN.md fact 8 says why: those tools do not read go-i18n TOML well.
//
// Export writes one file per catalogue and language from what the
// editions need (catalog.Needs). Import reads such files back, maps
// them onto the TOML catalogues through the byte-preserving writer
// (package catfile), runs every check rule on the result and writes
// nothing from a file that brings an error.
//
// Plural forms follow lang.ToolPlurals: Vietnamese travels with one
// form, which import writes to both of its CLDR 49 categories
// (README.md, "Vietnamese plurals").
package interchange
