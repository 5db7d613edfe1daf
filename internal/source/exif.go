package source

import "encoding/binary"

// JPEGOrientation returns the Orientation tag (0x0112) of a JPEG's Exif
// data (CIPA DC-008, Exif 2.32, 4.6.4 A; TIFF 6.0 tag layout): 1 for a
// photo stored upright, 3, 6 or 8 for one a camera stored turned and
// flagged for viewers to turn, 2, 4, 5 and 7 mirrored. 0 when there is no
// such tag. Phones store portraits turned (6) and every viewer turns them
// back, so an editor sees an upright photo that a PDF, which has no such
// flag, prints on its side.
func JPEGOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 0
	}
	for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
		marker, n := data[i+1], int(binary.BigEndian.Uint16(data[i+2:]))
		if marker == 0xDA || n < 2 || i+2+n > len(data) { // image data follows, or a broken length
			return 0
		}
		seg := data[i+4 : i+2+n]
		if marker == 0xE1 && len(seg) > 6 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 0
}

// tiffOrientation reads the Orientation entry of a TIFF header's first
// directory (IFD0).
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	ifd := int(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > len(t) {
		return 0
	}
	count := int(bo.Uint16(t[ifd:]))
	for k := 0; k < count; k++ {
		e := ifd + 2 + 12*k
		if e+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[e:]) == 0x0112 && bo.Uint16(t[e+2:]) == 3 { // Orientation, SHORT
			return int(bo.Uint16(t[e+8:]))
		}
	}
	return 0
}
