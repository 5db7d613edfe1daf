package diag

import (
	"fmt"
	"strings"
)

// JSON is a diagnostic as the JSON reports of check and build write it
// (internal/check/SCHEMA.md, "findings").
type JSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// JSON returns the diagnostic's JSON form.
func (d Diagnostic) JSON() JSON {
	return JSON{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
		Severity: d.Severity.String(), Code: d.Code, Message: d.Msg, Hint: d.Hint}
}

// GitHub returns the diagnostic as a GitHub Actions workflow command
// ("Workflow commands for GitHub Actions": ::error file=…,line=…,col=…,title=…::message),
// which annotates the pull request's file at its line.
func (d Diagnostic) GitHub() string {
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

// GitHubNotice is a notice workflow command, which the run's summary
// shows: a note that is no finding (translations that may be stale).
func GitHubNotice(title, msg string) string {
	return fmt.Sprintf("::notice title=%s::%s", escapeProperty(title), escapeData(msg))
}

// escapeData escapes a command's message as the Actions runner expects.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
