package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/atomicfile"
	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/settings"
	"github.com/mekong-briefs/briefs/internal/source"
)

func newCommand() *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     "start a brief: write briefs/ID/brief.toml and its English catalogue, ready to fill in",
		ArgsUsage: "ID",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "edition", Value: cli.NewStringSlice("region:en"),
				Usage: "an edition and its languages, as COUNTRY:LANG,LANG (e.g. kh:en,km); repeatable"},
		},
		Action: runNew,
	}
}

func runNew(c *cli.Context) error {
	id := c.Args().First()
	if c.NArg() != 1 {
		return cli.Exit("new: give one brief ID in lower case with hyphens, after the flags: briefs new --edition kh:en,km jobs-in-sezs", 2)
	}
	if problem := source.CheckBriefID(id); problem != "" {
		return cli.Exit(fmt.Sprintf("new: brief ID %q %s (try briefs new %s)", id, problem, source.SuggestBriefID(id)), 2)
	}
	root := c.String("root")
	set, _ := settings.Load(root) // build and check report what is wrong with the settings
	if folder, why := set.FolderNamed(id); folder != "" {
		return cli.Exit(fmt.Sprintf("new: brief ID %q is the name of the project's %s folder: %s (choose another ID, such as %s-brief)",
			id, folder, why, id), 2)
	}
	brief := filepath.Join(root, "briefs", id, "brief.toml")
	english := filepath.Join(root, "locales", id+".en.toml")
	for _, p := range []string{brief, english} {
		if _, err := os.Stat(p); err == nil {
			return cli.Exit(fmt.Sprintf("new: %s exists; not overwriting it (choose another ID, or edit the brief that is there)", p), 2)
		}
	}
	var editions strings.Builder
	var made []source.Edition // the editions so far, each checked as check would
	for _, e := range c.StringSlice("edition") {
		country, langs, ok := strings.Cut(e, ":")
		if !ok || country == "" || langs == "" {
			return cli.Exit(fmt.Sprintf("new: edition %q is not COUNTRY:LANG,LANG", e), 2)
		}
		ed := source.Edition{Country: country, Languages: strings.Split(langs, ",")}
		for _, d := range source.ValidateEdition(ed, made) {
			if d.Severity == diag.Error {
				return cli.Exit(fmt.Sprintf("new: %s (%s)", d.Msg, d.Hint), 2)
			}
		}
		if hint, ok := source.LanguageAsCountry(country); ok {
			fmt.Fprintf(c.App.ErrWriter, "new: warning: edition %s: %s\n", country, hint)
		}
		made = append(made, ed)
		var quoted []string
		for _, l := range ed.Languages {
			quoted = append(quoted, fmt.Sprintf("%q", l))
		}
		fmt.Fprintf(&editions, "\n[[edition]]\ncountry = %q\nlanguages = [%s]\n", country, strings.Join(quoted, ", "))
	}
	body := fmt.Sprintf(briefTemplate, id, time.Now().Format("2006-01-02"), editions.String())
	if err := atomicfile.Write(brief, []byte(body)); err != nil {
		return cli.Exit(err.Error(), 1)
	}
	if err := atomicfile.Write(english, []byte(englishTemplate)); err != nil {
		return cli.Exit(err.Error(), 1)
	}
	fmt.Fprintf(c.App.Writer, "wrote %s and %s\nnext: write the English, then run briefs sync to create the translators' catalogues\n", brief, english)
	return nil
}

// briefTemplate is a minimal brief: every block type an editor needs
// first, each pointing at a message of the English catalogue.
const briefTemplate = `# A brief: its structure only. The text is in locales/<id>.<lang>.toml.
# "briefs man" shows every block type and key (BRIEF FORMAT), as README.md does.
id = %q
date = %s
source_lang = "en"
%s
[[block]]
type = "title"
msg = "title"

[[block]]
type = "subtitle"
msg = "subtitle"

[[block]]
type = "heading"
level = 1
msg = "intro.heading"

[[block]]
type = "paragraph"
msg = "intro.p1"

[[block]]
type = "heading"
level = 1
msg = "heading.recommendations"

[[block]]
type = "list"
style = "numbered"
items = ["rec.1", "rec.2"]

[[block]]
type = "published"
msg = "published"
`

const englishTemplate = `# The English text of the brief, the source for every translation.

["title"]
description = "Title of the brief"
other = "Title"

["subtitle"]
description = "Subtitle, under the title"
other = "Subtitle"

["intro.heading"]
description = "Heading of the first section"
other = "About this brief"

["intro.p1"]
description = "First paragraph"
other = "First paragraph, with **strong** text and a [link](https://example.org)."

["rec.1"]
description = "First recommendation"
other = "First recommendation."

["rec.2"]
description = "Second recommendation"
other = "Second recommendation."

["published"]
description = "Publication line at the end; {{.Date}} is the month and year"
other = "Published in {{.Date}}."
`
