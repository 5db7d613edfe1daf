package po

import (
	"fmt"
	"io"
	"strings"
)

// Write writes a PO file: the header entry, then each entry, separated
// by blank lines.
func Write(w io.Writer, f *File) error {
	var b strings.Builder
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	for _, h := range f.Header {
		fmt.Fprintf(&b, "%s\n", quote(h[0]+": "+h[1]+"\n"))
	}
	for _, e := range f.Entries {
		b.WriteString("\n")
		writeEntry(&b, e)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeEntry(b *strings.Builder, e *Entry) {
	for _, c := range e.Comments {
		comment(b, "#", c)
	}
	for _, c := range e.Extracted {
		comment(b, "#.", c)
	}
	for _, r := range e.References {
		fmt.Fprintf(b, "#: %s\n", r)
	}
	if len(e.Flags) > 0 {
		fmt.Fprintf(b, "#, %s\n", strings.Join(e.Flags, ", "))
	}
	if e.PrevID != "" {
		keyword(b, "#| ", "msgid", e.PrevID)
		if e.PrevPlural != "" {
			keyword(b, "#| ", "msgid_plural", e.PrevPlural)
		}
	}
	if e.HasContext {
		keyword(b, "", "msgctxt", e.Context)
	}
	keyword(b, "", "msgid", e.ID)
	if !e.IsPlural {
		keyword(b, "", "msgstr", first(e.Str))
		return
	}
	keyword(b, "", "msgid_plural", e.Plural)
	for i, s := range e.Str {
		keyword(b, "", fmt.Sprintf("msgstr[%d]", i), s)
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// comment writes a comment, one line per line of text.
func comment(b *strings.Builder, mark, text string) {
	for _, l := range strings.Split(text, "\n") {
		if l == "" {
			b.WriteString(mark + "\n")
			continue
		}
		fmt.Fprintf(b, "%s %s\n", mark, l)
	}
}

// keyword writes `msgid "text"`; a text with line breaks is split after
// each, under an empty first string, as gettext's tools write it.
func keyword(b *strings.Builder, prefix, kw, s string) {
	if !strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
		fmt.Fprintf(b, "%s%s %s\n", prefix, kw, quote(s))
		return
	}
	fmt.Fprintf(b, "%s%s \"\"\n", prefix, kw)
	for _, part := range strings.SplitAfter(s, "\n") {
		if part != "" {
			fmt.Fprintf(b, "%s%s\n", prefix, quote(part))
		}
	}
}

// quote writes a C string literal with the escapes PO files use.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`)
	return `"` + r.Replace(s) + `"`
}
