package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/pages"
)

// TestImages checks colour spaces and soft masks: grayscale PNG stays
// DeviceGray, an opaque PNG has no SMask, a translucent one has, JPEG
// passes through with DCTDecode, and the same image is stored once.
func TestImages(t *testing.T) {
	gray := image.NewGray(image.Rect(0, 0, 8, 4))
	for i := range gray.Pix {
		gray.Pix[i] = uint8(i * 7)
	}
	var grayPNG, grayJPEG bytes.Buffer
	png.Encode(&grayPNG, gray)
	jpeg.Encode(&grayJPEG, gray, nil)
	pal := image.NewPaletted(image.Rect(0, 0, 3, 3), color.Palette{color.White, color.NRGBA{255, 0, 0, 255}})
	var palPNG bytes.Buffer
	png.Encode(&palPNG, pal)

	page := pages.Page{Width: 200, Height: 200, Images: []pages.Image{
		{X: 0, Y: 0, W: 10, H: 10, Data: grayPNG.Bytes(), Format: "png"},
		{X: 20, Y: 0, W: 10, H: 10, Data: palPNG.Bytes(), Format: "png"},
		{X: 40, Y: 0, W: 10, H: 10, Data: testPNG(t, true), Format: "png"},
		{X: 60, Y: 0, W: 10, H: 10, Data: grayJPEG.Bytes(), Format: "jpeg"},
		{X: 80, Y: 0, W: 10, H: 10, Data: testJPEG(t), Format: "jpeg"},
		{X: 100, Y: 0, W: 10, H: 10, Data: testJPEG(t), Format: "jpeg"},
	}}
	doc := &pages.Document{Pages: []pages.Page{page}}
	var b bytes.Buffer
	if err := Write(&b, doc); err != nil {
		t.Fatal(err)
	}
	pdf := b.String()
	dicts := regexp.MustCompile(`<</Type /XObject /Subtype /Image [^\n]*>>`).FindAllString(pdf, -1)
	want := []string{
		"/Width 8 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",   // gray PNG
		"/Width 3 /Height 3 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",    // palette PNG, opaque
		"/Width 32 /Height 24 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", // the soft mask
		"/Width 32 /Height 24 /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask",
		"/Width 8 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode",
		"/Width 40 /Height 30 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode",
	}
	if len(dicts) != len(want) {
		t.Fatalf("got %d image dictionaries, want %d:\n%q", len(dicts), len(want), dicts)
	}
	for i, w := range want {
		if !bytes.Contains([]byte(dicts[i]), []byte(w)) {
			t.Errorf("image %d: %s\nwant %s", i, dicts[i], w)
		}
	}
	if !bytes.Contains(b.Bytes(), grayJPEG.Bytes()) {
		t.Error("JPEG not embedded byte for byte")
	}
	content := strings.Join(inflateStreams(t, b.Bytes()), "\n")
	for _, op := range []string{"q 10 0 0 10 80 190 cm /Im5 Do Q", "q 10 0 0 10 100 190 cm /Im5 Do Q"} {
		if !strings.Contains(content, op) {
			t.Errorf("content lacks %q", op)
		}
	}
	if strings.Contains(content, "/Im6") {
		t.Error("the repeated JPEG got a second XObject")
	}
}
