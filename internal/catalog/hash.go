package catalog

import (
	"crypto/sha1"
	"fmt"
	"io"
)

// Hash is go-i18n's source hash of a message: "sha1-" and the hex SHA-1 of
// the description followed by the "other" text (goi18n merge computes it
// this way). A translation carrying a different hash than its English
// message's current Hash was made from older English: it is stale.
func Hash(description, other string) string {
	h := sha1.New()
	io.WriteString(h, description)
	io.WriteString(h, other)
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}
