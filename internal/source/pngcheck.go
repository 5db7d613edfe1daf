package source

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
)

// checkPNG reads a PNG file whole without making its image: the chunks
// in their order (IHDR first and once, the IDAT chunks one after
// another, IEND last), every chunk's CRC, and the image data inflated
// row by row to nothing (PNG, ISO/IEC 15948:2004 = W3C PNG 2nd edition,
// 5.3 chunk layout, 5.6 chunk ordering, 11.2.2 IHDR, 11.2.4 IDAT, 8.2
// Adam7, 9.2 filter types). A cut or damaged file is caught as image/png's
// Decode catches it, in the memory of a zlib window and a copy buffer:
// the decode held the whole image (36 megapixels of 16-bit RGBA are
// 288 MB) only to throw it away.
func checkPNG(data []byte) error {
	const signature = "\x89PNG\r\n\x1a\n"
	if !bytes.HasPrefix(data, []byte(signature)) {
		return errors.New("not a PNG file")
	}
	rest := data[len(signature):]
	var h *pngHeader
	var idat bytes.Buffer // the IDAT chunks' bytes, one zlib stream
	idatDone := false     // a chunk other than IDAT came after them
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
		switch {
		case h == nil && kind != "IHDR":
			return fmt.Errorf("chunk %s comes before IHDR", kind)
		case kind == "IHDR" && h != nil:
			return errors.New("a second IHDR chunk")
		case kind == "IHDR":
			var err error
			if h, err = readPNGHeader(body); err != nil {
				return err
			}
		case kind == "PLTE" || kind == "tRNS":
			if err := h.checkColourChunk(kind, n, idat.Len() > 0); err != nil {
				return err
			}
		case kind == "IDAT" && idatDone:
			return errors.New("IDAT chunks parted by another chunk")
		case kind == "IDAT" && h.colour == 3 && !h.palette:
			return errors.New("a paletted image without a PLTE chunk before its data")
		case kind == "IDAT":
			idat.Write(body)
		case kind == "IEND" && n != 0:
			return errors.New("IEND chunk has data")
		case kind == "IEND":
			return h.checkRows(&idat)
		case idat.Len() > 0:
			idatDone = true
		}
	}
}

// pngHeader is what an IHDR says of the rows: the size in pixels, the
// bits of a pixel, and the interlacing.
type pngHeader struct {
	wd, ht        int64
	bits          int64 // per pixel: channels × bit depth
	interlaced    bool
	colour, depth byte
	// palette and trns say a PLTE and a tRNS chunk came.
	palette, trns bool
}

// checkColourChunk checks a PLTE or a tRNS chunk of n bytes, and its
// place, as image/png's Decode does (PNG 11.2.3, 11.3.2.1), so that no
// file check passes fails the PDF writer's decode: a PLTE right after
// IHDR, of 1 to 256 entries and no more than the bit depth counts, in a
// paletted or a truecolour image; a tRNS before the image data (after the
// PLTE of a paletted image), of 2 bytes for grey, 6 for truecolour, at
// most 256 for a palette, and none in an image with an alpha channel.
func (h *pngHeader) checkColourChunk(kind string, n uint32, afterData bool) error {
	if kind == "PLTE" {
		entries := n / 3
		switch {
		case h.palette || h.trns || afterData:
			return errors.New("PLTE chunk out of order")
		case n%3 != 0 || entries == 0 || entries > 256 || entries > 1<<h.depth:
			return fmt.Errorf("PLTE chunk of %d bytes", n)
		case h.colour != 3 && h.colour != 2 && h.colour != 6:
			return fmt.Errorf("PLTE chunk in an image of colour type %d", h.colour)
		}
		h.palette = true
		return nil
	}
	want := map[byte]uint32{0: 2, 2: 6}[h.colour]
	switch {
	case h.trns || afterData || h.colour == 3 && !h.palette:
		return errors.New("tRNS chunk out of order")
	case h.colour == 3 && n > 256, (h.colour == 0 || h.colour == 2) && n != want:
		return fmt.Errorf("tRNS chunk of %d bytes", n)
	case h.colour == 4 || h.colour == 6:
		return fmt.Errorf("tRNS chunk in an image of colour type %d, which has alpha", h.colour)
	}
	h.trns = true
	return nil
}

// readPNGHeader reads an IHDR: a size within MaxPixels, one of the
// colour type and bit depth pairs of PNG 11.2.2 (Table 11.1), compression
// and filter method 0, interlace 0 or 1.
func readPNGHeader(b []byte) (*pngHeader, error) {
	if len(b) != 13 {
		return nil, errors.New("IHDR chunk is not 13 bytes")
	}
	h := &pngHeader{wd: int64(binary.BigEndian.Uint32(b)), ht: int64(binary.BigEndian.Uint32(b[4:])), interlaced: b[12] == 1,
		depth: b[8], colour: b[9]}
	if h.wd <= 0 || h.ht <= 0 || h.wd > MaxPixels || h.ht > MaxPixels || h.wd*h.ht > MaxPixels {
		return nil, fmt.Errorf("%d×%d pixels is empty or over the limit", h.wd, h.ht)
	}
	depth, colour := b[8], b[9]
	depths := map[byte]string{0: "\x01\x02\x04\x08\x10", 2: "\x08\x10", 3: "\x01\x02\x04\x08", 4: "\x08\x10", 6: "\x08\x10"}[colour]
	channels := map[byte]int64{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
	if !strings.ContainsRune(depths, rune(depth)) || b[10] != 0 || b[11] != 0 || b[12] > 1 {
		return nil, fmt.Errorf("colour type %d, bit depth %d, methods %d %d %d", colour, depth, b[10], b[11], b[12])
	}
	h.bits = channels * int64(depth)
	return h, nil
}

// checkRows inflates the image data row by row: each row of each pass a
// filter byte of 0 to 4 and the packed samples of its width, and nothing
// after the last.
func (h *pngHeader) checkRows(idat io.Reader) error {
	zr, err := zlib.NewReader(idat)
	if err != nil {
		return fmt.Errorf("image data: %w", err)
	}
	var filter [1]byte
	for _, p := range passes(h.interlaced) {
		w := (h.wd - p.x0 + p.dx - 1) / p.dx
		rows := (h.ht - p.y0 + p.dy - 1) / p.dy
		if w <= 0 || rows <= 0 {
			continue
		}
		samples := (w*h.bits + 7) / 8
		for y := int64(0); y < rows; y++ {
			if _, err := io.ReadFull(zr, filter[:]); err != nil {
				return fmt.Errorf("image data ends at row %d of %d×%d pixels: %w", y, h.wd, h.ht, unexpected(err))
			}
			if filter[0] > 4 {
				return fmt.Errorf("row %d has filter type %d", y, filter[0])
			}
			if _, err := io.CopyN(io.Discard, zr, samples); err != nil {
				return fmt.Errorf("image data ends at row %d of %d×%d pixels: %w", y, h.wd, h.ht, unexpected(err))
			}
		}
	}
	switch _, err := io.ReadFull(zr, filter[:]); err {
	case io.EOF: // and the stream's checksum is right
		return nil
	case nil:
		return errors.New("image data holds more than its pixels")
	default:
		return fmt.Errorf("image data: %w", err)
	}
}

// unexpected is io.ErrUnexpectedEOF for a stream that ended before a row
// did: a cut file, however the cut falls.
func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
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
