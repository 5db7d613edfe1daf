package viewers_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

const (
	nsRDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsXMP     = "http://ns.adobe.com/xap/1.0/"
	nsPDF     = "http://ns.adobe.com/pdf/1.3/"
	nsPDFAID  = "http://www.aiim.org/pdfa/ns/id/"
	nsPDFUAID = "http://www.aiim.org/pdfua/ns/id/"
)

// TestXMPAndOutputIntent checks every sample PDF's XMP packet: well-formed,
// with the PDF/A-2u and PDF/UA-1 identification (ISO 19005-2, 6.6.4; ISO
// 14289-1, 5), the title once (as pdf.js reads it), dc:language, and
// values equal to the information dictionary (ISO 19005-2, 6.6.2.3.1); and
// its sRGB output intent (6.2.3).
func TestXMPAndOutputIntent(t *testing.T) {
	for _, s := range buildSamples(t, t.TempDir()) {
		d := loadQPDF(t, s.path)
		cat, info := d.catalog(), d.info()
		meta := d.dict(cat["/Metadata"])
		if meta["/Type"] != "/Metadata" || meta["/Subtype"] != "/XML" {
			t.Errorf("%s: the catalog's /Metadata is not an XML metadata stream: %v", s.name, meta)
			continue
		}
		packet, err := d.data(cat["/Metadata"])
		if err != nil {
			t.Fatal(err)
		}
		props, err := xmpProperties(packet)
		if err != nil {
			t.Errorf("%s: XMP is not well-formed: %v", s.name, err)
			continue
		}
		lang := text(cat["/Lang"])
		want := map[string]string{
			nsPDFAID + " part": "2", nsPDFAID + " conformance": "U", nsPDFUAID + " part": "1",
			nsDC + " title x-default": text(info["/Title"]), nsDC + " title (pdf.js)": text(info["/Title"]),
			nsDC + " language": lang, nsDC + " creator": text(info["/Author"]),
			nsDC + " description x-default": text(info["/Subject"]), nsPDF + " Keywords": text(info["/Keywords"]),
			nsXMP + " CreatorTool": text(info["/Creator"]), nsPDF + " Producer": text(info["/Producer"]),
			nsXMP + " CreateDate": xmpDate(text(info["/CreationDate"])), nsXMP + " ModifyDate": xmpDate(text(info["/ModDate"])),
		}
		for key, w := range want {
			if props[key] != w {
				t.Errorf("%s: XMP %s = %q, want %q (from Info and the catalog)", s.name, key, props[key], w)
			}
		}
		// A brief has a date; a proof has none, and no clock is read.
		dated := !strings.HasPrefix(s.name, "proof.")
		if text(info["/Title"]) == "" || lang == "" || dated != (text(info["/CreationDate"]) != "") {
			t.Errorf("%s: Info lacks a title, the catalog a /Lang, or the dates are wrong: %v", s.name, info)
		}
		checkOutputIntent(t, d, s.name)
	}
}

// xmpProperties reads the simple properties of an XMP packet, keyed
// "namespace name", and language alternatives as "namespace name lang";
// a Seq or Bag gives its first item. "namespace name (pdf.js)" is all the
// text of the property, as pdf.js reads dc:title for Firefox's title bar.
func xmpProperties(packet []byte) (map[string]string, error) {
	props := map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(packet))
	var path []xml.Name
	lang := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return props, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			path = append(path, tok.Name)
			for _, a := range tok.Attr {
				if a.Name.Local == "lang" {
					lang = a.Value
				}
			}
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			v := strings.TrimSpace(string(tok))
			if v == "" || len(path) < 1 {
				continue
			}
			key := property(path)
			props[key+" (pdf.js)"] += v // pdf.js reads a property as all its text (MetadataParser)
			if path[len(path)-1].Local == "li" && strings.HasSuffix(path[len(path)-2].Local, "Alt") {
				key += " " + lang
			}
			if _, seen := props[key]; !seen {
				props[key] = v
			}
		}
	}
}

// property names the innermost element outside RDF containers.
func property(path []xml.Name) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i].Space != nsRDF {
			return path[i].Space + " " + path[i].Local
		}
	}
	return ""
}

// xmpDate turns a PDF date in UTC (D:YYYYMMDDHHmmSSZ) into XMP's form.
func xmpDate(pdf string) string {
	if pdf == "" {
		return ""
	}
	tm, err := time.Parse("D:20060102150405Z", pdf)
	if err != nil {
		return "not a UTC PDF date: " + pdf
	}
	return tm.Format("2006-01-02T15:04:05Z")
}

// checkOutputIntent checks for one PDF/A output intent whose profile is an
// RGB ICC profile (ICC.1, 7.2: 'acsp' signature, data colour space).
func checkOutputIntent(t *testing.T, d *qpdfDoc, name string) {
	t.Helper()
	intents, _ := d.catalog()["/OutputIntents"].([]any)
	if len(intents) != 1 {
		t.Errorf("%s: %d output intents, want 1", name, len(intents))
		return
	}
	oi := d.dict(intents[0])
	if oi["/S"] != "/GTS_PDFA1" || text(oi["/OutputConditionIdentifier"]) == "" {
		t.Errorf("%s: output intent %v is not a PDF/A one", name, oi)
	}
	icc, err := d.data(oi["/DestOutputProfile"])
	if err != nil || len(icc) < 128 || string(icc[36:40]) != "acsp" || string(icc[16:20]) != "RGB " {
		t.Errorf("%s: the output intent's profile is not an RGB ICC profile (%v)", name, err)
	}
	if n, _ := d.dict(oi["/DestOutputProfile"])["/N"].(float64); n != 3 {
		t.Errorf("%s: the profile's /N is %v, want 3", name, n)
	}
}
