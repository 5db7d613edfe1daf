package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/source"
	"github.com/mekong-briefs/briefs/internal/text"
)

func segmentCommand() *cli.Command {
	return &cli.Command{
		Name:      "segment",
		Usage:     "show where lines may break: prints each line with | at every opportunity",
		ArgsUsage: "[FILE|-]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Required: true, Usage: "language of the text (" + langList() + ")"},
			&cli.BoolFlag{Name: "zwsp", Usage: "print the text with ZWSP (U+200B) inserted at dictionary word breaks instead"},
		},
		Action: runSegment,
	}
}

func runSegment(c *cli.Context) error {
	if d, bad := source.CheckLanguage(c.String("lang"), source.Pos0); bad {
		return cli.Exit(fmt.Sprintf("segment: %s (%s)", d.Msg, d.Hint), 2)
	}
	var in io.Reader = os.Stdin
	if name := c.Args().First(); name != "" && name != "-" {
		f, err := source.Open(name)
		if err != nil {
			return cli.Exit(fmt.Sprintf("segment: %v", err), 2)
		}
		defer f.Close()
		in = f
	}
	br, err := projectBreaker(c)
	if err != nil {
		return err
	}
	br = br.ForLanguage(c.String("lang")) // Shan and Mon by syllable, not by the Burmese list
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := text.NFC(sc.Text())
		if c.Bool("zwsp") {
			fmt.Fprintln(c.App.Writer, insertAt(line, br.WordBoundaries(line), "\u200B"))
			continue
		}
		var pos []int
		for _, b := range br.Breaks(line) {
			if b.Pos < len(line) {
				pos = append(pos, b.Pos)
			}
		}
		fmt.Fprintln(c.App.Writer, insertAt(line, pos, "|"))
	}
	if err := sc.Err(); err != nil {
		return cli.Exit(fmt.Sprintf("segment: %v", err), 2)
	}
	return nil
}

// insertAt inserts mark before each byte offset in pos (ascending),
// skipping offsets where the text already has a ZWSP.
func insertAt(s string, pos []int, mark string) string {
	var b strings.Builder
	last := 0
	for _, p := range pos {
		if p <= last || p >= len(s) {
			continue
		}
		b.WriteString(s[last:p])
		if !(mark == "\u200B" && (strings.HasPrefix(s[p:], mark) || strings.HasSuffix(s[:p], mark))) {
			b.WriteString(mark)
		}
		last = p
	}
	b.WriteString(s[last:])
	return b.String()
}
