package fonts

import _ "embed" // the font files

// The font files, each embedded as its own byte slice, so that a face is
// parsed from the binary's data in place: an embed.FS would copy a file
// to the heap each time it is read. A file added to fonts/ is listed here.

var (
	//go:embed NotoSans-Bold.ttf
	ttfNotoSansBold []byte
	//go:embed NotoSans-BoldItalic.ttf
	ttfNotoSansBoldItalic []byte
	//go:embed NotoSans-Italic.ttf
	ttfNotoSansItalic []byte
	//go:embed NotoSans-Regular.ttf
	ttfNotoSansRegular []byte
	//go:embed NotoSansKhmer-Bold.ttf
	ttfNotoSansKhmerBold []byte
	//go:embed NotoSansKhmer-Regular.ttf
	ttfNotoSansKhmerRegular []byte
	//go:embed NotoSansLao-Bold.ttf
	ttfNotoSansLaoBold []byte
	//go:embed NotoSansLao-Regular.ttf
	ttfNotoSansLaoRegular []byte
	//go:embed NotoSansMath-Regular.ttf
	ttfNotoSansMathRegular []byte
	//go:embed NotoSansSymbols-Regular.ttf
	ttfNotoSansSymbolsRegular []byte
	//go:embed NotoSansSymbols2-Regular.ttf
	ttfNotoSansSymbols2Regular []byte
	//go:embed NotoSansMyanmar-Bold.ttf
	ttfNotoSansMyanmarBold []byte
	//go:embed NotoSansMyanmar-Regular.ttf
	ttfNotoSansMyanmarRegular []byte
	//go:embed NotoSansThai-Bold.ttf
	ttfNotoSansThaiBold []byte
	//go:embed NotoSansThai-Regular.ttf
	ttfNotoSansThaiRegular []byte
	//go:embed NotoSerifLao-Bold.ttf
	ttfNotoSerifLaoBold []byte
	//go:embed NotoSerifLao-Regular.ttf
	ttfNotoSerifLaoRegular []byte
	//go:embed NotoSerifThai-Bold.ttf
	ttfNotoSerifThaiBold []byte
	//go:embed NotoSerifThai-Regular.ttf
	ttfNotoSerifThaiRegular []byte
)

// embedded holds the font files by face name.
var embedded = map[string][]byte{
	"NotoSans-Bold":            ttfNotoSansBold,
	"NotoSans-BoldItalic":      ttfNotoSansBoldItalic,
	"NotoSans-Italic":          ttfNotoSansItalic,
	"NotoSans-Regular":         ttfNotoSansRegular,
	"NotoSansKhmer-Bold":       ttfNotoSansKhmerBold,
	"NotoSansKhmer-Regular":    ttfNotoSansKhmerRegular,
	"NotoSansLao-Bold":         ttfNotoSansLaoBold,
	"NotoSansLao-Regular":      ttfNotoSansLaoRegular,
	"NotoSansMath-Regular":     ttfNotoSansMathRegular,
	"NotoSansSymbols-Regular":  ttfNotoSansSymbolsRegular,
	"NotoSansSymbols2-Regular": ttfNotoSansSymbols2Regular,
	"NotoSansMyanmar-Bold":     ttfNotoSansMyanmarBold,
	"NotoSansMyanmar-Regular":  ttfNotoSansMyanmarRegular,
	"NotoSansThai-Bold":        ttfNotoSansThaiBold,
	"NotoSansThai-Regular":     ttfNotoSansThaiRegular,
	"NotoSerifLao-Bold":        ttfNotoSerifLaoBold,
	"NotoSerifLao-Regular":     ttfNotoSerifLaoRegular,
	"NotoSerifThai-Bold":       ttfNotoSerifThaiBold,
	"NotoSerifThai-Regular":    ttfNotoSerifThaiRegular,
}
