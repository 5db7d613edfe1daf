package source

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/png"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// pngSamples are PNGs of every colour type and depth Go's encoder writes
// (gray, 16-bit gray, RGB, RGBA, 16-bit RGBA, palettes of 2, 16 and 256
// colours, whose rows pack 1, 4 and 8 bits a pixel), at sizes whose rows
// end inside a byte, and an interlaced one (Adam7, written by another
// encoder, in testdata).
func pngSamples(t testing.TB) map[string][]byte {
	r := image.Rect(0, 0, 13, 7)
	imgs := map[string]image.Image{
		"gray": image.NewGray(r), "gray16": image.NewGray16(r), "rgba": image.NewNRGBA(r),
		"rgba64": image.NewNRGBA64(r), "opaque": image.NewRGBA(r),
		"p2":   image.NewPaletted(r, color.Palette{color.Black, color.White}),
		"p16":  image.NewPaletted(r, palette.Plan9[:16]),
		"p256": image.NewPaletted(r, palette.Plan9),
	}
	out := map[string][]byte{}
	for name, img := range imgs {
		for y := 0; y < 7; y++ {
			for x := 0; x < 13; x++ {
				c := color.NRGBA{uint8(x * 19), uint8(y * 37), uint8(x * y), uint8(255 - x)}
				if name == "opaque" {
					c.A = 255
				}
				img.(interface{ Set(x, y int, c color.Color) }).Set(x, y, c)
			}
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		out[name] = b.Bytes()
	}
	data, err := os.ReadFile("testdata/interlaced.png")
	if err != nil {
		t.Fatal(err)
	}
	out["interlaced"] = data
	return out
}

// TestCheckPNGAgreesWithDecode: checkPNG accepts every sample, and refuses
// each sample cut short, with a byte of its image data changed, or with
// data added, wherever image/png's Decode refuses it.
func TestCheckPNGAgreesWithDecode(t *testing.T) {
	for name, data := range pngSamples(t) {
		if err := checkPNG(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		var variants [][]byte
		for cut := 8; cut < len(data); cut += 7 {
			variants = append(variants, data[:cut])
		}
		for i := 33; i < len(data)-12; i += 5 {
			v := bytes.Clone(data)
			v[i] ^= 0x5a
			variants = append(variants, v)
		}
		for i, v := range variants {
			_, derr := png.Decode(bytes.NewReader(v))
			if cerr := checkPNG(v); derr != nil && cerr == nil {
				t.Errorf("%s variant %d: Decode refuses it (%v), checkPNG accepts it", name, i, derr)
			}
		}
	}
}

// FuzzCheckPNG puts arbitrary image data, compressed, into each sample's
// frame with the checksums right: checkPNG accepts exactly what image/png
// decodes.
func FuzzCheckPNG(f *testing.F) {
	samples := pngSamples(f)
	names := slices.Sorted(maps.Keys(samples))
	f.Add(byte(0), []byte{0, 1, 2, 3})
	f.Add(byte(1), bytes.Repeat([]byte{0}, 8*14))
	f.Fuzz(func(t *testing.T, which byte, rows []byte) {
		data := withImageData(samples[names[int(which)%len(names)]], rows)
		_, derr := png.Decode(bytes.NewReader(data))
		if cerr := checkPNG(data); (cerr == nil) != (derr == nil) {
			t.Fatalf("checkPNG: %v; image/png: %v", cerr, derr)
		}
	})
}

// withImageData is a PNG with its IDAT chunks replaced by one holding
// rows, zlib-compressed, before IEND.
func withImageData(png []byte, rows []byte) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(rows)
	zw.Close()
	var cs []chunk
	for _, c := range splitChunks(png) {
		switch c.kind {
		case "IDAT":
		case "IEND":
			cs = append(cs, chunk{"IDAT", z.Bytes()}, c)
		default:
			cs = append(cs, c)
		}
	}
	return joinChunks(cs)
}

// TestSixteenBitFiguresAreHeldToTheirBytes: a PNG header of 6000×6000
// pixels is under the pixel limit at 8 bits a channel and over the
// decoded-size limit at 16, which is refused from the header alone.
func TestSixteenBitFiguresAreHeldToTheirBytes(t *testing.T) {
	header := func(depth byte) []byte {
		ihdr := binary.BigEndian.AppendUint32(nil, 6000)
		ihdr = binary.BigEndian.AppendUint32(ihdr, 6000)
		ihdr = append(ihdr, depth, 6, 0, 0, 0)
		return withImageData(append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), append(ihdr, 0, 0, 0, 0, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0, 0, 0, 0)...), nil)
	}
	if _, err := figureHeader("a.png", bytes.NewReader(header(8))); err != nil {
		t.Errorf("8-bit: %v", err)
	}
	_, err := figureHeader("b.png", bytes.NewReader(header(16)))
	if fe, ok := err.(*FigureError); !ok || fe.Code != "figure-too-large" || !strings.Contains(fe.Msg, "16 bits") {
		t.Errorf("16-bit: %v, want figure-too-large naming 16 bits", err)
	}
}

