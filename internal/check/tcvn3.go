package check

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// vietnameseLatin1 are the letters of Latin-1 that Vietnamese writes: the
// vowels a, e, i, o, u, y with a grave, an acute or a tilde, and â, ê, ô.
// Every other Latin-1 character beside a letter in Vietnamese text is a
// sign of a legacy encoding (vniTCVNWord).
const vietnameseLatin1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"

func vietnameseLetter(r rune) bool { return strings.ContainsRune(vietnameseLatin1, r) }

// tcvn3 is TCVN 5712:1993 (VN1) from byte 0xA1 to 0xFF, as glibc's
// TCVN5712-1 converter reads it: the codes a Vietnamese text typed in an
// ABC font (.VnTime, the VN3 subset) has, which Windows shows as the
// Windows-1252 characters of the same bytes (0xD6, Ö, is ệ). The five
// combining tone marks at 0xB0-0xB4 are left out ('_'): VN3 text has
// none, and a lone mark is no repair.
const tcvn3 = "ĂÂÊÔƠƯĐăâêôơưđẰ_____àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"

var tcvn3Runes = []rune(tcvn3)

// fromTCVN3 reads s as TCVN3 bytes shown as Latin-1 and returns the
// Unicode text, when every character is ASCII or a TCVN3 letter's code
// and every word of the result has at most one tone mark, as a
// Vietnamese syllable does: VNI text read so has two (löông, lửụng).
func fromTCVN3(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case r >= 0xA1 && r <= 0xFF && tcvn3Runes[r-0xA1] != '_':
			b.WriteRune(tcvn3Runes[r-0xA1])
		default:
			return "", false
		}
	}
	t := b.String()
	return t, t != s && oneToneEach(t)
}

// oneToneEach reports whether each word of s has at most one of the five
// Vietnamese tone marks (grave, acute, hook above, tilde, dot below).
func oneToneEach(s string) bool {
	for _, w := range strings.Fields(s) {
		n := 0
		for _, r := range norm.NFD.String(w) {
			if strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323", r) {
				n++
			}
		}
		if n > 1 {
			return false
		}
	}
	return true
}
