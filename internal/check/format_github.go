package check

import (
	"fmt"
	"io"
)

// WriteGitHub writes findings as GitHub Actions workflow commands
// ("Workflow commands for GitHub Actions": ::error file=…,line=…,col=…,title=…::message),
// which annotate the pull request's files; then the coverage table and the
// summary as plain log lines.
func WriteGitHub(w io.Writer, r *Report) error {
	for _, d := range r.Findings {
		if _, err := fmt.Fprintln(w, d.GitHub()); err != nil {
			return fmt.Errorf("write annotations: %w", err)
		}
	}
	if err := writeCoverage(w, r.Coverage); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, summary(r))
	return err
}
