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

	"github.com/mekong-briefs/briefs/internal/pages"
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

// writePNG decodes the file and stores its samples Flate-compressed: 8-bit
// gray or RGB, and the alpha channel as a soft mask (ISO 32000-1, 11.6.5.3)
// when some pixel is not opaque. PDF cannot take PNG's chunked format as is.
func (r *imageRes) writePNG(w *objWriter) error {
	img, err := png.Decode(bytes.NewReader(r.data))
	if err != nil {
		return fmt.Errorf("decode png: %w", err)
	}
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	if wd == 0 || ht == 0 {
		return errors.New("png has no pixels")
	}
	_, gray := img.(*image.Gray)
	_, gray16 := img.(*image.Gray16)
	gray = gray || gray16

	var samples, alpha []byte
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if gray {
				samples = append(samples, c.R)
			} else {
				samples = append(samples, c.R, c.G, c.B)
			}
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 0xFF
		}
	}
	cs := "/DeviceRGB"
	if gray {
		cs = "/DeviceGray"
	}
	dict := fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8", wd, ht, cs)
	if !opaque {
		mask := w.alloc()
		dict += " /SMask " + mask.String()
		w.flateStreamAside(mask, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8", wd, ht), "image mask", alpha)
	}
	w.flateStreamAside(r.obj, dict, "image", samples) // compressed aside, as the pages are
	return nil
}
