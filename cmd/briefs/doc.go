/*
Briefs checks and typesets multilingual policy briefs: one PDF per brief,
country edition and language, in Burmese (my), English (en), Khmer (km),
Lao (lo), Mon (mnw), Shan (shn), Thai (th) and Vietnamese (vi), with the
fonts for each script embedded.

Usage:

	briefs [--root DIR] [--color auto|always|never] COMMAND [FLAGS] [ARGS]

Every command works on the project in the current folder, or in DIR with
--root: briefs/<id>/brief.toml holds each brief's structure and
locales/<domain>.<lang>.toml its text, one catalogue per language.

# Commands

	briefs init [DIR]

Init starts a content repository: briefs/, locales/terms.toml, a GitHub
Actions workflow that checks, builds in shards, merges and publishes, a
.gitignore and a README for editors and translators. The layout's own words
are built in; a project's locales/shared.<lang>.toml overrides the ones
it has and inherits the others.

	briefs new [--edition COUNTRY:LANG,LANG]... ID

New starts a brief: briefs/ID/brief.toml with the editions given and the
first blocks, and locales/ID.en.toml with their English messages to fill in.
Flags come before the ID; repeat a flag for several values.

	briefs build [--lang L]... [--brief ID]... [--edition E]... [--out DIR]
	             [--justify] [--force] [--draft] [--jobs N] [--shard K/N]
	             [--format text|json|github]

Build typesets DIR/<brief-id>/<brief-id>.<edition>.<lang>.pdf (DIR defaults
to dist) for every brief × edition × language the filters select; --lang km
builds every edition that includes Khmer. PDFs are built in parallel (--jobs,
0 means one per CPU), and a PDF whose inputs have not changed is not typeset
again (--force rebuilds all). Each PDF is written to a temporary file and
renamed, so a failure never leaves half a PDF. The output folder also gets
manifest.json and index.html, listing every PDF in it; a PDF whose edition
or language was withdrawn is pruned. A broken brief or catalogue fails only
the PDFs that need it. --draft sets missing messages in the source language
and marks every page DRAFT. --shard K/N builds share K of N of the matrix
for parallel CI jobs.

	briefs merge [--out DIR] SHARD-DIR...

Merge joins the output trees of sharded builds into one, with one
manifest.json and index.html, as one build would have written them. Each
folder must hold a build's manifest.json, and the shards must give every
share 1..N once; PDFs an earlier manifest in DIR listed and the shards do
not are deleted.

	briefs check [--lang L]... [--brief ID]... [--strict] [--format text|json|github] [--fix]

Check reports every finding as

	FILE:LINE:COL: severity: [code] message (hint)

then a coverage table (brief × edition × language: needed, translated,
current). --format json follows internal/check/SCHEMA.md; --format github
prints workflow commands that annotate a pull request. The finding codes are
listed in internal/check/codes.go. --fix first repairs what is mechanical
(Zawgyi to Unicode, NFC, stray whitespace and ZWSP), keeping every other
byte of the catalogue.

	briefs sync [--lang L]... [--brief ID]... [--accept [--id ID]...]

Sync runs after the English changed: every language an edition needs gets its
catalogue created or updated, new messages listed for translation (the
English as a comment, never pre-filled) and translations made from older
English marked stale, with the English they were made from ("# was:").
--accept stamps the current English hash on reviewed translations; with
--id only on those messages. Sync edits in place: comments, key order, BOM,
line endings and the file mode are kept.

	briefs export --format po|xliff [--lang L]... [--brief ID]... --out DIR
	briefs import FILE...

Export writes DIR/<lang>/<brief>.po (or .xlf, XLIFF 1.2) for translators'
tools, stale translations as fuzzy with the old English. Import merges PO or
XLIFF back into the catalogues, after every check rule passes on what it
brings; a file with any error is refused whole.

	briefs proof --lang L [--markup] [--out FILE] TEXTFILE

Proof typesets a plain UTF-8 text file, one paragraph per line, through the
same pipeline as build: a quick way to proof a phrase or check a font. With
--markup the text is read as catalogue text (*emphasis*, **strong**, links).

	briefs segment --lang L [--zwsp] [FILE|-]

Segment prints each line with | at every line-break opportunity; with --zwsp
it prints the text with ZERO WIDTH SPACE at the dictionary word breaks.

	briefs serve [--addr 127.0.0.1:8080 | --bind HOST:PORT] [--out DIR]

Serve builds into DIR, serves it on a loopback address and rebuilds when
briefs/ or locales/ change; open pages reload after each rebuild and show a
failed build's report. --bind serves beyond loopback, with a warning.

	briefs completion bash|zsh|fish
	briefs man

Completion prints a shell completion script; man prints the manual page.

# Files

A brief (briefs/<id>/brief.toml) has an id, a date, editions (a country code
or "region", and the languages it is published in) and blocks in reading
order: title, subtitle, heading, paragraph, list, table, figure, chart (bars or
columns drawn from inline data or from a table of the brief), contact and
published. Every piece of text is a message ID, looked up first in the
brief's catalogue and then in locales/shared.<lang>.toml, which holds the
words the layout prints itself (footer, months, language and edition names).

Catalogues are go-i18n v2 message files. The English file is the source; a
translation carries the hash of the English it was made from, so stale
translations are found. Language codes, never country codes, name the files:
jobs-in-sezs.km.toml, not jobs-in-sezs.kh.toml.

locales/words.<lang>.txt (Khmer, Burmese, Thai) lists names and loanwords
that no dictionary knows, one a line, so that lines never break inside
them. locales/terms.toml is the termbase.

briefs.toml, at the project's root, holds the project's settings, each with
a default: organisation, site_title, out, logo (a PNG or JPEG masthead image
inside the project), accent ("#1f5c99"), page_size (A4, Letter or A5) and
margins ("20mm", or a table of top, right, bottom and left), and per
language, in a [lang.CODE] table, body_face and heading_face (among the
faces embedded for the script: NotoSansThai or NotoSerifThai, NotoSansLao
or NotoSerifLao), body_size (points, 7 to 16) and native_digits. A mistake
is an error at its line, with "did you mean" for a misspelt name, in check
and build alike; the setting keeps its default.

README.md shows a complete brief, catalogue and briefs.toml; briefs man
prints the annotated brief (BRIEF FORMAT).

# Exit status

	0  success: no errors (check) or every PDF built (build)
	1  findings: errors, or warnings with --strict; or a PDF that failed
	2  a usage error of any kind: an unknown command, flag or value, a
	   negative --jobs, an output folder inside the sources, a bad
	   SOURCE_DATE_EPOCH

# Environment

CI, when set, turns off the progress bar. NO_COLOR, when set, turns off
colours (--color always overrides it). SOURCE_DATE_EPOCH, when set, is the
modification date written into PDFs: a decimal integer of seconds since
1970-01-01 UTC, from 0 to 253402300799 (the years 1970..9999 that PDF dates
hold); build, proof and serve refuse any other value with exit 2 before any
work. Otherwise every date comes from the brief, in UTC, so the same inputs
give the same bytes anywhere.
*/
package main
