package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/fonts"
	"github.com/mekong-briefs/briefs/internal/catalog"
	"github.com/mekong-briefs/briefs/internal/content"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/linebreak"
	"github.com/mekong-briefs/briefs/internal/press"
	"github.com/mekong-briefs/briefs/internal/source"
)

func proofCommand() *cli.Command {
	return &cli.Command{
		Name:      "proof",
		Usage:     "typeset a plain UTF-8 text file, one paragraph per line, to proof a translation",
		ArgsUsage: "TEXTFILE",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Required: true, Usage: "language of the text (" + langList() + ")"},
			&cli.StringFlag{Name: "out", Usage: "PDF to write (default: TEXTFILE with .pdf)"},
			&cli.BoolFlag{Name: "markup", Usage: "read *emphasis*, **strong** and [links](…) as catalogue text does"},
		},
		Action: runProof,
	}
}

func runProof(c *cli.Context) error {
	if c.NArg() != 1 {
		return cli.Exit("proof: give one text file", 2)
	}
	in := c.Args().First()
	lang := c.String("lang")
	if d, bad := source.CheckLanguage(lang, source.Pos0); bad {
		return cli.Exit(fmt.Sprintf("proof: %s (%s)", d.Msg, d.Hint), 2)
	}
	if err := sourceDateValid("proof"); err != nil {
		return err
	}
	data, err := source.ReadRegular(in)
	if err != nil {
		return cli.Exit(fmt.Sprintf("proof: %v", err), 2)
	}
	if d, bad := diag.UTF16(in, data, source.UTF16Hint); bad {
		printDiags(c.App.ErrWriter, diag.List{d})
		return cli.Exit("proof: "+in+" was not typeset", 1)
	}
	if !utf8.Valid(data) {
		printDiags(c.App.ErrWriter, diag.List{diag.Errorf(source.InvalidUTF8(in, data), "utf8", "save the file as UTF-8", "text is not valid UTF-8")})
		return cli.Exit("proof: "+in+" was not typeset", 1)
	}
	// A byte-order mark (Notepad's UTF-8) is no text: typeset, it copied
	// back as a word joiner before the first word.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	doc, err := content.Proof(in, lang, strings.Split(string(data), "\n"), c.Bool("markup"))
	var ds diag.List
	if errors.As(err, &ds) {
		printDiags(c.App.ErrWriter, ds)
		return cli.Exit("proof: "+in+" was not typeset", 1)
	}
	if err != nil {
		return cli.Exit(fmt.Sprintf("proof: %v", err), 1)
	}
	set, err := fonts.Load()
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	br, err := projectBreaker(c)
	if err != nil {
		return err
	}
	eng := press.NewEngine(set, br, false)
	press.StyleOf(projectSettings(c)).Apply(eng) // a proof looks like the project's briefs
	pdfData, _, ds, err := press.Typeset(eng, doc)
	printDiags(c.App.ErrWriter, ds)
	if err != nil {
		return cli.Exit(fmt.Sprintf("proof: %v", err), 1)
	}
	out := c.String("out")
	if out == "" {
		out = strings.TrimSuffix(in, ".txt") + ".pdf"
	}
	if err := proofOut(c.String("root"), out); err != nil {
		if c.String("out") == "" {
			// The path was made from the text's name: say so, and how
			// to choose another, rather than blame a flag never given.
			return cli.Exit(fmt.Sprintf("proof: the PDF would go beside the text, to %s, which cannot be written (%v); give --out with a PDF outside briefs/ and locales/, e.g. --out proof.pdf",
				out, strings.TrimPrefix(err.Error(), "--out "+out+" ")), 2)
		}
		return cli.Exit("proof: "+err.Error(), 2)
	}
	if err := press.WriteFile(out, pdfData); err != nil {
		return cli.Exit(err.Error(), 1)
	}
	fmt.Fprintf(c.App.Writer, "wrote %s\n", out)
	return nil
}

// proofOut refuses an output path that is not a .pdf file outside the
// sources: proof --out locales/shared.km.toml replaced a catalogue with
// a PDF.
func proofOut(root, out string) error {
	if !strings.EqualFold(filepath.Ext(out), ".pdf") {
		return fmt.Errorf("--out %s does not end in .pdf (name the PDF to write, e.g. --out proof.pdf)", out)
	}
	if st, err := os.Stat(out); err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("--out %s is a folder or a device (name the PDF to write, e.g. --out proof.pdf)", out)
	}
	return outsideSources(root, out)
}

// projectBreaker is the line breaker with the word lists of the project
// under --root, when it has any: proof and segment break as build does.
func projectBreaker(c *cli.Context) (*linebreak.Breaker, error) {
	words, ds := catalog.WordLists(filepath.Join(c.String("root"), "locales"))
	printDiags(c.App.ErrWriter, ds)
	br, err := press.Breaker(words)
	if err != nil {
		return nil, cli.Exit(fmt.Sprintf("%s: %v", c.Command.Name, err), 1)
	}
	return br, nil
}
