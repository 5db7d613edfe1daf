package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// The synthetic projects of the speed figures (issue 17), made from the
// samples so that every language's text is real.

// copyTree copies a folder, applying rename to every relative path and
// edit to every TOML file's text.
func copyTree(src, dst string, rename func(string) string, edit func(string) string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".toml") {
			data = []byte(edit(string(data)))
		}
		out := filepath.Join(dst, rename(rel))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
}

// manyBriefs writes a project with copies of every sample brief under new
// IDs (<id>-1 … <id>-n) and the shared catalogues once: 2 samples × 10
// copies give the 20-brief, 210-PDF project.
func manyBriefs(samples, dst string, n int) error {
	ids := []string{"jobs-in-sezs", "social-protection"}
	for _, id := range ids {
		for i := 1; i <= n; i++ {
			newID := fmt.Sprintf("%s-%d", id, i)
			rename := func(rel string) string { return strings.ReplaceAll(rel, id, newID) }
			edit := func(s string) string { return strings.Replace(s, `id = "`+id+`"`, `id = "`+newID+`"`, 1) }
			if err := copyTree(filepath.Join(samples, "briefs", id), filepath.Join(dst, "briefs", newID), rename, edit); err != nil {
				return err
			}
			if err := copyCatalogues(samples, dst, id, newID); err != nil {
				return err
			}
		}
	}
	return copyCatalogues(samples, dst, "shared", "shared")
}

func copyCatalogues(samples, dst, domain, newDomain string) error {
	files, _ := filepath.Glob(filepath.Join(samples, "locales", domain+".*.toml"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		name := newDomain + strings.TrimPrefix(filepath.Base(f), domain)
		if err := os.MkdirAll(filepath.Join(dst, "locales"), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, "locales", name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

var blockRE = regexp.MustCompile(`(?m)^\[\[block\]\]\n`)

// longBrief writes a project with the social-protection brief as it is
// ("short") and a copy whose body (the blocks between the subtitle and
// the contact blocks) repeats times ("long").
func longBrief(samples, dst string, times int) error {
	src := filepath.Join(samples, "briefs", "social-protection", "brief.toml")
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	s := string(data)
	starts := blockRE.FindAllStringIndex(s, -1)
	if len(starts) < 4 {
		return fmt.Errorf("%s: too few blocks", src)
	}
	bodyStart, bodyEnd := starts[2][0], len(s)
	if i := strings.Index(s, "type = \"contact\""); i > 0 {
		bodyEnd = strings.LastIndex(s[:i], "[[block]]")
	}
	long := s[:bodyStart] + strings.Repeat(s[bodyStart:bodyEnd], times) + s[bodyEnd:]
	for id, text := range map[string]string{"short": s, "long": long} {
		text = strings.Replace(text, `id = "social-protection"`, `id = "`+id+`"`, 1)
		if err := os.MkdirAll(filepath.Join(dst, "briefs", id), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, "briefs", id, "brief.toml"), []byte(text), 0o644); err != nil {
			return err
		}
		if err := copyCatalogues(samples, dst, "social-protection", id); err != nil {
			return err
		}
	}
	return copyCatalogues(samples, dst, "shared", "shared")
}
