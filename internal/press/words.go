package press

import (
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/linebreak"
)

// Breaker returns the line breaker of a project: the embedded dictionaries
// plus the project's word lists (locales/words.<lang>.txt, loaded by
// catalog), which Cache.Key digests.
func Breaker(cat *catalog.Catalog) (*linebreak.Breaker, error) {
	return linebreak.New().WithProjectWords(cat.Words)
}
