package pdf

import (
	_ "embed"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// creatorTool names the program in /Creator, /Producer, xmp:CreatorTool
// and pdf:Producer.
const creatorTool = "briefs"

// stamps are the document's dates, in UTC.
type stamps struct {
	created, modified time.Time // zero: not written
}

// documentDates chooses the dates without reading the clock, so output
// depends only on the input (and never on the time zone). The creation
// date is the document's date, its calendar fields taken as UTC: a brief's
// date is a local date with no zone, and converting it from the machine's
// zone would make TZ change the bytes. SOURCE_DATE_EPOCH, when set (see
// SourceDate), is the modification date, and the creation date too when
// the document has none; a brief dated after it (a commit of a brief
// dated for its day of publication) keeps its date as both, since no
// file is modified before it is created.
func documentDates(doc *pages.Document) (stamps, error) {
	var s stamps
	if !doc.Date.IsZero() {
		d := doc.Date
		s.created = time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), 0, time.UTC)
	}
	s.modified = s.created
	epoch, ok, err := SourceDate()
	if err != nil {
		return s, err
	}
	if ok {
		s.modified = epoch
		if s.created.IsZero() {
			s.created = s.modified
		}
		if s.modified.Before(s.created) {
			s.modified = s.created
		}
	}
	return s, nil
}

// SourceDateEpoch is the environment variable of the reproducible-builds
// convention that dates a build (reproducible-builds.org/specs/
// source-date-epoch: a decimal integer of seconds since 1970-01-01 UTC).
const SourceDateEpoch = "SOURCE_DATE_EPOCH"

// maxSourceDate is the last second a PDF date (D:YYYYMMDDHHmmSS, ISO
// 32000-1, 7.9.4) and an XMP date can hold: 9999-12-31T23:59:59Z.
const maxSourceDate = 253402300799

// SourceDate is the one reading of SOURCE_DATE_EPOCH: ok is false when it
// is unset or empty. A value that is not decimal digits alone (a sign, a
// space, a fraction) or that falls outside the years 1970..9999 is an
// error naming the value, with a hint: commands check it once before any
// typesetting, so that it is one setup error rather than one per PDF, and
// a date beyond year 9999 never reaches a PDF.
func SourceDate() (t time.Time, ok bool, err error) {
	v := os.Getenv(SourceDateEpoch)
	if v == "" {
		return time.Time{}, false, nil
	}
	sec, err := parseEpoch(v)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("read %s=%q: %w (set it to a decimal integer of seconds since 1970-01-01 UTC, "+
			"0 to %d: the years 1970..9999 that PDF dates can hold; git log -1 --format=%%ct gives one; or unset it)",
			SourceDateEpoch, v, err, int64(maxSourceDate))
	}
	return time.Unix(sec, 0).UTC(), true, nil
}

