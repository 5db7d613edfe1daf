package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

const libicu = "/usr/lib/x86_64-linux-gnu/libicudata.so.72"

// TestICUDictionaries reads the installed ICU data, when there is one, and
// checks the word counts the design notes record.
func TestICUDictionaries(t *testing.T) {
	if _, err := os.Stat(libicu); err != nil {
		t.Skip("libicu72 not installed")
	}
	pkg, err := loadCommonData(libicu)
	if err != nil {
		t.Fatal(err)
	}
	items, err := tocItems(pkg)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{ // word count range, in thousands
		"brkitr/thaidict.dict":    {25, 28},
		"brkitr/khmerdict.dict":   {79, 83},
		"brkitr/burmesedict.dict": {40, 43},
		"brkitr/laodict.dict":     {29, 33},
	}
	for name, r := range want {
		item := findItem(items, name)
		if item == nil {
			t.Fatalf("no %s", name)
		}
		words, err := dictWords(item)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		words = sortUnique(words)
		if n := len(words); n < r[0]*1000 || n > r[1]*1000 {
			t.Errorf("%s: %d words, want %dk..%dk", name, n, r[0], r[1])
		}
	}
}

// TestBytesTrie walks a small hand-serialized BytesTrie holding "a", "ab",
// "ac" and "b": a branch over 'a' (a jump to a node with an intermediate
// value and a branch) and 'b' (whose final-value node follows it).
func TestBytesTrie(t *testing.T) {
	trie := []byte{
		0x01,      // branch, 2 bytes
		'a', 0x24, // 'a': non-final value (0x24>>1)-0x10 = 2: jump over 'b', 0x21
		'b', 0x21, // 'b' (last): final value node follows
		0x20,      // node for "a": intermediate value 0 (a word)
		0x01,      // branch, 2 bytes
		'b', 0x21, // "ab": final value
		'c', 0x21, // "ac" (last): final value node
	}
	var got []string
	if err := walkBytesTrie(trie, func(k []byte) { got = append(got, string(k)) }); err != nil {
		t.Fatal(err)
	}
	want := "a ab ac b"
	if strings.Join(got, " ") != want {
		t.Errorf("keys %q, want %q", got, want)
	}
}

func TestBuildLicense(t *testing.T) {
	dash := strings.Repeat("-", 70)
	src := "UNICODE LICENSE\ntext\n" + dash + "\n\nThird-Party\n" + dash +
		"\n\nLao Word Break Dictionary Data (laodict.txt)\n lao terms\n" + dash +
		"\n\nBurmese Word Break Dictionary Data (burmesedict.txt)\n burmese terms\n" + dash + "\nOther\n"
	out, err := buildLicense([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"UNICODE LICENSE", "lao terms", "burmese terms"} {
		if !bytes.Contains(out, []byte(s)) {
			t.Errorf("licence lacks %q", s)
		}
	}
	if bytes.Contains(out, []byte("Other")) {
		t.Error("licence has an unwanted section")
	}
}
