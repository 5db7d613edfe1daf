package press

import (
	"runtime/debug"
	"strings"
	"testing"
)

// TestEngineIDOfAModuleVersion: a binary that `go install
// module/cmd/briefs@v1.4.0` made has no link-time stamp and no VCS
// revision, only the module version. That version, with the Go version
// and the build settings that reach the output, is the engine, so that
// CI jobs that reinstall the same version keep the cache; the binary's
// path and time (the fallback) are not.
func TestEngineIDOfAModuleVersion(t *testing.T) {
	exe := func() string { return "exe:fallback" }
	info := func(version, goVersion string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{GoVersion: goVersion, Main: debug.Module{Path: "github.com/mekong-briefs/briefs", Version: version}}
		for _, kv := range settings {
			k, v, _ := strings.Cut(kv, "=")
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: k, Value: v})
		}
		return bi
	}
	base := info("v1.4.0", "go1.26.0", "GOARCH=amd64", "GOOS=linux", "GOAMD64=v1", "-ldflags=-s")
	id := engineID("", base, exe)
	if !strings.Contains(id, "v1.4.0") || !strings.Contains(id, "go1.26.0") || id == exe() {
		t.Fatalf("module version gave %q, want it with the Go version", id)
	}
	if again := engineID("", info("v1.4.0", "go1.26.0", "GOARCH=amd64", "GOOS=linux", "GOAMD64=v1", "-ldflags=-s"), exe); again != id {
		t.Errorf("the same version reinstalled gave %q, then %q", id, again)
	}
	if other := engineID("", info("v1.4.0", "go1.26.0", "GOARCH=amd64", "GOOS=linux", "GOAMD64=v1", "-ldflags=-s -w"), exe); other != id {
		t.Errorf("-ldflags, which no output depends on, changed the engine: %q, then %q", id, other)
	}
	for name, bi := range map[string]*debug.BuildInfo{
		"another version":    info("v1.4.1", "go1.26.0", "GOARCH=amd64", "GOOS=linux", "GOAMD64=v1"),
		"another Go":         info("v1.4.0", "go1.26.1", "GOARCH=amd64", "GOOS=linux", "GOAMD64=v1"),
		"another arch":       info("v1.4.0", "go1.26.0", "GOARCH=arm64", "GOOS=linux", "GOARM64=v8.0"),
		"another arch level": info("v1.4.0", "go1.26.0", "GOARCH=amd64", "GOOS=linux", "GOAMD64=v3"),
		"build tags":         info("v1.4.0", "go1.26.0", "-tags=nofma", "GOARCH=amd64", "GOOS=linux", "GOAMD64=v1"),
	} {
		if got := engineID("", bi, exe); got == id {
			t.Errorf("%s: same engine %q", name, got)
		}
	}
	for _, v := range []string{"", "(devel)", "v1.4.1-0.20261201120000-0123456789ab+dirty"} {
		if got := engineID("", info(v, "go1.26.0"), exe); got != exe() {
			t.Errorf("version %q gave %q, want the executable's fallback", v, got)
		}
	}
	if got := engineID("", nil, exe); got != exe() {
		t.Errorf("no build information gave %q", got)
	}
}

// TestEngineIDPrefersStampAndRevision: a release stamp, then a clean
// checkout's revision, come before the module version, as before.
func TestEngineIDPrefersStampAndRevision(t *testing.T) {
	exe := func() string { return "exe:fallback" }
	bi := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.4.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef"}, {Key: "vcs.modified", Value: "false"}}}
	if got := engineID("v2.0.0", bi, exe); !strings.HasPrefix(got, "release:v2.0.0:") {
		t.Errorf("stamped release gave %q", got)
	}
	if got := engineID("", bi, exe); !strings.Contains(got, "0123456789abcdef") {
		t.Errorf("clean revision gave %q", got)
	}
}
