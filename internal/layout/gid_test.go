package layout

import "github.com/go-text/typesetting/font"

func gid(id uint16) font.GID { return font.GID(id) }
