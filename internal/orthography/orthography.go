// Package orthography finds spelling-order mistakes in Thai, Khmer, Burmese
// and Vietnamese text: sequences that render wrongly (or with a dotted
// circle) and that Unicode normalisation does not repair (DESIGN.md,
// fact 6). Each rule has a stable code; Check reports, Fix repairs.
//
// Findings are reported per orthographic cluster (a base letter and the
// combining marks that follow it): the span is the whole cluster and Fix is
// the cluster rewritten in the correct storage order. When a cluster has
// several problems, Code is the first rule that fired and Msg lists all.
//
// Rules are chosen by script, not by lang, so a Thai name quoted in a
// Khmer message is checked too; lang only selects the wording of the
// normalisation finding. Rules and their sources:
//
//	not-nfc                text not in NFC (Vietnamese decomposed tone marks and
//	                       anything else NFC changes; UAX #15)
//	th-sara-am             NIKHAHIT + SARA AA (U+0E4D U+0E32) for SARA AM U+0E33
//	th-tone-after-sara-am  tone mark stored after SARA AM (must precede it)
//	th-double-mark         the same mark twice on one consonant
//	th-two-tones           two different tone marks on one consonant
//	th-tone-before-vowel   tone mark before an above/below vowel
//	th-double-sara-e       two SARA E U+0E40 for SARA AE U+0E41
//	th-orphan-mark         Thai combining mark with no consonant
//	km-split-vowel         two-part vowel typed as its parts
//	km-vowel-before-coeng  vowel or sign before a subscript (coeng) consonant
//	km-coeng-ro-order      subscript RO before another subscript
//	km-double-mark         the same vowel or sign twice in a cluster
//	km-deprecated          U+17A3 U+17A4 U+17B4 U+17B5 U+17D8
//	km-orphan-mark         Khmer mark with no base
//	km-stray-coeng         COENG U+17D2 with no consonant after it
//	my-zawgyi              the whole text is Zawgyi-encoded (package zawgyi)
//	my-e-before-consonant  vowel E U+1031 stored before its consonant
//	my-ra-before-consonant medial RA U+103C stored before its consonant
//	my-medial-order        medials not in the order ျ ြ ွ ှ
//	my-mark-order          vowels and signs not in storage order
//	my-asat-dot-order      asat U+103A before dot below U+1037
//	my-asat-order          asat U+103A before a medial, a vowel sign other than
//	                       U+102F U+1030 (ကျွန်ုပ်), or the anusvara (UTN #11)
//	my-double-mark         the same sign twice in a syllable
//	my-orphan-mark         Myanmar sign with no base
package orthography

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/zawgyi"
)

// Finding is one misspelling: where it is (byte offset and length in the
// input), a stable code, a message, and the corrected text for the span.
type Finding struct {
	Offset, Len int
	Code, Msg   string
	Fix         string
}

// tok is one decoded rune with its byte position in the input.
type tok struct {
	r        rune
	off, len int
}

// problem is one rule that fired on a cluster.
type problem struct{ code, msg string }

// Check returns findings for s in language lang ("th", "km", "my", "vi",
// "en"), sorted by offset and never overlapping. It accepts any input,
// including invalid UTF-8 (invalid bytes are left alone).
func Check(lang, s string) []Finding {
	if zawgyiApplies(lang) && zawgyi.IsZawgyi(s) {
		return []Finding{{
			Offset: 0, Len: len(s), Code: "my-zawgyi",
			Msg: "text is Zawgyi-encoded Burmese, not Unicode; it shows as garbage with a Unicode font",
			Fix: zawgyi.Repair(s),
		}}
	}
	ts := make([]tok, 0, len(s))
	for off := 0; off < len(s); {
		r, n := utf8.DecodeRuneInString(s[off:])
		if r == utf8.RuneError && n == 1 {
			r = -1 // invalid byte: belongs to no script
		}
		ts = append(ts, tok{r, off, n})
		off += n
	}
	var fs []Finding
	for i := 0; i < len(ts); {
		r := ts[i].r
		var j int
		switch {
		case r >= 0x0E00 && r <= 0x0E7F:
			j = checkThai(s, ts, i, &fs)
		case r >= 0x1780 && r <= 0x17FF:
			j = checkKhmer(s, ts, i, &fs)
		case r >= 0x1000 && r <= 0x109F:
			j = checkMyanmar(s, ts, i, &fs)
		default:
			j = i + 1
		}
		if j <= i {
			j = i + 1
		}
		i = j
	}
	fs = append(fs, nfcFindings(lang, s, fs)...)
	sort.SliceStable(fs, func(a, b int) bool { return fs[a].Offset < fs[b].Offset })
	return fs
}

