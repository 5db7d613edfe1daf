package main

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// manPage writes the manual page of app in roff with the man macros
// (man(7)): NAME, SYNOPSIS, DESCRIPTION, the global options, then each
// command with its flags. It is made from the command definitions, as
// --help is, so the two never disagree. briefs writes it itself rather
// than through urfave/cli's ToMan, whose Markdown converter
// (go-md2man, blackfriday) every run of the binary paid to initialise:
// 0.7 ms of each one-PDF build (issue 17), for a page no build prints.
func manPage(app *cli.App) string {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH %s 1\n.SH NAME\n%s \\- %s\n", roff(app.Name), roff(app.Name), roff(app.Usage))
	fmt.Fprintf(&b, ".SH SYNOPSIS\n.B %s\n[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIcommand options\\fR] [\\fIarguments\\fR]\n", roff(app.Name))
	if app.Description != "" {
		fmt.Fprintf(&b, ".SH DESCRIPTION\n%s\n", roff(app.Description))
	}
	b.WriteString(".SH GLOBAL OPTIONS\n")
	manFlags(&b, app.VisibleFlags())
	b.WriteString(".SH COMMANDS\n")
	for _, c := range app.VisibleCommands() {
		names := strings.Join(c.Names(), ", ")
		fmt.Fprintf(&b, ".SS %s\n%s\n", roff(names), roff(c.Usage))
		if c.Description != "" {
			fmt.Fprintf(&b, ".PP\n%s\n", roff(c.Description))
		}
		manFlags(&b, c.VisibleFlags())
	}
	// The brief format: a user who installed the binary alone has no
	// README, and every hint about a brief's syntax points here.
	b.WriteString(".SH BRIEF FORMAT\nbriefs/<id>/brief.toml holds the structure of one brief: editions and blocks in reading order, every piece of text a message ID of the catalogues. Every block type and key, annotated (a block takes only its own type's keys, besides type and editions: a key of another type, such as a caption on a table, is an error):\n.PP\n.nf\n")
	b.WriteString(roff(strings.TrimRight(exampleBrief, "\n")))
	b.WriteString("\n.fi\n")
	return b.String()
}

// exampleBrief is the annotated brief of README.md's "The brief source
// format", which TestExampleBriefIsTheREADMEs keeps the same.
//
//go:embed skeleton/example-brief.toml
var exampleBrief string

// manFlags lists flags as tagged paragraphs: the names (and a value
// placeholder), then the usage and the default.
func manFlags(b *strings.Builder, flags []cli.Flag) {
	for _, f := range flags {
		var names []string
		for _, n := range f.Names() {
			dash := "--"
			if len(n) == 1 {
				dash = "-"
			}
			names = append(names, "\\fB"+roff(dash+n)+"\\fR")
		}
		tag := strings.Join(names, ", ")
		usage := ""
		if d, ok := f.(cli.DocGenerationFlag); ok {
			usage = d.GetUsage()
			if d.TakesValue() { // a switch's default is always off
				tag += " \\fIvalue\\fR"
				if def := d.GetDefaultText(); def != "" && def != `""` {
					usage += " (default: " + def + ")"
				}
			}
		}
		fmt.Fprintf(b, ".TP\n%s\n%s\n", tag, roff(usage))
	}
}

// roff escapes text for a roff line: backslashes, hyphens (minus signs,
// so that a copied flag works), characters outside ASCII, and a leading
// dot or apostrophe, which would make the line a request (groff(7)).
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "'") {
			b.WriteString(`\&`)
		}
		for _, r := range line {
			if r < 0x80 {
				b.WriteRune(r)
			} else { // as groff_char(7) names it, so that any roff reads it
				fmt.Fprintf(&b, `\[u%04X]`, r)
			}
		}
	}
	return b.String()
}
