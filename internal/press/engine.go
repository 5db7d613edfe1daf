package press

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// EngineID identifies the program that typesets, for the cache: the
// link-time stamp of a release (make build stamps git describe; a -dirty
// or devel stamp does not count), else the VCS revision Go recorded for a
// clean checkout, else the module version that `go install
// module/cmd/briefs@vX.Y.Z` records, else the executable's path, size and
// time. It never reads the binary's bytes.
func EngineID(stamp string) string {
	bi, _ := debug.ReadBuildInfo()
	return engineID(stamp, bi, executableDigest)
}

// engineID is EngineID with its inputs given: the build information (nil
// when the binary has none) and the fallback, so that tests need not
// build binaries.
func engineID(stamp string, bi *debug.BuildInfo, exe func() string) string {
	if stamp != "" && !strings.HasSuffix(stamp, "-dirty") && !strings.HasPrefix(stamp, "devel") {
		return "release:" + stamp + ":" + runtime.Version()
	}
	if bi == nil {
		return exe()
	}
	rev, modified := "", true
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" && !modified {
		return "vcs:" + rev + toolchain(bi)
	}
	if v := bi.Main.Version; moduleVersion(v) {
		return "module:" + v + toolchain(bi)
	}
	return exe()
}

// moduleVersion reports whether v names the module's code: not empty, not
// "(devel)" (a build in a checkout without version control information),
// and not a version Go 1.24+ derived from a checkout with uncommitted
// changes ("+dirty"), which the same string names before and after an edit.
func moduleVersion(v string) bool {
	return v != "" && v != "(devel)" && !strings.HasSuffix(v, "+dirty")
}

// engineSettings are the build settings that can change what the same
// source computes: build tags select code, the compiler's flags and the
// architecture (and its level) decide, among others, whether a*b+c is
// fused into one rounding, which moves glyph positions in layout. The
// -ldflags (paths, the version stamp) and the VCS keys change nothing the
// engine writes.
var engineSettings = map[string]bool{
	"-tags": true, "-gcflags": true, "GOEXPERIMENT": true, "GOOS": true, "GOARCH": true,
	"GO386": true, "GOAMD64": true, "GOARM": true, "GOARM64": true, "GOMIPS": true, "GOMIPS64": true,
	"GOPPC64": true, "GORISCV64": true, "GOWASM": true,
}

// toolchain names the Go version and the engine's build settings, in
// their recorded order: one revision or version built by another
// toolchain, or with other settings, is another engine.
func toolchain(bi *debug.BuildInfo) string {
	var b strings.Builder
	b.WriteString(":" + bi.GoVersion)
	for _, s := range bi.Settings {
		if engineSettings[s.Key] {
			fmt.Fprintf(&b, ":%s=%s", s.Key, s.Value)
		}
	}
	return b.String()
}

func executableDigest() string {
	// The binary's path, size and modification time, not a digest of its
	// 20 MB: a rebuilt binary is a new file, and hashing it cost a sixth
	// of a cold build (issue 17).
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("exe:%s:%d:%d", exe, st.Size(), st.ModTime().UnixNano())
}
