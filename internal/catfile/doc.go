// Package catfile edits a catalogue file (locales/*.toml) in place, byte
// for byte: every line it does not own is written back as it was read.
//
// A Doc is the file as lines, each with its own line ending, split into
// the head (everything before the first table) and one Table per message.
// Edits touch only what they name: the comment lines briefs writes itself
// (Owned), one key's value (SetValue), a new key (AddKey) or a new table
// (Insert). Comments, end-of-line comments, blank lines, key order, the
// byte order mark, CRLF line endings and the file mode are kept, so a
// translator's diff shows only what sync, import or check --fix changed.
//
// It is the one writer of catalogues: msgmerge (sync), interchange
// (import) and check --fix all write through it.
package catfile
