package source

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/tomlpos"
)

// at is the position of a key or table path, or the file's start when
// the path is not in the text.
func at(file string, ix *tomlpos.Index, path ...string) diag.Pos {
	if p, ok := ix.Find(path...); ok {
		return diag.Pos{File: file, Line: p.Line, Col: p.Col}
	}
	return diag.Pos{File: file, Line: 1, Col: 1}
}

// keyAt is where a key of a table is written, or fallback (the table's
// header) when the key is not there: a finding about a key points at it.
func keyAt(file string, ix *tomlpos.Index, fallback diag.Pos, path ...string) diag.Pos {
	if p, ok := ix.Find(path...); ok {
		return diag.Pos{File: file, Line: p.Line, Col: p.Col}
	}
	return fallback
}

// The keys a brief may have at each level, for "did you mean".
var (
	briefKeys    = []string{"id", "date", "source_lang", "native_digits", "edition", "block", "masthead"}
	mastheadKeys = []string{"logo", "name"}
	editionKeys  = []string{"country", "languages", "native_digits"}
	blockKeys    = []string{"type", "msg", "level", "style", "items", "columns", "rows", "src", "width", "caption",
		"alt", "name", "role", "org", "email", "languages", "editions", "column_styles"}
	columnStyleKeys = []string{"align", "width"}
)

// unknownKeys reports each key the decoder did not use, at its own
// position, with the nearest known key.
func unknownKeys(file string, ix *tomlpos.Index, keys []toml.Key) diag.List {
	var ds diag.List
	place := occurrences(file, ix)
	for _, k := range keys {
		name, pos := k.String(), place(k)
		hint := "see BRIEF FORMAT in briefs man, which lists every block type and key"
		last := k[len(k)-1]
		if s := diag.Closest(last, knownAt(k)); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		if len(k) == 2 && slices.Contains(briefKeys, last) && !slices.Contains(knownAt(k), last) {
			// A brief's own key written after a table header: TOML puts
			// it in that table (date below the first [[edition]]).
			header := "[[" + k[0] + "]]"
			if k[0] == "masthead" {
				header = "[masthead]"
			}
			hint = fmt.Sprintf("%s is a key of the brief: move the line above the first %s header; a key after a header belongs to that table", last, header)
		}
		ds = append(ds, diag.Errorf(pos, "unknown-key", hint, "unknown key %q", name))
	}
	return ds
}

// occurrences places keys the decoder lists, one call per listing in
// order: the nth time a key path comes, at its nth place in the file (a
// key of every [[block]] has the one path).
func occurrences(file string, ix *tomlpos.Index) func(k toml.Key) diag.Pos {
	seen := map[string]int{}
	return func(k toml.Key) diag.Pos {
		name := k.String()
		n := seen[name]
		seen[name]++
		if ps := ix.Matching(k...); n < len(ps) {
			return diag.Pos{File: file, Line: ps[n].Line, Col: ps[n].Col}
		}
		return diag.Pos{File: file, Line: 1, Col: 1}
	}
}

// knownAt lists the keys a brief may have where k is.
func knownAt(k toml.Key) []string {
	known := briefKeys
	if len(k) > 1 {
		known = map[string][]string{"edition": editionKeys, "block": blockKeys, "masthead": mastheadKeys}[k[0]]
	}
	if len(k) > 2 && k[1] == "column_styles" {
		known = columnStyleKeys
	}
	return known
}

// wrongCase reports each key written in another case than its known
// spelling (MSG for msg). TOML keys are case-sensitive, but the decoder
// matches them to the brief's fields without case, so MSG beside msg
// replaced it without a word.
func wrongCase(file string, ix *tomlpos.Index, keys []toml.Key) diag.List {
	var ds diag.List
	place := occurrences(file, ix)
	for _, k := range keys {
		last := k[len(k)-1]
		known := knownAt(k)
		if slices.Contains(known, last) || !slices.Contains(known, strings.ToLower(last)) {
			continue
		}
		name, pos := k.String(), place(k)
		ds = append(ds, diag.Errorf(pos, "unknown-key", fmt.Sprintf("write %q in lower case: keys are case-sensitive", strings.ToLower(last)),
			"unknown key %q", name))
	}
	return ds
}

