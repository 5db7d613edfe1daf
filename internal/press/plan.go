// Package press runs the print: it plans which PDFs of the brief × edition ×
// language matrix a filter asks for, runs each job through the pipeline
// (content.Evaluate, layout, pdf) in parallel, skips jobs whose inputs have
// not changed (Cache), and writes each PDF atomically.
//
// Typeset and NewEngine are the one way to turn an evaluated manuscript into
// PDF bytes: `briefs build` and `briefs proof` both go through them. The
// output tree's index and manifest are package publish's.
package press

import (
	"fmt"
	"slices"

	"github.com/mekong-briefs/briefs/internal/source"
)

// Filter selects part of the matrix. Empty lists select everything.
type Filter struct {
	Langs, Briefs, Editions []string
}

// Job is one PDF to build.
type Job struct {
	Brief   *source.Brief
	Edition string
	Lang    string
}

// Path is the job's PDF path relative to the output folder:
// <brief-id>/<brief-id>.<edition>.<lang>.pdf.
func (j Job) Path() string {
	return fmt.Sprintf("%s/%s.%s.%s.pdf", j.Brief.ID, j.Brief.ID, j.Edition, j.Lang)
}

// Plan lists the jobs a filter selects, in a stable order. A filter value
// that matches nothing is an error listing the valid values.
func Plan(briefs []*source.Brief, f Filter) ([]Job, error) {
	var ids, eds []string
	for _, b := range briefs {
		ids = append(ids, b.ID)
		for _, e := range b.Editions {
			eds = append(eds, e.Country)
		}
	}
	if err := source.CheckFilter("brief", f.Briefs, ids); err != nil {
		return nil, err
	}
	if err := source.CheckFilter("edition", f.Editions, eds); err != nil {
		return nil, err
	}
	if err := source.CheckFilter("language", f.Langs, source.EditionLanguages(briefs)); err != nil {
		return nil, err
	}
	var jobs []Job
	for _, b := range briefs {
		if !want(f.Briefs, b.ID) {
			continue
		}
		for _, e := range b.Editions {
			if !want(f.Editions, e.Country) {
				continue
			}
			for _, l := range e.Languages {
				if want(f.Langs, l) {
					jobs = append(jobs, Job{Brief: b, Edition: e.Country, Lang: l})
				}
			}
		}
	}
	if len(jobs) == 0 {
		return nil, fmt.Errorf("no brief has that combination of brief, edition and language")
	}
	return jobs, nil
}

func want(filter []string, v string) bool { return len(filter) == 0 || slices.Contains(filter, v) }
