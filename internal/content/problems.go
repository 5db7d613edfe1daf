package content

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
	"github.com/mekong-briefs/briefs/internal/manuscript"
	"github.com/mekong-briefs/briefs/internal/text"
	"github.com/mekong-briefs/briefs/internal/zawgyi"
)

// textProblem refuses rendered text that would print as garbage: Zawgyi
// Burmese, or a control character (other than tab and newline) that no
// face draws.
func textProblem(pos diag.Pos, code, id, s string) (diag.Diagnostic, bool) {
	if lang.ZawgyiApplies(code) && zawgyi.IsZawgyi(s) {
		return diag.Errorf(pos, "zawgyi", "briefs check shows where; convert the text to Unicode",
			"message %q is Zawgyi-encoded Burmese; in Unicode it reads %q", id, zawgyi.Repair(s)), true
	}
	for i, r := range s {
		if RefusedControl(s, i) {
			return diag.Errorf(pos, "control-char", ControlHint(r),
				"message %q contains the control character U+%04X", id, r), true
		}
	}
	return diag.Diagnostic{}, false
}

// RefusedControl reports whether the character at s[i] is a control
// character that no face draws: any but tab, newline, and a carriage
// return right before a newline. That pair is a line end of a multi-line
// TOML string in a file saved with CR LF, which the decoder keeps and the
// layout sets as a space, as it does a newline; a carriage return alone
// is a line end a CAT tool or Windows put inside the text (&#xD; in
// XLIFF, \r in PO or TOML). check and build share this rule, so that
// nothing check passes fails a PDF.
func RefusedControl(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == '\t' || r == '\n':
		return false
	case r == '\r':
		return !strings.HasPrefix(s[i+1:], "\n")
	}
	return unicode.IsControl(r)
}

// ControlHint is the advice for a control character r in a message.
func ControlHint(r rune) string {
	if r == '\r' {
		return "a CAT tool or a Windows editor put a line end (carriage return) inside the text: remove it (the PDF sets a line end inside a text as a space)"
	}
	return "delete the invisible character; an editor that shows them helps"
}

// linkProblem refuses a link that is not http, https or mailto: a PDF link
// action with javascript: or file: is a hazard to the reader.
func linkProblem(pos diag.Pos, id string, spans []manuscript.Span) (diag.Diagnostic, bool) {
	for _, sp := range spans {
		if sp.Link != "" && !text.SafeLink(sp.Link) {
			return diag.Errorf(pos, "link-scheme", "links may be https://, http:// or mailto: only",
				"message %q links to %q", id, clip(sp.Link)), true
		}
	}
	return diag.Diagnostic{}, false
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return fmt.Sprint(string(r[:60]), "…")
	}
	return s
}
