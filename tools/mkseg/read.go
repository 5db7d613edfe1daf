package main

import (
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func readLines(name string) ([]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	s := strings.ReplaceAll(string(data), "\r", "")
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n"), nil
}

// readPipe reads one text a line, words parted by `|` (a space is a word
// of its own there).
func readPipe(name string) ([][]string, error) {
	lines, err := readLines(name)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, l := range lines {
		if l != "" {
			out = append(out, strings.Split(l, "|"))
		}
	}
	return out, nil
}

// readTALPCo reads TALPCo's raw sentences and their tokens, and returns
// each sentence as its tokens with the sentence's own spaces put back
// between them (TALPCo's tokens leave them out). A sentence whose tokens
// do not spell it is skipped.
func readTALPCo(files string) ([][]string, error) {
	rawName, tokName, ok := strings.Cut(files, ",")
	if !ok {
		return nil, fmt.Errorf("-talpco wants RAW,TOKENS")
	}
	raw, err := readLines(rawName)
	if err != nil {
		return nil, err
	}
	sentence := map[string]string{}
	for _, l := range raw {
		if id, s, ok := strings.Cut(l, "\t"); ok {
			sentence[id] = s
		}
	}
	toks, err := readLines(tokName)
	if err != nil {
		return nil, err
	}
	var out [][]string
	var id string
	var words []string
	skipped := 0
	for _, l := range toks {
		switch {
		case l == "<EOS>":
			if ws, ok := align(sentence[id], words); ok {
				out = append(out, ws)
			} else {
				skipped++
			}
			id, words = "", nil
		case id == "":
			id = l
		default:
			words = append(words, l)
		}
	}
	fmt.Fprintf(os.Stderr, "mkseg: %s: %d sentences, %d skipped (tokens differ from the text)\n", tokName, len(out), skipped)
	return out, nil
}

// align returns the words with the spaces of s inserted as words of their
// own, or false if the words, spaces aside, do not spell s.
func align(s string, words []string) ([]string, bool) {
	var out []string
	rest := norm.NFC.String(s)
	for _, w := range words {
		w = norm.NFC.String(strings.Join(strings.Fields(w), ""))
		trimmed := strings.TrimLeftFunc(rest, unicode.IsSpace)
		if len(trimmed) < len(rest) && len(out) > 0 {
			out = append(out, " ")
		}
		rest = trimmed
		// A token may itself span a space of the text.
		var b strings.Builder
		for _, r := range w {
			rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
			c, n := utf8.DecodeRuneInString(rest)
			if c != r && !(unicode.IsPunct(c) && unicode.IsPunct(r)) {
				return nil, false
			}
			b.WriteRune(c) // the text's own punctuation where the tokens differ
			rest = rest[n:]
		}
		out = append(out, b.String())
	}
	return out, strings.TrimSpace(rest) == ""
}