// DecoderPos places a TOML decoder error: at the byte it names (the
// decoder counts from after a byte-order mark, and its own line is one
// too far when that byte is a newline), with the column in characters.
func DecoderPos(file string, data []byte, pe toml.ParseError) diag.Pos {
	if s := pe.Position.Start; s >= 0 && s <= len(data) && (s > 0 || pe.Position.Line <= 1) {
		if strings.Contains(pe.Message, "control characters") || strings.Contains(pe.Message, "NULL bytes") {
			s = controlAfter(data, s)
		}
		p := tomlpos.Parse(data).DecoderOffset(s)
		return diag.Pos{File: file, Line: p.Line, Col: p.Col}
	}
	return diag.Pos{File: file, Line: max(pe.Position.Line, 1), Col: max(pe.Position.Col, 1)}
}

// controlAfter moves the decoder's offset s of a raw control character
// onto it. The decoder tests each character before stepping over it and
// reports the byte before (the last byte of a Khmer letter, say): so
// when the byte at s is none and the next is one, the next is meant.
// s counts from after a byte-order mark, as the decoder counts.
func controlAfter(data []byte, s int) int {
	body := bytes.TrimPrefix(data, []byte("\uFEFF"))
	if s+1 < len(body) && !rawControl(body[s]) && rawControl(body[s+1]) {
		return s + 1
	}
	return s
}

// rawControl is a byte TOML refuses unescaped in a file: a C0 control but
// tab and newline, or DEL (a carriage return is refused without its
// newline; controlAfter is asked only of the decoder's control errors).
func rawControl(b byte) bool {
	return b < 0x20 && b != '\t' && b != '\n' || b == 0x7f
}

// invalidUTF8 locates the first byte that is not valid UTF-8.
func invalidUTF8(file string, data []byte) diag.Pos {
	line, col := 1, 1
	i0 := 0
	if strings.HasPrefix(string(data[:min(3, len(data))]), "\uFEFF") {
		i0 = 3 // a byte-order mark takes no column
	}
	for i := i0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return diag.Pos{File: file, Line: line, Col: col}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return diag.Pos{File: file, Line: line, Col: col}
}

// UTF16Hint is the advice for a brief, catalogue or settings file saved
// as UTF-16 (diag.UTF16).
const UTF16Hint = "save the file as UTF-8: in Notepad, File > Save as, with the encoding UTF-8"

// InvalidUTF8 is invalidUTF8 for other stages (catalogues).
func InvalidUTF8(file string, data []byte) diag.Pos { return invalidUTF8(file, data) }

// TOMLHint turns a TOML decoder message into advice for someone editing
// the file by hand, for the mistakes people make most.
func TOMLHint(msg, usage, fallback string) string {
	switch {
	case strings.Contains(msg, "strings cannot contain newlines"):
		return `a string is not closed: end it with " on the same line, or use """ … """ for text over several lines`
	case curlyQuote(msg):
		// An editor or word processor turned the quotes into curly ones.
		return `TOML takes straight quotes: key = "text", with the " key, not “ ” or ‘ ’`
	case strings.Contains(msg, "cannot contain control characters: '0x0d'"):
		return "the file's lines end in a carriage return alone (as classic Mac OS saved them): save it with LF or CR LF line ends"
	case strings.Contains(msg, "to end with a newline, comment, or EOF") && (strings.Contains(msg, "got ','") || strings.Contains(msg, "got ';'")):
		// msg = "title", as in JSON or a program.
		return "delete the , or ; after the value: in TOML a value ends with its line, and commas only part the items of [ … ] and { … }"
	case strings.Contains(msg, "to end with a newline, comment, or EOF") && strings.Contains(msg, "got '/'"):
		// date = 15/11/2026, or a path without quotes.
		return `write a date as year-month-day, date = 2026-11-15, without quotes; text and paths go in quotes: src = "fig.png"`
	case strings.Contains(msg, "cannot be used as an array") || blockTwice(msg):
		// [block] where [[block]] belongs, or the other way round.
		return "every block and edition is a table of its own: [[block]] and [[edition]], with two brackets on each side, every time"
	case strings.Contains(msg, "to end with a newline, comment, or EOF") && !strings.Contains(msg, "got '='"):
		return `the line goes on after its value: a " inside the text ends it early; write \" for a quote mark, or use “ ”`
	case strings.Contains(msg, "cannot contain control characters"):
		return "delete the invisible character at this column; an editor that shows them helps"
	case strings.Contains(msg, "expected value but found '=") || strings.Contains(msg, "expected value but found '\n'"):
		return `give one value after =: key = "text", a number, or [ … ]`
	case strings.Contains(msg, "expected value but found") || strings.Contains(msg, "expected a value"):
		return `put the text in quotes: key = "text"`
	case strings.Contains(msg, "has already been defined") || strings.Contains(msg, "already defined"):
		return "each key or table may appear once; delete or rename the second one"
	case strings.Contains(msg, "end table name") || strings.Contains(msg, "table array name delimiter"):
		return "close the table name with ]"
	}
	if u := strings.TrimSpace(usage); u != "" {
		if i := strings.IndexByte(u, '\n'); i >= 0 {
			u = u[:i]
		}
		return u
	}
	return fallback
}

