package content

import (
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// TestRefusedControl holds the rule check and build share: a carriage
// return is refused alone (a CAT tool's &#xD;), not before a newline (a
// CR LF line end of a multi-line string in a file saved on Windows).
func TestRefusedControl(t *testing.T) {
	for _, c := range []struct {
		s    string
		at   int // byte offset of the character asked about
		want bool
	}{
		{"a\tb", 1, false},
		{"a\nb", 1, false},
		{"a\r\nb", 1, false},
		{"a\rb", 1, true},
		{"a\r", 1, true},
		{"a\r\r\nb", 1, true},
		{"a\r\r\nb", 2, false},
		{"a\u0007b", 1, true},
		{"a\u0085b", 1, true}, // C1 NEL, two bytes
		{"ជន", 0, false},
	} {
		if got := RefusedControl(c.s, c.at); got != c.want {
			t.Errorf("RefusedControl(%q, %d) = %v, want %v", c.s, c.at, got, c.want)
		}
	}
}

// TestTextProblemCarriageReturn: build refuses a lone carriage return with
// advice about line ends, not the generic one.
func TestTextProblemCarriageReturn(t *testing.T) {
	pos := diag.Pos{File: "locales/b.km.toml", Line: 7, Col: 1}
	d, bad := textProblem(pos, "km", "p1", "ជន\rស")
	if !bad || d.Code != "control-char" || !strings.Contains(d.Msg, "U+000D") || !strings.Contains(d.Hint, "line end") {
		t.Errorf("textProblem = %v, %v; want a control-char error about U+000D with a line-end hint", d, bad)
	}
	if d, bad := textProblem(pos, "km", "p1", "ជន\r\nស"); bad {
		t.Errorf("a CR LF line end was refused: %v", d)
	}
}
