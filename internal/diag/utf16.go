package diag

// UTF16 reports a file saved as UTF-16, as Windows Notepad saves it when
// asked for "Unicode": a byte-order mark FF FE or FE FF, or, without one,
// two first characters of ASCII each with a NUL beside it (no UTF-8 text
// has NULs there). Every reader of text files asks it first, so that
// such a file is one finding at its start with hint, whoever reads it:
// left to themselves, the UTF-8 check saw an invalid byte and the TOML
// decoder a NUL, each at a column of its own.
func UTF16(file string, data []byte, hint string) (Diagnostic, bool) {
	if !isUTF16(data) {
		return Diagnostic{}, false
	}
	return Errorf(Pos{File: file, Line: 1, Col: 1}, "utf8", hint,
		"the file is UTF-16 (as Windows Notepad saves it), not UTF-8"), true
}

func isUTF16(b []byte) bool {
	if len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) {
		return true
	}
	if len(b) < 4 {
		return false
	}
	le := b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0
	be := b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0
	return le || be
}