// parseEpoch reads digits alone, as `date +%s` writes them: ParseInt
// would take a sign, and a negative date is before any PDF date.
func parseEpoch(v string) (int64, error) {
	if digits, neg := strings.CutPrefix(v, "-"); neg && digits != "" && strings.Trim(digits, "0123456789") == "" {
		return 0, errors.New("before 1970")
	}
	for _, r := range v {
		if r < '0' || r > '9' {
			return 0, errors.New("not a whole number of seconds")
		}
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil || sec > maxSourceDate {
		return 0, errors.New("after the year 9999")
	}
	return sec, nil
}

// infoDict is the document information dictionary (ISO 32000-1, 14.3.3).
// Every entry has its XMP counterpart (ISO 19005-2, 6.6.2.3.1).
func infoDict(doc *pages.Document, when stamps) string {
	var b strings.Builder
	b.WriteString("<<")
	for _, e := range []struct{ key, val string }{
		{"Title", doc.Title}, {"Author", doc.Author}, {"Subject", doc.Subject}, {"Keywords", doc.Keywords},
	} {
		if e.val != "" {
			fmt.Fprintf(&b, "/%s %s ", e.key, textString(e.val))
		}
	}
	fmt.Fprintf(&b, "/Creator (%s) /Producer (%s)", creatorTool, creatorTool)
	if !when.created.IsZero() {
		fmt.Fprintf(&b, " /CreationDate %s /ModDate %s", literal(date(when.created)), literal(date(when.modified)))
	}
	b.WriteString(">>")
	return b.String()
}

// xmpPacket is the document's XMP metadata (ISO 32000-1, 14.3.2; ISO
// 16684-1) with the identification schemas of PDF/A-2u (ISO 19005-2,
// 6.6.4) and PDF/UA-1 (ISO 14289-1, 5), the values of the information
// dictionary (ISO 19005-2, 6.6.2.3.1), and the extension schema that
// PDF/A-2 requires for the pdfuaid property it does not predefine
// (6.6.2.3.3).
func xmpPacket(doc *pages.Document, when stamps) []byte {
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"" +
		" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"" +
		" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n" +
		"<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n<pdfuaid:part>1</pdfuaid:part>\n" +
		"<dc:format>application/pdf</dc:format>\n")
	// The title is one x-default item: its language is dc:language's.
	// pdf.js (Firefox's viewer) reads dc:title as the text of the whole
	// element and prefers it to Info's Title in the title bar, so a second
	// item in the document's language showed the title twice, run
	// together.
	if doc.Title != "" {
		b.WriteString("<dc:title><rdf:Alt>" + langAlt("x-default", doc.Title) + "</rdf:Alt></dc:title>\n")
	}
	if doc.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + xmlText(doc.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if doc.Subject != "" {
		b.WriteString("<dc:description><rdf:Alt>" + langAlt("x-default", doc.Subject) + "</rdf:Alt></dc:description>\n")
	}
	if doc.Lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + xmlText(doc.Lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	if doc.Keywords != "" {
		b.WriteString("<pdf:Keywords>" + xmlText(doc.Keywords) + "</pdf:Keywords>\n")
	}
	b.WriteString("<pdf:Producer>" + creatorTool + "</pdf:Producer>\n<xmp:CreatorTool>" + creatorTool + "</xmp:CreatorTool>\n")
	if !when.created.IsZero() {
		fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n",
			xmpDate(when.created), xmpDate(when.modified), xmpDate(when.modified))
	}
	b.WriteString("</rdf:Description>\n" + pdfuaidSchema + "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}

// pdfuaidSchema describes the pdfuaid namespace as a PDF/A extension
// schema (ISO 19005-2, 6.6.2.3.3; ISO 14289-1, 5).
const pdfuaidSchema = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"` +
	` xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`

func langAlt(lang, s string) string {
	return `<rdf:li xml:lang="` + xmlText(lang) + `">` + xmlText(s) + "</rdf:li>"
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder, which cannot fail
	return b.String()
}

// xmpDate formats t as an XMP date (ISO 16684-1, 8.2.1.2, after ISO 8601).
func xmpDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

//go:embed icc/sRGB.icc
var srgbProfile []byte

// srgbDeflated is the profile compressed once per process: every PDF
// embeds the same bytes.
var srgbDeflated = sync.OnceValues(func() ([]byte, error) { return deflate(srgbProfile) })

// writeOutputIntent writes the sRGB ICC profile (icc/sRGB.icc, from
// Debian's icc-profiles-free, zlib licence in icc/COPYRIGHT) and the
// PDF/A output intent that names it (ISO 32000-1, 14.11.5; ISO 19005-2,
// 6.2.3), so the DeviceRGB and DeviceGray colours of the pages have a
// defined meaning (6.2.4.3).
func writeOutputIntent(w *objWriter) (ref, error) {
	profile, intent := w.alloc(), w.alloc()
	z, err := srgbDeflated()
	if err != nil {
		return 0, fmt.Errorf("output intent: %w", err)
	}
	w.stream(profile, "/N 3 /Filter /FlateDecode", z)
	w.object(intent, fmt.Sprintf("<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"+
		" /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile %s>>", profile))
	return intent, nil
}
