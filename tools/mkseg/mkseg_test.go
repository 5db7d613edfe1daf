package main

import (
	"strings"
	"testing"
	"unicode"
)

func TestAlignAndMark(t *testing.T) {
	// TALPCo's tokens leave out the text's spaces; NFC puts dot below
	// before asat in both.
	words, ok := align("ကျောင်းပိတ် တယ်။", []string{"ကျောင်း", "ပိတ်", "တယ်", "။"})
	if !ok {
		t.Fatal("align failed")
	}
	got := mark(words, unicode.Myanmar)
	if want := "ကျောင်း\u200bပိတ် တယ်။"; got != want {
		t.Errorf("mark = %q, want %q", got, want)
	}
	if _, ok := align("ကျောင်း", []string{"ကျောင်", "x"}); ok {
		t.Error("align accepted tokens that do not spell the text")
	}
	if got := mark(strings.Split("Eucerin| |ใช้|แล้ว", "|"), unicode.Thai); got != "Eucerin ใช้\u200bแล้ว" {
		t.Errorf("mark = %q", got)
	}
}
