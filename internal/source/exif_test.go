package source

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// exifJPEG makes a small JPEG with an Exif Orientation entry.
func exifJPEG(t *testing.T, orientation uint16, bo binary.ByteOrder) []byte {
	t.Helper()
	var img bytes.Buffer
	if err := jpeg.Encode(&img, image.NewGray(image.Rect(0, 0, 8, 8)), nil); err != nil {
		t.Fatal(err)
	}
	return testkit.WithOrientation(img.Bytes(), orientation, bo)
}

func TestJPEGOrientation(t *testing.T) {
	for _, bo := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		for _, o := range []uint16{1, 6, 8} {
			data := exifJPEG(t, o, bo)
			if got := JPEGOrientation(data); got != int(o) {
				t.Errorf("%v orientation %d: read %d", bo, o, got)
			}
			if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
				t.Fatalf("the test's JPEG does not decode: %v", err)
			}
		}
	}
	var plain bytes.Buffer
	jpeg.Encode(&plain, image.NewGray(image.Rect(0, 0, 8, 8)), nil)
	if got := JPEGOrientation(plain.Bytes()); got != 0 {
		t.Errorf("a JPEG without Exif: %d", got)
	}
	if got := JPEGOrientation([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF}); got != 0 {
		t.Errorf("a cut-off segment: %d", got)
	}
}
