package testkit

import (
	"bytes"
	"encoding/binary"
)

// WithOrientation returns a JPEG file with an Exif APP1 segment after its
// start marker holding one Orientation entry (tag 0x0112, CIPA DC-008),
// in the byte order bo: a phone's photo that viewers turn.
func WithOrientation(jpeg []byte, orientation uint16, bo binary.ByteOrder) []byte {
	var tiff bytes.Buffer
	if bo == binary.LittleEndian {
		tiff.WriteString("II")
	} else {
		tiff.WriteString("MM")
	}
	binary.Write(&tiff, bo, uint16(42))
	binary.Write(&tiff, bo, uint32(8))                // IFD0 right after the header
	binary.Write(&tiff, bo, uint16(1))                // one entry
	binary.Write(&tiff, bo, []uint16{0x0112, 3})      // Orientation, SHORT
	binary.Write(&tiff, bo, uint32(1))                // one value
	binary.Write(&tiff, bo, []uint16{orientation, 0}) // the value, padded
	binary.Write(&tiff, bo, uint32(0))                // no next directory
	seg := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	out := []byte{0xFF, 0xD8, 0xFF, 0xE1}
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	out = append(out, seg...)
	return append(out, jpeg[2:]...) // the file after its own start marker
}
