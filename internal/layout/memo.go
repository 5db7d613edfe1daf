package layout

import (
	"strconv"
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/text"
)

// Memo remembers shaped paragraphs, so that the editions of a brief in
// one language, which share most of their text, itemise, shape and find
// the break opportunities of each paragraph once (issue 17: two thirds of
// layout). What it keeps is a pure function of its key and of the font
// programs, so a document comes out the same whether its paragraphs are
// found in the memo or not; what differs per document (colours, links,
// structure nodes) is added at each use (setter.dress).
//
// A Memo is safe for concurrent use, and engines on several goroutines
// may share one: each use takes the faces of its own engine's set
// (setter.faceFor), and a paragraph whose faces would be other programs
// than the ones it was shaped with is shaped afresh. It holds at most
// memoGlyphs glyphs, and starts afresh when full.
type Memo struct {
	mu     sync.Mutex
	paras  map[memoKey]*shapedPara
	lines  map[lineKey]*chosen
	glyphs int // glyphs, pieces and lines held
	// Hits and Misses count lookups, for tests and profiling.
	Hits, Misses int
}

// memoGlyphs bounds a memo: some 13 MB of glyphs (80 bytes each), pieces,
// lines and text, the paragraphs of about 200 pages.
const memoGlyphs = 1 << 17

// memoKey is everything a shaped paragraph depends on besides the font
// programs: the breaker, the setter's language and choice of faces, the
// size, the style, and the spans' text with each span's face style.
type memoKey struct {
	breaker *linebreak.Breaker
	setter  string // Engine.memoID
	size    float64
	display bool
	spans   string // setter.memoSpans
}

// lineKey is what a paragraph's lines depend on: its shaped text and
// pieces, and how it is set.
type lineKey struct {
	para    *shapedPara
	justify bool
	em      float64
	measure measure
}

// shapedPara is a paragraph itemised, shaped and cut at its break
// opportunities, before any styling that does not change its glyphs.
type shapedPara struct {
	text   string
	runs   []shapedRun
	glyphs []placed // shared by every use: read only
	pieces []piece  // copied for each use: line breaking writes to them
	// missing is 1 + the index of the first glyph shaped to .notdef, or
	// 0 for none: found once, not at each use (reportMissingGlyphs).
	missing int
	// dotted is 1 + the index of the first glyph that is the face's
	// dotted circle where the text has none, or 0 (reportDottedCircles).
	dotted int
}

// shapedRun is an itemised run, the span it came from, and how its face
// was chosen: the script's face (text.Itemize asks the set's For for the
// run's script) or the Latin fallback. script is the program For gave,
// which decided the fallback; a use whose set gives other programs
// shapes the paragraph afresh.
type shapedRun struct {
	text.Run
	span     int
	viaLatin bool
	script   *font.Font
}

func (m *Memo) get(k memoKey) *shapedPara {
	m.mu.Lock()
	defer m.mu.Unlock()
	sh, ok := m.paras[k]
	if ok {
		m.Hits++
	} else {
		m.Misses++
	}
	return sh
}

// put keeps sh under k and reports whether it did: not when a partner
// set the paragraph first (rehearse.go: the first is kept, and counted
// once), nor when the memo is full.
func (m *Memo) put(k memoKey, sh *shapedPara) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.paras[k]; ok || !m.room(len(sh.glyphs)) {
		return false
	}
	m.paras[k] = sh
	return true
}

func (m *Memo) getLines(k lineKey) *chosen {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lines[k]
}

func (m *Memo) putLines(k lineKey, ch *chosen) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.lines[k]; ok {
		return
	}
	n := len(ch.pieces)
	for _, ls := range ch.lines {
		for _, rs := range ls.runs {
			n += len(rs.glyphs)
		}
	}
	if m.room(n) {
		m.lines[k] = ch
	}
}

// room makes room for n more items, emptying the memo if they would pass
// its bound, and reports whether they fit at all.
func (m *Memo) room(n int) bool {
	if n > memoGlyphs {
		return false
	}
	if m.glyphs+n > memoGlyphs || m.paras == nil {
		m.paras, m.lines, m.glyphs = map[memoKey]*shapedPara{}, map[lineKey]*chosen{}, 0
	}
	m.glyphs += n
	return true
}

// memoID names what a setter's paragraphs depend on besides their text
// and style: the language (script metrics, breaker, shaping language) and
// the faces the project chose for it.
func (e *Engine) memoID(code string) string {
	ls := e.Langs[code]
	return strings.Join([]string{code, strconv.FormatBool(e.LooplessThai), ls.HeadingFace, ls.BodyFace}, "\x00")
}

// memoSpans encodes spans for a memoKey: each span's face style, its
// length and its text.
func (st *setter) memoSpans(spans []manuscript.Span, ps paraStyle) string {
	n := 0
	for _, sp := range spans {
		n += len(sp.Text) + 6
	}
	var b strings.Builder
	b.Grow(n)
	for _, sp := range spans {
		b.WriteByte(byte(st.spanStyle(sp, ps)))
		if sp.Lang != "" {
			b.WriteString(sp.Lang) // a language code: letters, and no digit to run into the length
		}
		b.WriteString(strconv.Itoa(len(sp.Text)))
		b.WriteByte(':')
		b.WriteString(sp.Text)
	}
	return b.String()
}

// faceQuery is one face lookup of a setter: the Latin fallback or the
// face of a script, in a style, from the display or the body faces.
type faceQuery struct {
	display, latin bool
	script         language.Script
	style          fonts.Style
}

// faceFor returns the face text.Itemize takes for runs in script set in
// style, or the Latin fallback, from this setter's faces. Lookups are
// remembered for the document: each builds a face name and takes a lock.
func (st *setter) faceFor(ps paraStyle, latin bool, script language.Script, style fonts.Style) *fonts.Face {
	q := faceQuery{display: ps.display || st.body == nil, latin: latin, script: script, style: style}
	if latin {
		q.script = language.Latin
	}
	if f, ok := st.faceCache[q]; ok {
		return f
	}
	var f *fonts.Face
	if latin {
		f = st.faces(ps).Latin(style)
	} else {
		f = st.faces(ps).For(script, style)
	}
	if st.faceCache == nil {
		st.faceCache = map[faceQuery]*fonts.Face{}
	}
	st.faceCache[q] = f
	return f
}

// noteFaces records how each run's face was chosen, for adopt.
func (st *setter) noteFaces(sh *shapedPara, ps paraStyle) {
	for i := range sh.runs {
		r := &sh.runs[i]
		sf := st.faceFor(ps, false, r.Script, r.Style)
		r.script, r.viaLatin = sf.Font.Font, r.Face != sf
	}
}

// adopt returns the faces of this setter for the runs of a remembered
// paragraph, or false if any would be another program than the one the
// paragraph was itemised and shaped with.
func (st *setter) adopt(sh *shapedPara, ps paraStyle) ([]*fonts.Face, bool) {
	faces := make([]*fonts.Face, len(sh.runs))
	for i, r := range sh.runs {
		sf := st.faceFor(ps, false, r.Script, r.Style)
		if sf.Font.Font != r.script {
			return nil, false
		}
		f := sf
		if r.viaLatin {
			f = st.faceFor(ps, true, 0, r.Style)
		}
		if f.Font.Font != r.Face.Font.Font {
			return nil, false
		}
		faces[i] = f
	}
	return faces, true
}
