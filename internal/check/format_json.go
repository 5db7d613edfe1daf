package check

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/mekong-briefs/briefs/internal/diag"
)

// SchemaID names the JSON format that WriteJSON writes; SCHEMA.md
// documents it. It changes only when a field changes meaning or goes.
const SchemaID = "briefs-check/1"

type jsonReport struct {
	Schema   string      `json:"schema"`
	Strict   bool        `json:"strict"`
	Summary  jsonSummary `json:"summary"`
	Findings []diag.JSON `json:"findings"`
	Coverage []Coverage  `json:"coverage"`
}

type jsonSummary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	ExitCode int `json:"exit_code"`
}

// WriteJSON writes a report as one JSON document (SCHEMA.md).
func WriteJSON(w io.Writer, r *Report) error {
	e, wn := r.Counts()
	out := jsonReport{Schema: SchemaID, Strict: r.Strict,
		Summary:  jsonSummary{Errors: e, Warnings: wn, ExitCode: r.ExitCode()},
		Findings: []diag.JSON{}, Coverage: r.Coverage}
	if out.Coverage == nil {
		out.Coverage = []Coverage{}
	}
	for _, d := range r.Findings {
		out.Findings = append(out.Findings, d.JSON())
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write JSON report: %w", err)
	}
	return nil
}
