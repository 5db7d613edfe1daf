package check

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteText writes a report compiler style: one line per finding,
// FILE:LINE:COL: severity: [code] message (hint), then the coverage table
// and a summary line.
func WriteText(w io.Writer, r *Report) error {
	for _, d := range r.Findings {
		if _, err := fmt.Fprintln(w, d); err != nil {
			return fmt.Errorf("write findings: %w", err)
		}
	}
	if len(r.Findings) > 0 {
		fmt.Fprintln(w)
	}
	if err := writeCoverage(w, r.Coverage); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, summary(r))
	return err
}

// writeCoverage writes the brief × edition × language table: messages
// needed, translated, translated from the current English, and that as a
// percentage. With no rows (no brief loaded) there is no table, not a
// header over nothing.
func writeCoverage(w io.Writer, rows []Coverage) error {
	if len(rows) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "brief\tedition\tlang\tneeded\ttranslated\tcurrent\tcoverage")
	for _, c := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%.1f%%\n", c.Brief, c.Edition, c.Lang, c.Needed, c.Translated, c.Current, c.Percent)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write coverage: %w", err)
	}
	return nil
}

func summary(r *Report) string {
	e, w := r.Counts()
	verdict := "ok"
	if r.ExitCode() != 0 {
		verdict = "FAIL"
	}
	s := fmt.Sprintf("%s: %d %s, %d %s", verdict, e, plural(e, "error"), w, plural(w, "warning"))
	if r.Strict {
		s += " (strict)"
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