// blockTwice reports a decoder message about a block or edition table
// defined twice: [[block]] then [block].
func blockTwice(msg string) bool {
	return (strings.Contains(msg, "has already been defined") || strings.Contains(msg, "already defined")) &&
		(strings.Contains(msg, "'block'") || strings.Contains(msg, "'edition'"))
}

// curlyQuote reports a decoder message about a curly quote where TOML
// wants a straight one: "found '“'", or "got '“'" in a table name.
func curlyQuote(msg string) bool {
	for _, q := range []string{"“", "”", "‘", "’"} {
		if strings.Contains(msg, "found '"+q+"'") || strings.Contains(msg, "got '"+q+"'") {
			return true
		}
	}
	return false
}

// MaxFileBytes bounds a brief or catalogue file: larger ones are refused
// before they are decoded.
const MaxFileBytes = 4 << 20

// TooBig refuses a TOML file that is too large or nests values too deep
// for the decoder to read in reasonable time.
func TooBig(file string, data []byte) (diag.Diagnostic, bool) {
	if len(data) > MaxFileBytes {
		return TooBigIndexed(file, data, nil)
	}
	return TooBigIndexed(file, data, tomlpos.Parse(data))
}

// Oversize reports a file over MaxFileBytes. Callers ask it first: the
// file was read only up to the limit, so its cut end may split a
// character, and the UTF-8 check would report that instead.
func Oversize(file string, data []byte) (diag.Diagnostic, bool) {
	if len(data) > MaxFileBytes {
		return TooBigIndexed(file, data, nil)
	}
	return diag.Diagnostic{}, false
}

// TooBigIndexed is TooBig for a file already indexed (ix, or nil when the
// file is too long to index), so that a reader that needs the index
// parses the file once.
func TooBigIndexed(file string, data []byte, ix *tomlpos.Index) (diag.Diagnostic, bool) {
	if len(data) > MaxFileBytes {
		return diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "file-too-large", "split the file, or check that it is the file you meant",
			"the file is over the limit of %d MB", MaxFileBytes>>20), true
	}
	if depth, at := ix.Nesting(); depth > tomlpos.MaxNesting {
		return diag.Errorf(diag.Pos{File: file, Line: at.Line, Col: at.Col}, "toml-nesting", "no brief or catalogue needs arrays or tables nested this deep",
			"values are nested more than %d deep", tomlpos.MaxNesting), true
	}
	return diag.Diagnostic{}, false
}

// ConflictMarker finds the first line of a merge conflict that git left
// in a file (<<<<<<<, |||||||, ======= or >>>>>>> at the start of a
// line). A decoder reports such a file as a syntax error at the marker,
// with advice about the syntax; this names the real mistake instead.
func ConflictMarker(file string, data []byte) (diag.Diagnostic, bool) {
	var d diag.Diagnostic
	found := false
	markerLines(data, func(line int, m string) bool {
		d, found = conflictDiag(file, line, m), true
		return false
	})
	return d, found
}

