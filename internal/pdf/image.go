package pdf

import (
	"bytes"
	"crypto/md5"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"sync/atomic"

	"github.com/mekong-briefs/briefs/internal/pages"
	"github.com/mekong-briefs/briefs/internal/parallel"
)

// imageRes is one image XObject (ISO 32000-1, 8.9.5). Images with the same
// bytes share one object.
type imageRes struct {
	name   string // resource name, e.g. Im1
	obj    ref
	format string
	data   []byte
}

// imageSet hands out image resources in order of first use.
type imageSet struct {
	byHash map[[16]byte]*imageRes
	order  []*imageRes
}

func newImageSet() *imageSet { return &imageSet{byHash: map[[16]byte]*imageRes{}} }

func (s *imageSet) use(w *objWriter, img pages.Image) (*imageRes, error) {
	if img.Format != "jpeg" && img.Format != "png" {
		return nil, fmt.Errorf("image format %q is not jpeg or png", img.Format)
	}
	key := md5.Sum(append([]byte(img.Format+"\x00"), img.Data...))
	if r, ok := s.byHash[key]; ok {
		return r, nil
	}
	r := &imageRes{name: fmt.Sprintf("Im%d", len(s.order)+1), obj: w.alloc(), format: img.Format, data: img.Data}
	s.byHash[key] = r
	s.order = append(s.order, r)
	return r, nil
}

func (r *imageRes) write(w *objWriter) error {
	var err error
	if r.format == "jpeg" {
		err = r.writeJPEG(w)
	} else {
		err = r.writePNG(w)
	}
	if err != nil {
		return fmt.Errorf("image %s: %w", r.name, err)
	}
	return nil
}

// writeJPEG embeds the file unchanged with DCTDecode (ISO 32000-1, 7.4.8),
// taking size and colour space from its header.
func (r *imageRes) writeJPEG(w *objWriter) error {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(r.data))
	if err != nil {
		return fmt.Errorf("decode jpeg: %w", err)
	}
	cs := "/DeviceRGB"
	switch cfg.ColorModel {
	case color.GrayModel:
		cs = "/DeviceGray"
	case color.CMYKModel:
		// Adobe writes CMYK JPEGs inverted; the Decode array undoes it.
		cs = "/DeviceCMYK /Decode [1 0 1 0 1 0 1 0]"
	}
	w.stream(r.obj, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode",
		cfg.Width, cfg.Height, cs), r.data)
	return nil
}

// writePNG stores the file's samples Flate-compressed: 8-bit gray or RGB,
// and the alpha channel as a soft mask (ISO 32000-1, 11.6.5.3) when some
// pixel is not opaque. PDF cannot take PNG's chunked format as is.
func (r *imageRes) writePNG(w *objWriter) error {
	p, err := decodedPNG(r.data)
	if err != nil {
		return err
	}
	cs := "/DeviceRGB"
	if p.gray {
		cs = "/DeviceGray"
	}
	dict := fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8", p.wd, p.ht, cs)
	if !p.opaque {
		mask := w.alloc()
		dict += " /SMask " + mask.String()
		w.deflatedStream(mask, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8", p.wd, p.ht), p.alpha)
	}
	w.deflatedStream(r.obj, dict, p.samples)
	return nil
}

// pngImage is a PNG as the PDF holds it: its size, its kind, and its
// samples and alpha channel compressed.
type pngImage struct {
	wd, ht         int
	gray, opaque   bool
	samples, alpha []byte // Flate-compressed
}

// pngImages keeps each PNG this process wrote, by its bytes' hash: every
// edition and language of a brief embeds its figures, and a 36-megapixel
// photograph took 0.9 GB and 4-9 s to decode and compress for each PDF
// (8 GB with --jobs 8). One decode serves them all; the compressed bytes
// are kept up to pngKeptMax in all.
var (
	pngImages parallel.Once[[16]byte, pngResult]
	pngKept   atomic.Int64
)

const pngKeptMax = 64 << 20

type pngResult struct {
	img *pngImage
	err error
}

// decodedPNG returns the PDF form of a PNG file, made once per process
// while it fits in pngKeptMax.
func decodedPNG(data []byte) (*pngImage, error) {
	key := md5.Sum(data)
	r := pngImages.Do(key, func() pngResult {
		img, err := convertPNG(data)
		if err != nil {
			defer pngImages.Forget(key)
			return pngResult{nil, err}
		}
		if n := int64(len(img.samples) + len(img.alpha)); pngKept.Add(n) > pngKeptMax {
			// Full (a long serve session's old figures): start afresh.
			pngImages.Reset()
			pngKept.Store(0)
		}
		return pngResult{img, nil}
	})
	return r.img, r.err
}

// convertPNG decodes a PNG and compresses its samples and alpha channel.
func convertPNG(data []byte) (*pngImage, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode png: %w", err)
	}
	b := img.Bounds()
	p := &pngImage{wd: b.Dx(), ht: b.Dy()}
	if p.wd == 0 || p.ht == 0 {
		return nil, errors.New("png has no pixels")
	}
	samples, alpha, gray, opaque := pixels(img)
	p.gray, p.opaque = gray, opaque
	if p.samples, err = deflate(samples); err != nil {
		return nil, err
	}
	if !opaque {
		if p.alpha, err = deflate(alpha); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// pixels returns an image's samples, 8-bit gray or RGB, and its alpha
// channel, as color.NRGBAModel gives them pixel by pixel, row by row;
// gray is true for gray images, opaque when every alpha is 0xFF. The
// types image/png decodes to are read from their pixel arrays: going
// through At and Convert for each pixel took 2-5 ms for a 300×100
// palette logo, more than the rest of its PDF's images and fonts.
func pixels(img image.Image) (samples, alpha []byte, gray, opaque bool) {
	b := img.Bounds()
	n := b.Dx() * b.Dy()
	_, gray = img.(*image.Gray)
	_, gray16 := img.(*image.Gray16)
	gray = gray || gray16
	if gray {
		samples = make([]byte, 0, n)
	} else {
		samples = make([]byte, 0, 3*n)
	}
	alpha = make([]byte, 0, n)
	add := func(c color.NRGBA) {
		if gray {
			samples = append(samples, c.R)
		} else {
			samples = append(samples, c.R, c.G, c.B)
		}
		alpha = append(alpha, c.A)
	}
	switch m := img.(type) {
	case *image.Paletted:
		// Each palette entry converted once, as each pixel would be.
		pal := make([]color.NRGBA, len(m.Palette))
		for i, c := range m.Palette {
			pal[i] = color.NRGBAModel.Convert(c).(color.NRGBA)
		}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for _, i := range m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)] {
				if int(i) < len(pal) {
					add(pal[i])
				} else {
					add(color.NRGBA{A: 0xFF}) // as image/png extends a short palette
				}
			}
		}
	case *image.NRGBA:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
			for k := 0; k < len(row); k += 4 {
				add(color.NRGBA{R: row[k], G: row[k+1], B: row[k+2], A: row[k+3]})
			}
		}
	case *image.Gray:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for _, v := range m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)] {
				add(color.NRGBA{R: v, G: v, B: v, A: 0xFF})
			}
		}
	default:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				add(color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA))
			}
		}
	}
	opaque = true
	for _, a := range alpha {
		opaque = opaque && a == 0xFF
	}
	return samples, alpha, gray, opaque
}
