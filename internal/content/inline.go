package content

import (
	"sync"

	"github.com/mekong-briefs/briefs/internal/manuscript"
)

// parsed remembers the spans of the message texts this process has
// parsed without a problem, by language and text: the editions of a brief
// in one language render most messages to the same text, and checking
// (Zawgyi, control characters), normalising and parsing it was a tenth of
// a 210-PDF build (issue 17). The spans are a function of the text alone;
// the language is in the key because the checks depend on it. A text
// with a problem is not kept, so its diagnostic, which names the
// message's position, is made each time.
var parsed = struct {
	sync.Mutex
	m     map[parsedKey][]manuscript.Span
	bytes int
}{}

type parsedKey struct{ lang, text string }

// parsedMax bounds the text parsed holds; past it, it starts afresh.
const parsedMax = 8 << 20

// parsedSpans returns the spans kept for text in lang.
func parsedSpans(lang, text string) ([]manuscript.Span, bool) {
	parsed.Lock()
	defer parsed.Unlock()
	sp, ok := parsed.m[parsedKey{lang, text}]
	return sp, ok
}

// keepSpans keeps the spans of text in lang. The slice is shared from
// then on: its capacity is cut to its length, so that an append by one
// document copies rather than writes into another's.
func keepSpans(lang, text string, sp []manuscript.Span) []manuscript.Span {
	sp = sp[:len(sp):len(sp)]
	n := len(text)
	for _, s := range sp {
		n += len(s.Text) + len(s.Link)
	}
	parsed.Lock()
	defer parsed.Unlock()
	if parsed.m == nil || parsed.bytes+n > parsedMax {
		parsed.m, parsed.bytes = map[parsedKey][]manuscript.Span{}, 0
	}
	parsed.m[parsedKey{lang, text}] = sp
	parsed.bytes += n
	return sp
}