// Fix returns s with every finding corrected, in NFC. Fixing can expose a
// further finding (a removed mark joins two clusters), so it repeats a few
// times.
func Fix(lang, s string) string {
	for round := 0; round < 4; round++ {
		fs := Check(lang, s)
		if len(fs) == 0 {
			break
		}
		var b strings.Builder
		last := 0
		for _, f := range fs {
			if f.Offset < last {
				continue
			}
			b.WriteString(s[last:f.Offset])
			b.WriteString(f.Fix)
			last = f.Offset + f.Len
		}
		b.WriteString(s[last:])
		s = norm.NFC.String(b.String())
	}
	return norm.NFC.String(s)
}

// addFinding records a finding for ts[i:j] if fixed differs from the input.
func addFinding(fs *[]Finding, s string, ts []tok, i, j int, fixed []rune, probs []problem) {
	if len(probs) == 0 {
		return
	}
	off := ts[i].off
	end := ts[j-1].off + ts[j-1].len
	fix := string(fixed)
	if fix == s[off:end] {
		return
	}
	msgs := make([]string, len(probs))
	for k, p := range probs {
		msgs[k] = p.msg
	}
	*fs = append(*fs, Finding{Offset: off, Len: end - off, Code: probs[0].code,
		Msg: strings.Join(msgs, "; "), Fix: fix})
}

func runes(ts []tok) []rune {
	out := make([]rune, len(ts))
	for k, t := range ts {
		out[k] = t.r
	}
	return out
}

// dedupe removes later copies of a rune for which keep reports true,
// reporting whether anything was removed.
func dedupe(rs []rune, dup func(r rune) bool) ([]rune, bool) {
	seen := map[rune]bool{}
	out := rs[:0:0]
	changed := false
	for _, r := range rs {
		if dup(r) && seen[r] {
			changed = true
			continue
		}
		seen[r] = true
		out = append(out, r)
	}
	return out, changed
}

// nfcFindings reports the parts of s that NFC changes and that no other
// finding covers (UAX #15). For Vietnamese these are decomposed vowels and
// tone marks (a + U+0301 for á), which fonts may place badly.
func nfcFindings(code, s string, have []Finding) []Finding {
	if norm.NFC.IsNormalString(s) {
		return nil
	}
	msg := "text is not in Unicode normalisation form C"
	if row, _ := lang.Lookup(code); row.StackedMarks {
		msg = "decomposed " + row.Name + " letter: the tone mark or vowel sign is a separate character; use the precomposed (NFC) form"
	}
	covered := func(a, b int) bool {
		for _, f := range have {
			if a < f.Offset+f.Len && f.Offset < b {
				return true
			}
		}
		return false
	}
	var out []Finding
	var it norm.Iter
	it.InitString(norm.NFC, s)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		end := it.Pos()
		if end <= start || string(seg) == s[start:end] || covered(start, end) {
			continue
		}
		if !utf8.ValidString(s[start:end]) {
			continue
		}
		// Merge with a directly preceding NFC finding.
		if n := len(out); n > 0 && out[n-1].Offset+out[n-1].Len == start {
			out[n-1].Len += end - start
			out[n-1].Fix += string(seg)
			continue
		}
		out = append(out, Finding{Offset: start, Len: end - start, Code: "not-nfc", Msg: msg, Fix: string(seg)})
	}
	return out
}

// zawgyiApplies is lang.ZawgyiApplies, for Check, whose parameter is named lang.
func zawgyiApplies(code string) bool { return lang.ZawgyiApplies(code) }