// CommittedConflict finds a whole conflict git left in a file that
// decodes all the same: a <<<<<<< line, then a ======= line, then a
// >>>>>>> line. Inside a multi-line string ("""...""") the three are
// text, and the PDF would print both sides with the markers. Requiring
// all three, in order, leaves alone a text with a line of equals signs.
func CommittedConflict(file string, data []byte) (diag.Diagnostic, bool) {
	if !bytes.Contains(data, []byte("<<<<<<<")) {
		return diag.Diagnostic{}, false
	}
	at, stage := 0, 0 // the <<<<<<< line; markers seen in order
	markerLines(data, func(line int, m string) bool {
		switch {
		case m == "<<<<<<<":
			at, stage = line, 1
		case m == "=======" && stage == 1:
			stage = 2
		case m == ">>>>>>>" && stage == 2:
			stage = 3
			return false
		}
		return true
	})
	if stage < 3 {
		return diag.Diagnostic{}, false
	}
	return conflictDiag(file, at, "<<<<<<<"), true
}

func conflictDiag(file string, line int, m string) diag.Diagnostic {
	return diag.Errorf(diag.Pos{File: file, Line: line, Col: 1}, "merge-conflict",
		"resolve the conflict: keep the lines you want from each side, then delete the <<<<<<<, ||||||| (diff3), ======= and >>>>>>> lines",
		"a merge conflict marker %s was committed in the file", m)
}

// conflictMarkers are the lines git writes around a conflict (git-merge(1),
// "How conflicts are presented"; ||||||| with merge.conflictStyle diff3).
var conflictMarkers = []string{"<<<<<<<", "|||||||", "=======", ">>>>>>>"}

// markerLines calls fn with each line of data that is a conflict marker,
// a BOM and a CR aside, until fn returns false.
func markerLines(data []byte, fn func(line int, marker string) bool) {
	line := 1
	for rest := data; len(rest) > 0; line++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		l = bytes.TrimSuffix(bytes.TrimPrefix(l, []byte("\uFEFF")), []byte("\r"))
		for _, m := range conflictMarkers {
			if bytes.HasPrefix(l, []byte(m)) && (len(l) == len(m) || l[len(m)] == ' ' && m != "=======") {
				if !fn(line, m) {
					return
				}
			}
		}
	}
}

// FindID finds where a block whose [[block]] header is on line from (1-
// based) of a brief's lines names message id, "id" in quotes: the line
// index and the byte offset of the opening quote. It stops at the next
// table header; a row of cells on a line of its own (["a", "b"],) is not
// one. A finding about the ID is placed there, in check and build alike,
// rather than at the header, which in a long list or table left the ID to
// be searched for.
func FindID(lines []string, from int, id string) (line, at int, ok bool) {
	quoted := `"` + id + `"`
	for i := max(from-1, 0); i < len(lines); i++ {
		if i > from-1 && tableHeader.MatchString(strings.TrimSpace(lines[i])) {
			break
		}
		if at := strings.Index(lines[i], quoted); at >= 0 && !notMessageKey(lines[i]) {
			return i, at, true
		}
	}
	return 0, 0, false
}

// notMessageKey reports whether a brief's line sets a key whose value is
// no message ID: type = "title" names the block's kind, and briefs new
// names the title's message title too, so the finding about the message
// went to the type line.
func notMessageKey(line string) bool {
	key, _, ok := strings.Cut(strings.TrimSpace(line), "=")
	if !ok {
		return false // a row or item of an array on a line of its own
	}
	switch strings.TrimSpace(key) {
	case "type", "src", "style", "editions", "id", "format", "chart", "from", "languages", "email", "align":
		return true
	}
	return false
}

// tableHeader matches a TOML table header line, [name] or [[name]] with a
// dotted name, not an array of strings.
var tableHeader = regexp.MustCompile(`^\[\[?\s*[A-Za-z0-9_.-]+\s*\]\]?\s*(#.*)?$`)
