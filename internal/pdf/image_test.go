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

// TestPixelsIsConvertEachPixel checks pixels against the plain reading,
// At and color.NRGBAModel for every pixel, on each image type image/png
// decodes to and one it does not, in a sub-rectangle so that strides and
// offsets count.
func TestPixelsIsConvertEachPixel(t *testing.T) {
	r := image.Rect(0, 0, 7, 5)
	pal := image.NewPaletted(r, color.Palette{color.NRGBA{10, 20, 30, 0x80}, color.RGBA{0, 0, 0, 0}, color.RGBA{200, 100, 50, 0xFF}})
	nrgba, gray, rgba, gray16 := image.NewNRGBA(r), image.NewGray(r), image.NewRGBA(r), image.NewGray16(r)
	for y := 0; y < 5; y++ {
		for x := 0; x < 7; x++ {
			k := uint8(x*37 + y*11)
			pal.SetColorIndex(x, y, k%3)
			nrgba.Set(x, y, color.NRGBA{k, k + 1, k + 2, k * 3})
			gray.Set(x, y, color.Gray{k})
			rgba.Set(x, y, color.RGBA{k / 2, k / 3, k / 4, k})
			gray16.Set(x, y, color.Gray16{uint16(k) * 257})
		}
	}
	sub := image.Rect(1, 1, 6, 4)
	for name, img := range map[string]image.Image{
		"paletted": pal.SubImage(sub), "nrgba": nrgba.SubImage(sub), "gray": gray.SubImage(sub),
		"rgba": rgba.SubImage(sub), "gray16": gray16.SubImage(sub),
	} {
		samples, alpha, isGray, opaque := pixels(img)
		var want, wantAlpha []byte
		wantOpaque := true
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				if isGray {
					want = append(want, c.R)
				} else {
					want = append(want, c.R, c.G, c.B)
				}
				wantAlpha = append(wantAlpha, c.A)
				wantOpaque = wantOpaque && c.A == 0xFF
			}
		}
		if !bytes.Equal(samples, want) || !bytes.Equal(alpha, wantAlpha) || opaque != wantOpaque {
			t.Errorf("%s: pixels gave samples %v alpha %v opaque %v, want %v %v %v", name, samples, alpha, opaque, want, wantAlpha, wantOpaque)
		}
		if wantGray := name == "gray" || name == "gray16"; isGray != wantGray {
			t.Errorf("%s: gray %v, want %v", name, isGray, wantGray)
		}
	}
}
