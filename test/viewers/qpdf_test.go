package viewers_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// qpdfDoc is a PDF as qpdf --json=2 shows it: every object by reference
// ("12 0 R"), streams decoded.
type qpdfDoc struct {
	objs map[string]qpdfObj
}

type qpdfObj struct {
	Value  any `json:"value"`
	Stream *struct {
		Dict map[string]any `json:"dict"`
		Data string         `json:"data"`
	} `json:"stream"`
}

func loadQPDF(t *testing.T, path string) *qpdfDoc {
	t.Helper()
	bin := need(t, "qpdf", "qpdf")
	out, err := exec.Command(bin, "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	var raw struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &raw); err != nil || len(raw.QPDF) < 2 {
		t.Fatalf("qpdf --json %s: unreadable output (%v)", path, err)
	}
	d := &qpdfDoc{}
	if err := json.Unmarshal(raw.QPDF[1], &d.objs); err != nil {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	return d
}

// dict returns the dictionary of a reference, or of a stream.
func (d *qpdfDoc) dict(ref any) map[string]any {
	s, _ := ref.(string)
	o, ok := d.objs["obj:"+s]
	if !ok {
		if m, ok := ref.(map[string]any); ok {
			return m // a direct dictionary
		}
		return nil
	}
	if o.Stream != nil {
		return o.Stream.Dict
	}
	m, _ := o.Value.(map[string]any)
	return m
}

// data returns a stream's decoded bytes.
func (d *qpdfDoc) data(ref any) ([]byte, error) {
	s, _ := ref.(string)
	o, ok := d.objs["obj:"+s]
	if !ok || o.Stream == nil {
		return nil, fmt.Errorf("%v is not a stream", ref)
	}
	return base64.StdEncoding.DecodeString(o.Stream.Data)
}

// trailer is the trailer (here: the cross-reference stream's) dictionary.
func (d *qpdfDoc) trailer() map[string]any {
	t := d.objs["trailer"]
	m, _ := t.Value.(map[string]any)
	return m
}

func (d *qpdfDoc) catalog() map[string]any { return d.dict(d.trailer()["/Root"]) }

func (d *qpdfDoc) info() map[string]any { return d.dict(d.trailer()["/Info"]) }

// pages lists the page dictionaries in order.
func (d *qpdfDoc) pages() []map[string]any {
	var out []map[string]any
	var walk func(node map[string]any)
	walk = func(node map[string]any) {
		if node["/Type"] == "/Page" {
			out = append(out, node)
			return
		}
		kids, _ := node["/Kids"].([]any)
		for _, k := range kids {
			walk(d.dict(k))
		}
	}
	walk(d.dict(d.catalog()["/Pages"]))
	return out
}

// text decodes a qpdf JSON string value ("u:…" Unicode, "b:…" hex bytes).
func text(v any) string {
	s, _ := v.(string)
	if strings.HasPrefix(s, "u:") {
		return s[2:]
	}
	return s
}
