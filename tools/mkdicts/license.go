package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ICU's LICENSE file is a series of sections separated by lines of dashes.
// The first section is the Unicode licence, which covers ICU's own data,
// including the Thai and Khmer word lists. The Lao and Burmese word lists
// come from third parties under BSD-style licences, each in its own section.

// licenseFiles are the places a Debian system keeps ICU's LICENSE: the
// full text ships in libicu-dev; libicu72's copyright file has only the
// Unicode (MIT-style) licence, without the third-party sections.
var licenseFiles = []string{"/usr/share/icu/*/LICENSE"}

// licenseSections are the third-party sections we need, by title prefix.
var licenseSections = []string{
	"Lao Word Break Dictionary Data",
	"Burmese Word Break Dictionary Data",
}

// findLicense returns the path of ICU's LICENSE file, or "".
func findLicense() string {
	for _, g := range licenseFiles {
		m, _ := filepath.Glob(g)
		if len(m) > 0 {
			return m[len(m)-1]
		}
	}
	return ""
}

// buildLicense composes dicts/LICENSE from ICU's LICENSE text.
func buildLicense(icuLicense []byte) ([]byte, error) {
	var sections [][]string
	var cur []string
	for _, line := range strings.Split(string(icuLicense), "\n") {
		if len(line) >= 20 && strings.Trim(line, "-") == "" {
			sections = append(sections, cur)
			cur = nil
			continue
		}
		cur = append(cur, line)
	}
	sections = append(sections, cur)
	title := func(s []string) string {
		for _, l := range s {
			if t := strings.TrimSpace(l); t != "" {
				return t
			}
		}
		return ""
	}
	var b bytes.Buffer
	b.WriteString(`Word lists in this directory are extracted from ICU's break-iterator
dictionaries (ICU 72, Debian package libicu72) by tools/mkdicts.

thai.txt.gz and khmer.txt.gz: ICU data, under the Unicode licence below.
lao.txt.gz: the Lao Word Break Dictionary Data licence below.
burmese.txt.gz: the Burmese Word Break Dictionary Data licence below.
thai.freq.gz, khmer.freq.gz, burmese.freq.gz: the same lists, under the
same licences, with word counts learnt from Debian's translations by
tools/mkfreq (see README.md for their sources and licences).

======================================================================
`)
	b.WriteString(strings.TrimSpace(strings.Join(sections[0], "\n")))
	b.WriteString("\n")
	for _, want := range licenseSections {
		found := false
		for _, s := range sections {
			if strings.HasPrefix(title(s), want) {
				b.WriteString("\n======================================================================\n\n")
				b.WriteString(strings.TrimSpace(strings.Join(s, "\n")))
				b.WriteString("\n")
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("ICU LICENSE has no section %q", want)
		}
	}
	return b.Bytes(), nil
}

// writeLicense writes dir/LICENSE, or keeps an existing one when ICU's
// LICENSE is not installed.
func writeLicense(dir string) error {
	path := findLicense()
	dst := filepath.Join(dir, "LICENSE")
	if path == "" {
		if _, err := os.Stat(dst); err == nil {
			fmt.Fprintln(os.Stderr, "mkdicts: ICU LICENSE not found (install libicu-dev); keeping", dst)
			return nil
		}
		return fmt.Errorf("ICU LICENSE not found in %v (install libicu-dev)", licenseFiles)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := buildLicense(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, out, 0o644)
}