// TestCheckPNGRefusesMisorderedChunks: a second IHDR (of no pixels, or
// of two billion), an IDAT before the IHDR, and IDAT chunks parted by
// another chunk are refused, as image/png refuses them, and nothing
// panics or allocates the size a header claims.
func TestCheckPNGRefusesMisorderedChunks(t *testing.T) {
	data := pngSamples(t)["rgba"]
	chunks := splitChunks(data)
	ihdr := func(w, h uint32, depth byte) chunk {
		b := binary.BigEndian.AppendUint32(nil, w)
		b = binary.BigEndian.AppendUint32(b, h)
		return chunk{"IHDR", append(b, depth, 6, 0, 0, 0)}
	}
	idat := chunks[1] // the one IDAT of Go's encoder
	half := len(idat.body) / 2
	for name, cs := range map[string][]chunk{
		"second IHDR of 0×0":        {chunks[0], ihdr(0, 0, 8), idat, chunks[2]},
		"second IHDR of 2^31×1":     {chunks[0], ihdr(1<<31, 1, 16), idat, chunks[2]},
		"IDAT before IHDR":          {idat, chunks[0], chunks[2]},
		"IDATs parted by a tEXt":    {chunks[0], {"IDAT", idat.body[:half]}, {"tEXt", []byte("a\x00b")}, {"IDAT", idat.body[half:]}, chunks[2]},
		"first IHDR over the limit": {ihdr(1<<31, 1<<31, 8), idat, chunks[2]},
	} {
		v := joinChunks(cs)
		if err := checkPNG(v); err == nil {
			t.Errorf("%s: accepted", name)
		}
		if _, err := png.Decode(bytes.NewReader(v)); err == nil {
			t.Errorf("%s: image/png takes it, so checkPNG should", name)
		}
	}
}

type chunk struct {
	kind string
	body []byte
}

func splitChunks(data []byte) []chunk {
	var out []chunk
	for rest := data[8:]; len(rest) >= 12; {
		n := binary.BigEndian.Uint32(rest)
		out = append(out, chunk{string(rest[4:8]), rest[8 : 8+n]})
		rest = rest[12+n:]
	}
	return out
}

func joinChunks(cs []chunk) []byte {
	out := []byte("\x89PNG\r\n\x1a\n")
	for _, c := range cs {
		out = binary.BigEndian.AppendUint32(out, uint32(len(c.body)))
		at := len(out)
		out = append(append(out, c.kind...), c.body...)
		out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[at:]))
	}
	return out
}

// TestCheckPNGColourChunksAgreeWithDecode: PLTE and tRNS chunks of every
// length that matters, before and after the other, in every sample's
// colour type, are accepted by checkPNG exactly where image/png's Decode,
// which the PDF writer runs, takes them: a tRNS of 3 bytes in a grey
// image passed the check and then failed every PDF of the brief.
func TestCheckPNGColourChunksAgreeWithDecode(t *testing.T) {
	for name, data := range pngSamples(t) {
		chunks := splitChunks(data)
		var plain []chunk // without the encoder's own PLTE and tRNS
		for _, c := range chunks {
			if c.kind != "PLTE" && c.kind != "tRNS" {
				plain = append(plain, c)
			}
		}
		var extra [][]chunk
		for _, n := range []int{0, 2, 3, 6, 9, 48, 255, 256, 768, 771} {
			extra = append(extra, []chunk{{"PLTE", make([]byte, n)}}, []chunk{{"tRNS", make([]byte, n)}},
				[]chunk{{"PLTE", make([]byte, 6)}, {"tRNS", make([]byte, n)}}, []chunk{{"tRNS", make([]byte, 2)}, {"PLTE", make([]byte, n)}})
		}
		for i, ex := range extra {
			cs := append([]chunk{plain[0]}, ex...)
			cs = append(cs, plain[1:]...)
			v := joinChunks(cs)
			_, derr := png.Decode(bytes.NewReader(v))
			if cerr := checkPNG(v); (cerr == nil) != (derr == nil) {
				t.Errorf("%s, chunks %d (%s %d bytes…): checkPNG %v, image/png %v", name, i, ex[0].kind, len(ex[len(ex)-1].body), cerr, derr)
			}
		}
	}
}

// TestFigureOfAnotherFormatIsNamed: a phone's HEIC photo, a web page's
// WebP or a GIF saved under a .png or .jpg name is named for what it is,
// with how to save it, not "image: unknown format".
func TestFigureOfAnotherFormatIsNamed(t *testing.T) {
	for want, head := range map[string]string{
		"HEIC": "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
		"AVIF": "\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1",
		"WebP": "RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00",
		"GIF":  "GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00",
		"TIFF": "II*\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
	} {
		_, err := figureHeader("photo.jpg", strings.NewReader(head))
		var fe *FigureError
		if !errors.As(err, &fe) || !strings.Contains(fe.Msg, "is a "+want+" image") || !strings.Contains(fe.Hint, "JPEG") {
			t.Errorf("%s: %v; want it named, with a hint", want, err)
		}
	}
}
