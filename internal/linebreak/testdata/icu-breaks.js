#!/usr/bin/env node
// Prints, for each line of a UTF-8 file, the word boundaries ICU finds
// strictly inside runs of Thai, Lao, Khmer or Myanmar letters and marks
// (the runs UAX #14 gives class SA), as UTF-8 byte offsets separated by
// spaces, one output line per input line. A boundary before a mark is
// left out: no line may start with one.
//
//   node icu-breaks.js FILE
//
// It uses Intl.Segmenter with word granularity, which is ICU's word break
// iterator (UAX #29 plus ICU's dictionary engines for these scripts);
// node must carry full ICU (process.config.variables.icu_small false).
'use strict';
const fs = require('fs');

if (process.argv.length !== 3) {
  process.stderr.write('usage: node icu-breaks.js FILE\n');
  process.exit(2);
}
if (typeof Intl.Segmenter !== 'function' || process.config.variables.icu_small) {
  process.stderr.write('icu-breaks.js: this node lacks full ICU\n');
  process.exit(3);
}

const sa = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const letterOrMark = /[\p{L}\p{M}]/u;
const mark = /\p{M}/u;
const isSA = (c) => sa.test(c) && letterOrMark.test(c);
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

function boundaries(line) {
  const chars = Array.from(line);
  // Byte offset and code-unit offset of each character.
  const byteAt = new Map();
  let u16 = 0, u8 = 0;
  const at16 = [];
  for (const c of chars) {
    byteAt.set(u16, u8);
    at16.push(u16);
    u16 += c.length;
    u8 += Buffer.byteLength(c);
  }
  const charAt = new Map(at16.map((o, i) => [o, i]));
  const out = [];
  for (const { index } of segmenter.segment(line)) {
    const i = charAt.get(index);
    if (!i) continue; // the start of the line, or not on a character
    if (isSA(chars[i - 1]) && isSA(chars[i]) && !mark.test(chars[i])) {
      out.push(byteAt.get(index));
    }
  }
  return out;
}

const text = fs.readFileSync(process.argv[2], 'utf8');
const lines = text.split('\n');
if (lines[lines.length - 1] === '') lines.pop();
process.stdout.write(lines.map((l) => boundaries(l.replace(/\r$/, '')).join(' ')).join('\n') + '\n');
