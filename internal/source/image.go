package source

import (
	"bufio"
	"bytes"
	"crypto/md5"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png" // DecodeConfig reads PNG headers
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/parallel"
)

// MaxPixels is the largest figure briefs reads: 40 megapixels. A PNG of a
// few kilobytes can declare 30000×30000 pixels; decoding it would take
// gigabytes, so the header is read first and such an image refused.
const MaxPixels = 40_000_000

// maxDecodedBytes bounds what a figure takes to decode and convert for
// the PDF: the decoded image, then its 8-bit samples and alpha (4 bytes a
// pixel). It is what 40 megapixels of 8-bit RGBA take, so that a figure
// at 16 bits a channel (8 bytes a pixel decoded) is held to 26
// megapixels: a 280 KB PNG of 6000×6000 16-bit RGBA took 867 MB.
const maxDecodedBytes = MaxPixels * 8

// decodedSize is the bytes a pixel of colour model m takes decoded, as
// image/png and image/jpeg decode it (JPEG's YCbCr counted at 4:4:4).
func decodedSize(m color.Model) int64 {
	switch m {
	case color.GrayModel:
		return 1
	case color.Gray16Model:
		return 2
	case color.YCbCrModel:
		return 3
	case color.NRGBA64Model, color.RGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 4 // RGBA, NRGBA, CMYK
}

// maxImageBytes bounds the file itself.
const maxImageBytes = 64 << 20

// FigureError is a figure that cannot be used, with a stable code and a
// hint for the editor.
type FigureError struct {
	Code, Msg, Hint string
}

func (e *FigureError) Error() string { return e.Msg }

// Diag places the error at a block's position.
func (e *FigureError) Diag(pos diag.Pos) diag.Diagnostic {
	return diag.Errorf(pos, e.Code, e.Hint, "%s", e.Msg)
}

// openError is the FigureError of a figure that cannot be opened.
func openError(src string, err error) *FigureError {
	if errors.Is(err, ErrNotRegular) {
		return &FigureError{"figure-format", fmt.Sprintf("figure %q is not a file (a folder, a pipe or a device)", src),
			"name a PNG or JPEG file in the brief's folder"}
	}
	return &FigureError{"figure-missing", fmt.Sprintf("figure %q cannot be opened", src), "check the file's permissions"}
}

// FigurePath resolves a figure's src inside its brief's folder. An
// absolute path, a path through "..", or a symlink that leads out of the
// folder is refused: a brief embeds only its own files.
func FigurePath(dir, src string) (string, error) {
	if src == "" {
		return "", &FigureError{"figure-missing", "figure has no src", `add src = "chart.png", a file beside brief.toml`}
	}
	if strings.Contains(src, `\`) {
		return "", windowsPath(src)
	}
	if filepath.IsAbs(src) || strings.HasPrefix(src, "/") || !filepath.IsLocal(filepath.FromSlash(src)) {
		return "", &FigureError{"figure-outside", fmt.Sprintf("figure %q is outside the brief's folder", src),
			"copy the image into the brief's folder and name it relative to brief.toml, e.g. src = \"chart.png\""}
	}
	path := filepath.Join(dir, filepath.FromSlash(src))
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		if p, ok := otherForm(dir, src); ok {
			path = p
			real, err = filepath.EvalSymlinks(p)
		}
	}
	if err != nil {
		return "", &FigureError{"figure-missing", fmt.Sprintf("figure %q not found", src), missingHint(dir, src)}
	}
	base, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", &FigureError{"figure-missing", fmt.Sprintf("figure %q not found", src), missingHint(dir, src)}
	}
	if rel, err := filepath.Rel(base, real); err != nil || !filepath.IsLocal(rel) {
		return "", &FigureError{"figure-outside", fmt.Sprintf("figure %q is a link to a file outside the brief's folder", src),
			"copy the image into the brief's folder instead of linking to it"}
	}
	return path, nil
}

// otherForm finds the file src names when its name is in another
// Unicode normalization form than src: macOS and the zip files made on it
// write names decomposed (NFD: a, then U+0300 for à) and brief.toml holds
// them composed, or the other way round. The two look alike, and a Mac
// finds either, so a figure that built on the editor's Mac was missing
// in CI. Each path element is matched by its NFC form.
func otherForm(dir, src string) (string, bool) {
	path := dir
	for _, elem := range strings.Split(src, "/") {
		if _, err := os.Lstat(filepath.Join(path, elem)); err == nil {
			path = filepath.Join(path, elem)
			continue
		}
		entries, _ := os.ReadDir(path)
		i := slices.IndexFunc(entries, func(e os.DirEntry) bool { return norm.NFC.String(e.Name()) == norm.NFC.String(elem) })
		if i < 0 {
			return "", false
		}
		path = filepath.Join(path, entries[i].Name())
	}
	return path, true
}

// windowsPath is the error of a src written with backslashes, as
// Windows' Explorer copies a path: brief.toml names files with / on every
// system, and a drive (C:\), a share (\\server) or ..\ is outside the
// folder.
// The path is shown as written, not quoted, whose escapes doubled every
// backslash on the screen.
func windowsPath(src string) *FigureError {
	slashed := strings.ReplaceAll(src, `\`, "/")
	if len(src) > 2 && src[1] == ':' || strings.HasPrefix(src, `\`) || !filepath.IsLocal(slashed) {
		return &FigureError{"figure-outside", fmt.Sprintf("figure \"%s\" is a Windows path outside the brief's folder", src),
			"copy the image into the brief's folder and name it relative to brief.toml, e.g. src = \"chart.png\""}
	}
	return &FigureError{"figure-missing", fmt.Sprintf("figure \"%s\" is written with backslashes", src),
		fmt.Sprintf("write it with /, as brief.toml names files on every system: src = %q", slashed)}
}

// missingHint suggests the closest image name in the folder.
func missingHint(dir, src string) string {
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.IsDir() && (ext == ".png" || ext == ".jpg" || ext == ".jpeg") {
			names = append(names, e.Name())
		}
	}
	if s := diag.Closest(filepath.Base(src), names); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return "put the image beside brief.toml"
}

// figureHeader reads the image header and refuses images that are too
// large, empty, or not PNG or JPEG.
func figureHeader(src string, r io.Reader) (string, error) {
	_, format, err := figureConfig(src, r)
	return format, err
}

// figureConfig is figureHeader with the image's size and colour model.
func figureConfig(src string, r io.Reader) (image.Config, string, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(16)
	cfg, format, err := image.DecodeConfig(br)
	n := int64(cfg.Width) * int64(cfg.Height)
	switch {
	case err != nil && otherFormat(head) != "":
		return cfg, "", &FigureError{"figure-format", fmt.Sprintf("figure %q is a %s image", src, otherFormat(head)),
			"save it as PNG (drawings, charts) or JPEG (photos): a photo app's Export or any image editor does"}
	case err != nil:
		return cfg, "", &FigureError{"figure-format", fmt.Sprintf("figure %q cannot be read as an image: %v", src, err),
			"save the image again as PNG or JPEG"}
	case format != "png" && format != "jpeg":
		return cfg, "", &FigureError{"figure-format", fmt.Sprintf("figure %q is a %s image", src, format), "use a PNG or JPEG file"}
	case cfg.Width <= 0 || cfg.Height <= 0:
		return cfg, "", &FigureError{"figure-format", fmt.Sprintf("figure %q is empty", src), "use an image with pixels"}
	case n > MaxPixels:
		return cfg, "", &FigureError{"figure-too-large",
			fmt.Sprintf("figure %q is %d×%d pixels, over the limit of %d megapixels", src, cfg.Width, cfg.Height, MaxPixels/1_000_000),
			"scale the image down; 3000 pixels across is plenty for a printed page"}
	case n*(decodedSize(cfg.ColorModel)+4) > maxDecodedBytes:
		return cfg, "", &FigureError{"figure-too-large",
			fmt.Sprintf("figure %q is %d×%d pixels at 16 bits a channel: %d MB to decode, over the limit of %d MB", src, cfg.Width, cfg.Height,
				n*(decodedSize(cfg.ColorModel)+4)>>20, maxDecodedBytes>>20),
			"save it with 8 bits a channel (the PDF keeps 8), or scale it down"}
	}
	return cfg, format, nil
}

// otherFormat names the image format of a file that starts with head,
// among those people save pictures in that a PDF figure here cannot be:
// a phone's HEIC or AVIF photo, a web page's WebP or GIF, a Windows BMP,
// a scanner's TIFF (their signatures: HEIF/AVIF ISO/IEC 23008-12 "ftyp"
// brands, WebP's RIFF container, GIF87a/89a, BMP "BM", TIFF "II*" and
// "MM*"). "" for none of them.
func otherFormat(head []byte) string {
	switch {
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		switch string(head[8:12]) {
		case "heic", "heix", "hevc", "mif1", "msf1":
			return "HEIC"
		case "avif", "avis":
			return "AVIF"
		}
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return "WebP"
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return "GIF"
	case bytes.HasPrefix(head, []byte("BM")) && len(head) >= 14:
		return "BMP"
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "TIFF"
	}
	return ""
}

// ReadFigure reads a figure for typesetting: confined to dir, its header
// checked before anything is decoded, and then decoded in full, so that a
// truncated file is an error here rather than a broken PDF.
func ReadFigure(dir, src string) ([]byte, string, error) {
	path, err := FigurePath(dir, src)
	if err != nil {
		return nil, "", err
	}
	f, err := Open(path)
	if err != nil {
		return nil, "", openError(src, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImageBytes+1))
	if err != nil {
		return nil, "", &FigureError{"figure-missing", fmt.Sprintf("figure %q cannot be read", src), "check the file"}
	}
	if len(data) > maxImageBytes {
		return nil, "", &FigureError{"figure-too-large", fmt.Sprintf("figure %q is over %d MB", src, maxImageBytes>>20),
			"save a smaller image"}
	}
	format, err := checkedOnce(src, data)
	return data, format, err
}

// checked remembers what CheckFigureData said of each figure this process
// read, by its name and bytes: every edition and language of a brief reads
// its figures, and the full decode of a 36-megapixel PNG took 0.9 GB and
// seconds for each PDF.
var checked parallel.Once[[16]byte, figureCheck]

type figureCheck struct {
	format string
	err    error
}

func checkedOnce(src string, data []byte) (string, error) {
	h := md5.New()
	h.Write([]byte(src + "\x00"))
	h.Write(data)
	var key [16]byte
	h.Sum(key[:0])
	c := checked.Do(key, func() figureCheck {
		format, err := CheckFigureData(src, data)
		return figureCheck{format, err}
	})
	return c.format, c.err
}

// CheckFigureData checks image bytes: the header and pixel limit first,
// then a full decode.
func CheckFigureData(src string, data []byte) (string, error) {
	format, err := figureHeader(src, bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	if format == "jpeg" {
		_, err = jpeg.Decode(bytes.NewReader(data))
	} else {
		err = checkPNG(data)
	}
	if err != nil {
		msg := err.Error()
		if errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "the file ends too early"
		}
		return "", &FigureError{"figure-damaged", fmt.Sprintf("figure %q is damaged: %s", src, msg),
			"export the image again; the file may have been cut short"}
	}
	return format, nil
}
