package main

import "runtime/debug"

// buildVersion is set at link time by `make release`:
// -ldflags "-X main.buildVersion=v0.4.0".
var buildVersion string

// version names the release and the VCS revision the binary was built
// from: the link-time stamp, else the module version that go install
// recorded, else the revision Go stamps into binaries built in a checkout.
func version() string {
	v := buildVersion
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return orUnknown(v)
	}
	if v == "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	rev, dirty := "", ""
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	switch {
	case rev != "" && v != "":
		return v + " (" + shortRev(rev) + dirty + ")"
	case rev != "":
		return "devel (" + shortRev(rev) + dirty + ")"
	}
	return orUnknown(v)
}

func shortRev(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

func orUnknown(v string) string {
	if v == "" {
		return "devel (no revision recorded; make build stamps one)"
	}
	return v
}
