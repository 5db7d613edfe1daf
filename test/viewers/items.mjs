// items.mjs prints, as one JSON object, where pdf.js places the text items
// of each PDF named on the command line, page by page, as Firefox's text
// layer and find bar use them: {"file.pdf": [[{"s", "x", "y", "w"}, ...], ...]}
// with x and y the item's origin on its baseline and w its width, in PDF
// points. findbar_test.go runs it.
import { readFile } from "node:fs/promises";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

const result = {};
for (const file of process.argv.slice(2)) {
  const data = new Uint8Array(await readFile(file));
  const doc = await pdfjs.getDocument({ data, disableFontFace: true, verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tc = await page.getTextContent({ disableNormalization: true });
    pages.push(tc.items.filter((it) => it.str !== undefined)
      .map((it) => ({ s: it.str, x: it.transform[4], y: it.transform[5], w: it.width })));
  }
  await doc.destroy();
  result[file] = pages;
}
process.stdout.write(JSON.stringify(result));
