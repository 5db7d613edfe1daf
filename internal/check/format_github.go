package check

import (
	"fmt"
	"io"
	"strings"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// WriteGitHub writes findings as GitHub Actions workflow commands
// ("Workflow commands for GitHub Actions": ::error file=…,line=…,col=…,title=…::message),
// which annotate the pull request's files; then the coverage table and the
// summary as plain log lines.
func WriteGitHub(w io.Writer, r *Report) error {
	for _, d := range r.Findings {
		if _, err := fmt.Fprintln(w, githubCommand(d)); err != nil {
			return fmt.Errorf("write annotations: %w", err)
		}
	}
	if err := writeCoverage(w, r.Coverage); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, summary(r))
	return err
}

func githubCommand(d diag.Diagnostic) string {
	var props []string
	if d.Pos.File != "" {
		props = append(props, "file="+escapeProperty(d.Pos.File))
	}
	if d.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
	}
	if d.Pos.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
	}
	props = append(props, "title="+escapeProperty(d.Code))
	msg := d.Msg
	if d.Hint != "" {
		msg += " (" + d.Hint + ")"
	}
	return fmt.Sprintf("::%s %s::%s", d.Severity, strings.Join(props, ","), escapeData(msg))
}

// escapeData escapes a command's message as the Actions runner expects.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
