package content

import (
	"fmt"
	"unicode"

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
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return diag.Errorf(pos, "control-char", "delete the invisible character; an editor that shows them helps",
				"message %q contains the control character U+%04X", id, r), true
		}
	}
	return diag.Diagnostic{}, false
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
