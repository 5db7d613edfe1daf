// Package briefs holds what the binary carries besides its code: the
// layout's own words in every supported language (locales/shared.*.toml),
// so that a project needs no shared catalogue of its own. The tool's
// packages live under internal/ and cmd/; fonts are in package fonts.
package briefs

import (
	"embed"
	_ "embed"
)

// SharedCatalogues are the built-in shared catalogues: the page footer,
// month names, language and edition names and the other words layout
// prints. A project's own locales/shared.<lang>.toml replaces the built-in
// one of that language.
//
//go:embed locales/shared.*.toml
var SharedCatalogues embed.FS

// Termbase is the seed termbase that `briefs init` writes into a new
// project as locales/terms.toml: terms to avoid and preferred terms.
//
//go:embed locales/terms.toml
var Termbase []byte
