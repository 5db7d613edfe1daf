package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// num formats v for a content stream or dictionary with at most prec
// decimals and no trailing zeros (ISO 32000-1, 7.3.3: PDF reals have no
// exponent form).
func num(v float64, prec int) string {
	p := math.Pow(10, float64(prec))
	r := math.Round(v*p) / p
	if r == 0 {
		return "0" // also turns -0 into 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// appendNum appends num(v, prec) to dst: the same rounding and the same
// bytes, without the string, for the content stream's hot path.
func appendNum(dst []byte, v float64, prec int) []byte {
	p := pow10[prec]
	r := math.Round(v*p) / p
	if r == 0 {
		return append(dst, '0')
	}
	return strconv.AppendFloat(dst, r, 'f', -1, 64)
}

// pow10 holds the scales appendNum uses; math.Pow gives these exactly.
var pow10 = [...]float64{1, 10, 100, 1000, 1e4, 1e5, 1e6}

// appendHex4 appends v as four upper-case hex digits, as "%04X" does.
func appendHex4(dst []byte, v uint16) []byte {
	const hex = "0123456789ABCDEF"
	return append(dst, hex[v>>12], hex[v>>8&0xF], hex[v>>4&0xF], hex[v&0xF])
}

// finite reports whether every value is a usable number; NaN or infinite
// coordinates would make an invalid content stream.
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// textString encodes s as a PDF text string (ISO 32000-1, 7.9.2.2): a
// literal string when s is printable ASCII, else UTF-16BE with a byte
// order mark, written in hex.
func textString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7E {
			ascii = false
			break
		}
	}
	if ascii {
		return literal(s)
	}
	return "<FEFF" + utf16Hex(s) + ">"
}

// literal writes an ASCII string as a PDF literal string, escaping the
// characters that end or escape it (ISO 32000-1, 7.3.4.2).
func literal(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// utf16Hex returns s as UTF-16BE in upper-case hex, surrogate pairs for
// characters beyond the BMP.
func utf16Hex(s string) string {
	return string(appendUTF16Hex(make([]byte, 0, 4*len(s)), s))
}

// appendUTF16Hex appends utf16Hex(s) to dst. Ranging over s reads an
// invalid byte as U+FFFD, as []rune(s) does.
func appendUTF16Hex(dst []byte, s string) []byte {
	for _, r := range s {
		if r1, r2 := utf16.EncodeRune(r); r1 != '\uFFFD' || r2 != '\uFFFD' {
			dst = appendHex4(dst, uint16(r1))
			dst = appendHex4(dst, uint16(r2))
			continue
		}
		dst = appendHex4(dst, uint16(r))
	}
	return dst
}

// asciiURI percent-encodes bytes outside printable ASCII: a URI action's
// string is 7-bit ASCII (ISO 32000-1, 12.6.4.7).
func asciiURI(uri string) string {
	var b strings.Builder
	for i := 0; i < len(uri); i++ {
		c := uri[i]
		if c <= 0x20 || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// date formats t as a PDF date (ISO 32000-1, 7.9.4), keeping t's own
// zone offset: D:YYYYMMDDHHmmSS followed by Z or +HH'mm'.
func date(t time.Time) string {
	s := "D:" + t.Format("20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%s%c%02d'%02d'", s, sign, off/3600, off%3600/60)
}

// pdfName writes s as a name object, escaping delimiters, '#' and bytes
// outside printable ASCII as #xx (ISO 32000-1, 7.3.5).
func pdfName(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7F || strings.IndexByte("#()<>[]{}/%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
