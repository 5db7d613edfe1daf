package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"syscall"
	"time"
)

// bench runs each measurement on every binary, interleaved.
type bench struct {
	bins []string // the binary measured, then the base to compare with
	n    int
	work string
}

// run is one measurement of one binary: wall times, peak RSS, and what
// the build reported.
type run struct {
	times       []time.Duration // wall
	cpu         []time.Duration // user + system, steadier on a busy machine
	maxRSS      int64           // KiB
	pdfs, pages int
}

func (r run) median() time.Duration { return median(r.times) }

func (r run) cpuMedian() time.Duration { return median(r.cpu) }

func median(ts []time.Duration) time.Duration {
	t := append([]time.Duration(nil), ts...)
	sort.Slice(t, func(i, j int) bool { return t[i] < t[j] })
	return t[len(t)/2]
}

var summaryRE = regexp.MustCompile(`(\d+) PDFs written, (\d+) unchanged, \d+ failed; (\d+) pages?`)

// measure runs `briefs --root root build ARGS` n times for each binary,
// into out, and returns one run per binary.
func (b *bench) measure(root, out string, args ...string) []run {
	runs := make([]run, len(b.bins))
	for i := 0; i < b.n; i++ {
		for k, bin := range b.bins {
			argv := append([]string{"--root", root, "build", "--out", out + strconv.Itoa(k)}, args...)
			s := b.time(exec.Command(bin, argv...))
			runs[k] = runs[k].add(s)
			if m := summaryRE.FindSubmatch(s.out); m != nil {
				w, _ := strconv.Atoi(string(m[1]))
				u, _ := strconv.Atoi(string(m[2]))
				runs[k].pdfs = w + u
				runs[k].pages, _ = strconv.Atoi(string(m[3]))
			}
		}
	}
	return runs
}

// sample is one timed process: wall and CPU time, peak RSS, its output.
type sample struct {
	wall, cpu time.Duration
	maxRSS    int64 // KiB
	out       []byte
}

// time runs cmd (with CI=true, so that briefs prints no progress) and
// measures it; a failure ends the benchmark.
func (b *bench) time(cmd *exec.Cmd) sample {
	cmd.Env = append(os.Environ(), "CI=true")
	start := time.Now()
	stdout, err := cmd.Output()
	s := sample{wall: time.Since(start), out: stdout}
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		fail(fmt.Errorf("%v: %w\n%s%s", cmd.Args, err, stdout, stderr))
	}
	s.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.maxRSS = ru.Maxrss
	}
	return s
}

func (r run) add(s sample) run {
	r.times = append(r.times, s.wall)
	r.cpu = append(r.cpu, s.cpu)
	r.maxRSS = max(r.maxRSS, s.maxRSS)
	return r
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// ratio prints new/base when there is a base.
func ratio(runs []run, f func(run) float64) string {
	if len(runs) < 2 || f(runs[1]) == 0 {
		return ""
	}
	return fmt.Sprintf("  (%.2f× base)", f(runs[0])/f(runs[1]))
}

// editionFor is the one-PDF build of each language: brief and edition.
var editionFor = []struct{ lang, brief, edition string }{
	{"en", "short", "region"}, {"km", "short", "kh"}, {"my", "short", "mm"},
	{"vi", "short", "vn"}, {"th", "jobs-in-sezs", "th"},
}

func (b *bench) perLanguage(root string) {
	fmt.Println("one PDF per language, process start included (median wall time, peak RSS):")
	for _, e := range editionFor {
		runs := b.measure(root, filepath.Join(b.work, "one-"+e.lang), "--force", "--brief", e.brief, "--edition", e.edition, "--lang", e.lang)
		r := runs[0]
		fmt.Printf("  %s: %d pages, %.1f ms wall, %.1f ms CPU, %.1f MB%s\n", e.lang, r.pages, ms(r.median()), ms(r.cpuMedian()),
			float64(r.maxRSS)/1024, ratio(runs, func(r run) float64 { return ms(r.cpuMedian()) }))
	}
}

func (b *bench) longVersusShort(root string) {
	short := b.measure(root, filepath.Join(b.work, "short"), "--force", "--brief", "short", "--edition", "kh", "--lang", "km")
	long := b.measure(root, filepath.Join(b.work, "long"), "--force", "--brief", "long", "--edition", "kh", "--lang", "km")
	for k := range short {
		name := "measured"
		if k == 1 {
			name = "base"
		}
		s, l := short[k], long[k]
		fmt.Printf("long brief (%s, km): %d pages in %.0f ms CPU against %d pages in %.0f ms: %.1f× the CPU for %.1f× the pages\n",
			name, l.pages, ms(l.cpuMedian()), s.pages, ms(s.cpuMedian()), ms(l.cpuMedian())/ms(s.cpuMedian()), float64(l.pages)/float64(max(s.pages, 1)))
	}
}

func (b *bench) project(name, root string) {
	out := filepath.Join(b.work, "project-"+filepath.Base(root))
	cold := b.measure(root, out, "--force")
	warm := b.measure(root, out)
	c, w := cold[0], warm[0]
	perSec := func(r run) float64 { return float64(r.pdfs) / r.median().Seconds() }
	fmt.Printf("%s: %d PDFs, %d pages; cold %.0f ms wall, %.0f ms CPU (%.0f PDFs/s, %.2f ms/page, peak RSS %.1f MB)%s; unchanged rebuild %.0f ms = 1/%.0f of cold%s\n",
		name, c.pdfs, c.pages, ms(c.median()), ms(c.cpuMedian()), perSec(c), ms(c.median())/float64(max(c.pages, 1)), float64(c.maxRSS)/1024,
		ratio(cold, func(r run) float64 { return ms(r.median()) }),
		ms(w.median()), ms(c.median())/ms(w.median()), ratio(warm, func(r run) float64 { return ms(r.median()) }))
	bytes, pages := 0, c.pages
	pdfs, _ := filepath.Glob(filepath.Join(out+"0", "*", "*.pdf"))
	for _, p := range pdfs {
		if st, err := os.Stat(p); err == nil {
			bytes += int(st.Size())
		}
	}
	if pages > 0 {
		fmt.Printf("  PDF size: %.0f bytes per page, %.0f bytes per PDF\n", float64(bytes)/float64(pages), float64(bytes)/float64(max(len(pdfs), 1)))
	}
}
