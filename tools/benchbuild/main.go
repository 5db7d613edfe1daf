// Command benchbuild measures `briefs build` on the whole sample matrix:
// cold builds (--force) and unchanged rebuilds, N times each, and prints
// ms per PDF, ms per page, peak RSS and PDF bytes per page. `make bench`
// runs it after the Go benchmarks.
package main

import (
	"flag"
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

func main() {
	bin := flag.String("briefs", "bin/briefs", "the briefs binary")
	n := flag.Int("n", 5, "runs of each kind")
	flag.Parse()
	out, err := os.MkdirTemp("", "briefs-bench-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(out)

	cold := measure(*bin, out, *n, "--force")
	warm := measure(*bin, out, *n)
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf"))
	pages, bytes := cold.pages, 0
	for _, p := range pdfs {
		if st, err := os.Stat(p); err == nil {
			bytes += int(st.Size())
		}
	}
	fmt.Printf("matrix: %d PDFs, %d pages, %d bytes\n", len(pdfs), pages, bytes)
	report("cold build", cold, len(pdfs), pages)
	report("unchanged rebuild", warm, len(pdfs), pages)
	if pages > 0 {
		fmt.Printf("PDF size: %.0f bytes per page, %.0f bytes per PDF\n", float64(bytes)/float64(pages), float64(bytes)/float64(len(pdfs)))
	}
}

type result struct {
	times  []time.Duration
	maxRSS int64 // KiB
	pages  int
}

var pagesRE = regexp.MustCompile(`; (\d+) pages,`)

func measure(bin, out string, n int, extra ...string) result {
	var r result
	for i := 0; i < n; i++ {
		args := append([]string{"build", "--out", out}, extra...)
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "CI=true")
		start := time.Now()
		stdout, err := cmd.Output()
		r.times = append(r.times, time.Since(start))
		if err != nil {
			fail(fmt.Errorf("%s %v: %w\n%s", bin, args, err, stdout))
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > r.maxRSS {
			r.maxRSS = ru.Maxrss
		}
		if m := pagesRE.FindSubmatch(stdout); m != nil {
			r.pages, _ = strconv.Atoi(string(m[1]))
		}
	}
	return r
}

func report(name string, r result, pdfs, pages int) {
	sort.Slice(r.times, func(i, j int) bool { return r.times[i] < r.times[j] })
	med := r.times[len(r.times)/2]
	ms := float64(med.Microseconds()) / 1000
	fmt.Printf("%s: median %.1f ms (min %.1f, max %.1f) over %d runs; %.2f ms/PDF, %.2f ms/page; peak RSS %.1f MB\n",
		name, ms, float64(r.times[0].Microseconds())/1000, float64(r.times[len(r.times)-1].Microseconds())/1000,
		len(r.times), ms/float64(max(pdfs, 1)), ms/float64(max(pages, 1)), float64(r.maxRSS)/1024)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchbuild:", err)
	os.Exit(1)
}
