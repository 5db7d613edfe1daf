package source

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func encoded(format string, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 13)
	}
	var b bytes.Buffer
	if format == "png" {
		png.Encode(&b, img)
	} else {
		jpeg.Encode(&b, img, nil)
	}
	return b.Bytes()
}

// TestReadFigureRefuses checks each way a figure is refused, with its code.
func TestReadFigureRefuses(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "b")
	os.MkdirAll(dir, 0o755)
	good := encoded("jpeg", 64, 64)
	os.WriteFile(filepath.Join(dir, "ok.jpg"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "cut.jpg"), good[:len(good)/2], 0o644)
	os.WriteFile(filepath.Join(root, "out.png"), encoded("png", 2, 2), 0o644)
	os.Symlink(filepath.Join(root, "out.png"), filepath.Join(dir, "link.png"))
	for src, code := range map[string]string{
		"ok.jpg": "", "cut.jpg": "figure-damaged", "link.png": "figure-outside", "../out.png": "figure-outside",
		"/etc/x.png": "figure-outside", "nope.png": "figure-missing", "": "figure-missing",
		`C:\Users\me\ok.jpg`: "figure-outside", `\\server\share\ok.jpg`: "figure-outside", `..\out.png`: "figure-outside",
		`img\ok.jpg`: "figure-missing",
	} {
		_, _, err := ReadFigure(dir, src)
		var fe *FigureError
		switch {
		case code == "" && err != nil:
			t.Errorf("%s: %v", src, err)
		case code != "" && (!errors.As(err, &fe) || fe.Code != code):
			t.Errorf("%s: %v, want %s", src, err, code)
		}
	}
}

// FuzzFigure feeds arbitrary bytes to the figure reader: it accepts a PNG
// or JPEG that decodes in full, refuses anything else with a coded error,
// never decodes past the pixel limit, and never panics.
func FuzzFigure(f *testing.F) {
	f.Add(encoded("png", 3, 2))
	f.Add(encoded("jpeg", 8, 8))
	j := encoded("jpeg", 16, 16)
	f.Add(j[:len(j)-40])
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	for _, data := range pngSamples(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		format, err := CheckFigureData("fuzz.img", data)
		if err != nil {
			var fe *FigureError
			if !errors.As(err, &fe) || fe.Code == "" || fe.Hint == "" {
				t.Fatalf("uncoded error %v", err)
			}
			return
		}
		cfg, _, cerr := image.DecodeConfig(bytes.NewReader(data))
		if cerr != nil || (format != "png" && format != "jpeg") || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
			t.Fatalf("accepted %s %v %v", format, cfg, cerr)
		}
		// A PNG is checked without being decoded (checkPNG); what it
		// accepts, the PDF writer's decode must take.
		if _, err := png.Decode(bytes.NewReader(data)); format == "png" && err != nil {
			t.Fatalf("accepted a PNG that does not decode: %v", err)
		}
	})
}

// TestBackslashPathSaysSlash: a src copied from Windows' Explorer is told
// to use /, with the path it means, shown as written.
func TestBackslashPathSaysSlash(t *testing.T) {
	_, err := FigurePath(t.TempDir(), `img\pic.png`)
	fe, ok := err.(*FigureError)
	if !ok || !strings.Contains(fe.Hint, `src = "img/pic.png"`) || !strings.Contains(fe.Msg, `"img\pic.png"`) {
		t.Errorf("%#v", err)
	}
}

// TestFigurePathOtherForm: a figure whose file name is decomposed (NFD,
// as macOS writes names) while brief.toml has it composed, or the other
// way round, is found, in a subfolder too.
func TestFigurePathOtherForm(t *testing.T) {
	nfc, nfd := "ảnh-Hà-Nội.png", norm.NFD.String("ảnh-Hà-Nội.png")
	for _, tc := range []struct{ file, src string }{{nfd, nfc}, {nfc, nfd}, {"hình/" + nfd, norm.NFD.String("hình") + "/" + nfc}} {
		dir := t.TempDir()
		path := filepath.Join(dir, filepath.FromSlash(tc.file))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := FigurePath(dir, tc.src)
		if err != nil || got != path {
			t.Errorf("FigurePath(%+q) with the file %+q = %q, %v; want %q", tc.src, tc.file, got, err, path)
		}
	}
}
