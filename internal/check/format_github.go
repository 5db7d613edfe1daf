package check

import (
	"fmt"
	"io"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// WriteGitHub writes findings as GitHub Actions workflow commands
// ("Workflow commands for GitHub Actions": ::error file=…,line=…,col=…,title=…::message),
// which annotate the pull request's files, within GitHub's limit per step
// (diag.Annotations); then the coverage table and the summary as plain log
// lines.
func WriteGitHub(w io.Writer, r *Report) error {
	for _, l := range diag.Annotations(r.Findings) {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return fmt.Errorf("write annotations: %w", err)
		}
	}
	if err := writeCoverage(w, r.Coverage); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, summary(r))
	return err
}
