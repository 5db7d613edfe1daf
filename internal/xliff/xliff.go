// Package xliff reads and writes XLIFF 1.2 documents (OASIS XLIFF
// Version 1.2, 1 February 2008): one <file> of trans-units with resname,
// notes and target state, plural forms as a group with
// restype="x-gettext-plurals" (the convention translate-toolkit's po2xliff
// uses), and Go template actions ({{.Count}}) as inline <ph> codes that
// translation tools protect (spec section 2.4, "Inline Elements"). It
// knows nothing of catalogues: package interchange maps messages to units.
package xliff

// File is one <file> element.
type File struct {
	Original   string // the file the units come from
	SourceLang string
	TargetLang string
	Line, Col  int // where the <file> element starts (its languages are attributes of it)
	// Sum is the build-num of the <file> (XLIFF 1.2: "the build number
	// of the version of the file"): briefs records there a digest of the
	// units as it wrote them.
	Sum   string
	Units []Unit
}

// Unit is one trans-unit.
type Unit struct {
	ID      string
	Resname string
	Group   string // non-empty: the id of the plural group it belongs to
	Source  string // text, with <ph> codes given back as their native text
	Target  string
	State   string // needs-translation, needs-review-translation, translated...
	// Qualifier is the target's state-qualifier (how it got its
	// state: exact-match, mt-suggestion...).
	Qualifier string
	Approved  bool // approved="yes" on the trans-unit
	Notes     []Note
	Line      int // where it starts in a parsed document, 1-based
	Col       int
}

// Note is a <note>, with its from attribute.
type Note struct{ From, Text string }

// Fuzzy reports whether the target needs work (XLIFF 1.2, "state" and
// "state-qualifier" attribute values; "approved" of <trans-unit>): no
// target; a state that asks for translation or review; no state at all,
// which the spec leaves unknown (a CAT tool that dropped the
// needs-review-translation of an export, whatever the translator did),
// unless the unit is approved; or a target that a machine or a memory
// proposed (state-qualifier mt-suggestion, fuzzy-match, leveraged-*,
// tm-suggestion), which nobody has confirmed, whatever its state says.
func (u *Unit) Fuzzy() bool {
	switch u.Qualifier {
	case "mt-suggestion", "fuzzy-match", "tm-suggestion",
		"leveraged-glossary", "leveraged-inherited", "leveraged-mt", "leveraged-repository", "leveraged-tm":
		return true
	}
	switch u.State {
	case "translated", "final", "signed-off":
		return false
	case "":
		return !u.Approved
	}
	return true
}
