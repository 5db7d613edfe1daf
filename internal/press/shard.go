package press

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// Shard is one share of the job matrix, for CI engines that run the build
// as several jobs (a GitHub Actions strategy.matrix): share K of N, K
// counting from 1.
type Shard struct{ K, N int }

// ParseShard reads "K/N".
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	sh := Shard{}
	var err1, err2 error
	sh.K, err1 = strconv.Atoi(k)
	sh.N, err2 = strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || sh.N < 1 || sh.K < 1 || sh.K > sh.N {
		return Shard{}, fmt.Errorf("shard %q is not K/N with 1 ≤ K ≤ N (e.g. 2/3)", s)
	}
	return sh, nil
}

// Select keeps the jobs of this share. A job's share follows from its PDF
// path alone (FNV-1a), so it stays in the same share when other briefs,
// editions or languages come and go, and the shards' caches stay warm.
func (sh Shard) Select(jobs []Job) []Job {
	if sh.N <= 1 {
		return jobs
	}
	var out []Job
	for _, j := range jobs {
		if sh.Holds(j.Path()) {
			out = append(out, j)
		}
	}
	return out
}

// Holds reports whether the PDF at path (a Job's Path) belongs to this
// share: what a shard's output folder may list, so that a build and a
// merge can tell a PDF of another share from one of their own.
func (sh Shard) Holds(path string) bool {
	if sh.N <= 1 {
		return true
	}
	// SHA-256, not FNV-1a: FNV's lowest bit is the parity of the bytes'
	// lowest bits, and a path names its brief twice (id/id.edition.lang.pdf),
	// so with N = 2 every brief's PDF of an edition and language fell in
	// the same share.
	sum := sha256.Sum256([]byte(path))
	return int(binary.BigEndian.Uint64(sum[:8])%uint64(sh.N)) == sh.K-1
}

// String is K/N, as --shard takes it.
func (sh Shard) String() string { return fmt.Sprintf("%d/%d", sh.K, sh.N) }
