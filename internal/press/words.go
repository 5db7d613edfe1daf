package press

import "github.com/mekong-briefs/briefs/internal/linebreak"

// Breaker returns the line breaker of a project: the embedded dictionaries
// plus the project's word lists (locales/words.<lang>.txt, by language, as
// catalog reads them), which Cache.Key digests. build, proof and segment
// all break with it.
func Breaker(words map[string][]string) (*linebreak.Breaker, error) {
	return linebreak.New().WithProjectWords(words)
}
