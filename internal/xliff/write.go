package xliff

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Write writes an XLIFF 1.2 document with one file element.
func Write(w io.Writer, f *File) error {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">` + "\n")
	sum := ""
	if f.Sum != "" {
		sum = ` build-num="` + attr(f.Sum) + `"`
	}
	fmt.Fprintf(&b, ` <file original="%s" source-language="%s" target-language="%s" datatype="plaintext"%s>`+"\n",
		attr(f.Original), attr(f.SourceLang), attr(f.TargetLang), sum)
	b.WriteString("  <body>\n")
	for i := 0; i < len(f.Units); i++ {
		u := f.Units[i]
		if u.Group == "" {
			writeUnit(&b, &u, "   ")
			continue
		}
		fmt.Fprintf(&b, `   <group id="%s" resname="%s" restype="x-gettext-plurals">`+"\n", attr(u.Group), attr(u.Group))
		for ; i < len(f.Units) && f.Units[i].Group == u.Group; i++ {
			writeUnit(&b, &f.Units[i], "    ")
		}
		i--
		b.WriteString("   </group>\n")
	}
	b.WriteString("  </body>\n </file>\n</xliff>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeUnit(b *strings.Builder, u *Unit, in string) {
	approved := ""
	if u.Approved {
		// translate-toolkit's xliff2po, Weblate and Okapi take a unit
		// without approved="yes" for one to review, whatever its state.
		approved = ` approved="yes"`
	}
	fmt.Fprintf(b, `%s<trans-unit id="%s" resname="%s"%s xml:space="preserve">`+"\n", in, attr(u.ID), attr(u.Resname), approved)
	fmt.Fprintf(b, "%s <source>%s</source>\n", in, inline(u.Source))
	fmt.Fprintf(b, `%s <target state="%s">%s</target>`+"\n", in, attr(u.State), inline(u.Target))
	for _, n := range u.Notes {
		fmt.Fprintf(b, `%s <note from="%s">%s</note>`+"\n", in, attr(n.From), text(n.Text))
	}
	fmt.Fprintf(b, "%s</trans-unit>\n", in)
}

func text(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), "&#xA;", "\n")
}

func attr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), "&#39;", "'")
}

// inline escapes text and wraps each template action, {{…}}, in a <ph>
// element, numbered from 1.
func inline(s string) string {
	var b strings.Builder
	n := 0
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			break
		}
		n++
		b.WriteString(text(s[:i]))
		fmt.Fprintf(&b, `<ph id="%d" ctype="x-template">%s</ph>`, n, text(s[i:i+j+2]))
		s = s[i+j+2:]
	}
	b.WriteString(text(s))
	return b.String()
}
