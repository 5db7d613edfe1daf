package pdf

import (
	"encoding/binary"
	"sync"

	"github.com/mekong-briefs/briefs/internal/pdf/truetype"
)

// programs holds what this process made of each font program: its
// TrueType tables parsed, and the subsets its documents embedded, by
// glyph set. The editions of a brief in one language draw the same
// glyphs, and parsing and subsetting were a tenth of writing a PDF in a
// 210-PDF build (issue 17). A parsed font is read only, and a subset is a
// function of the program and the glyph set alone, so a document gets
// the bytes it would make.
var programs = struct {
	sync.Mutex
	parsed  map[program]*parsing
	subsets map[program]map[string][]byte // by glyph set (subsetKey)
	bytes   int                           // in subsets
}{parsed: map[program]*parsing{}, subsets: map[program]map[string][]byte{}}

// parsing is one program's tables, parsed once: the aside goroutine's
// early subset (early.go) and the writer's first page ask for them at
// the same moment.
type parsing struct {
	once sync.Once
	tt   *truetype.Font
	err  error
}

// subsetsMax bounds the bytes of subsets programs keeps; past it, fonts
// are subset each time.
const subsetsMax = 16 << 20

// parsed returns the font program's tables, parsing them on first use;
// a second caller waits for the first's parse.
func parsed(prog program, data []byte) (*truetype.Font, error) {
	programs.Lock()
	p := programs.parsed[prog]
	if p == nil {
		p = &parsing{}
		programs.parsed[prog] = p
	}
	programs.Unlock()
	p.once.Do(func() { p.tt, p.err = truetype.Parse(data) })
	return p.tt, p.err
}

// subset returns the font file of f's glyphs gids (truetype.Font.Subset),
// made once per glyph set. The bytes are shared: callers never change
// them.
func (f *fontRes) subset(gids []uint16) ([]byte, error) { return subsetOf(f.program(), f.tt, gids) }

// subsetOf is the subset of glyphs gids of font program prog, whose tables
// are tt.
func subsetOf(prog program, tt *truetype.Font, gids []uint16) ([]byte, error) {
	key := make([]byte, 0, 2*len(gids))
	for _, g := range gids {
		key = binary.BigEndian.AppendUint16(key, g)
	}
	programs.Lock()
	b, ok := programs.subsets[prog][string(key)]
	programs.Unlock()
	if ok {
		return b, nil
	}
	b, err := tt.Subset(gids)
	if err != nil {
		return nil, err
	}
	programs.Lock()
	defer programs.Unlock()
	bySet := programs.subsets[prog]
	if bySet == nil {
		bySet = map[string][]byte{}
		programs.subsets[prog] = bySet
	}
	if _, ok := bySet[string(key)]; !ok && programs.bytes+len(b) <= subsetsMax {
		bySet[string(key)] = b
		programs.bytes += len(b)
	}
	return b, nil
}
