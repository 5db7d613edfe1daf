package source

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
)

// checkPNG reads a PNG file whole without making its image: every chunk's
// CRC, the image data inflated to nothing and counted, and the IEND chunk
// at the end (PNG, ISO/IEC 15948:2004 = W3C PNG 2nd edition, 5.3 chunk
// layout, 11.2.2 IHDR, 11.2.4 IDAT, 8.2 Adam7). A cut or damaged file is
// caught as image/png's Decode catches it, in the memory of one zlib
// window: the decode held the whole image (36 megapixels of 16-bit RGBA
// are 288 MB) only to throw it away.
func checkPNG(data []byte) error {
	const signature = "\x89PNG\r\n\x1a\n"
	if !bytes.HasPrefix(data, []byte(signature)) {
		return errors.New("not a PNG file")
	}
	rest := data[len(signature):]
	var ihdr []byte
	var idat bytes.Buffer // the IDAT chunks' bytes, one zlib stream
	for {
		if len(rest) < 12 {
			return io.ErrUnexpectedEOF
		}
		n := binary.BigEndian.Uint32(rest)
		if uint64(n) > uint64(len(rest)-12) {
			return io.ErrUnexpectedEOF
		}
		kind, body := string(rest[4:8]), rest[8:8+n]
		if crc32.ChecksumIEEE(rest[4:8+n]) != binary.BigEndian.Uint32(rest[8+n:]) {
			return fmt.Errorf("chunk %s has a wrong checksum", kind)
		}
		rest = rest[12+n:]
		switch kind {
		case "IHDR":
			ihdr = body
		case "IDAT":
			idat.Write(body)
		case "IEND":
			if n != 0 {
				return errors.New("IEND chunk has data")
			}
			return checkImageData(ihdr, &idat)
		}
	}
}

// checkImageData inflates the image data row by row: each row of each
// pass a filter byte of 0 to 4 (PNG 9.2) and the packed samples its
// width, colour type and bit depth need, and nothing after the last.
func checkImageData(ihdr []byte, idat io.Reader) error {
	if len(ihdr) != 13 {
		return errors.New("no valid IHDR chunk")
	}
	wd, ht := int64(binary.BigEndian.Uint32(ihdr)), int64(binary.BigEndian.Uint32(ihdr[4:]))
	depth, colour, interlaced := int64(ihdr[8]), ihdr[9], ihdr[12] == 1
	channels := map[byte]int64{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
	if channels == 0 || depth == 0 {
		return fmt.Errorf("colour type %d with bit depth %d", colour, depth)
	}
	zr, err := zlib.NewReader(idat)
	if err != nil {
		return fmt.Errorf("image data: %w", err)
	}
	var row []byte
	for _, p := range passes(interlaced) {
		w := (wd - p.x0 + p.dx - 1) / p.dx
		h := (ht - p.y0 + p.dy - 1) / p.dy
		if w <= 0 || h <= 0 {
			continue
		}
		row = slices.Grow(row[:0], int(1+(w*channels*depth+7)/8))[:1+(w*channels*depth+7)/8]
		for y := int64(0); y < h; y++ {
			if _, err := io.ReadFull(zr, row); err != nil {
				return fmt.Errorf("image data ends at row %d of %d×%d pixels: %w", y, wd, ht, err)
			}
			if row[0] > 4 {
				return fmt.Errorf("row %d has filter type %d", y, row[0])
			}
		}
	}
	switch _, err := io.ReadFull(zr, row[:1]); err {
	case io.EOF: // and the stream's checksum is right
		return nil
	case nil:
		return errors.New("image data holds more than its pixels")
	default:
		return fmt.Errorf("image data: %w", err)
	}
}

// pass is one pass of a PNG's rows and columns: from (x0, y0) every dx
// and dy pixels.
type pass struct{ x0, y0, dx, dy int64 }

// passes are a PNG's passes: one, or Adam7's seven (PNG 8.2).
func passes(interlaced bool) []pass {
	if !interlaced {
		return []pass{{0, 0, 1, 1}}
	}
	return []pass{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
}
