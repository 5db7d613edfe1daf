// extract.mjs prints, as one JSON object, the text that pdf.js, PDFium and
// MuPDF extract from each PDF named on the command line:
// {"file.pdf": {"pdfjs": "...", "pdfium": "...", "mupdf": "..."}}.
// Pages are separated by a newline. viewers_test.go runs it.
import { readFile } from "node:fs/promises";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { PDFiumLibrary } from "@hyzyla/pdfium";
import * as mupdf from "mupdf";

// pdf.js: getTextContent, as Firefox's find bar and text layer read it
// (pdf_viewer.mjs asks for it with disableNormalization). Its copy handler
// then applies NFKC to a fixed set of characters, Lao SARA AM among them,
// whatever the PDF says; that step is left out here.
async function withPdfjs(data) {
  const doc = await pdfjs.getDocument({ data, disableFontFace: true, verbosity: 0 }).promise;
  const out = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tc = await page.getTextContent({ disableNormalization: true });
    out.push(tc.items.map((it) => it.str + (it.hasEOL ? "\n" : "")).join(""));
  }
  await doc.destroy();
  return out.join("\n");
}

// PDFium: FPDFText_GetText over each page, as Chrome's viewer copies.
function withPdfium(lib) {
  return async (data) => {
    const doc = await lib.loadDocument(data);
    const out = [];
    for (const page of doc.pages()) out.push(page.getText());
    doc.destroy();
    return out.join("\n");
  };
}

// MuPDF: structured text of each page, as mutool draw -F txt gives it.
async function withMupdf(data) {
  const doc = mupdf.Document.openDocument(data, "application/pdf");
  const out = [];
  for (let i = 0; i < doc.countPages(); i++) {
    out.push(doc.loadPage(i).toStructuredText("preserve-whitespace").asText());
  }
  return out.join("\n");
}

const lib = await PDFiumLibrary.init();
const clients = { pdfjs: withPdfjs, pdfium: withPdfium(lib), mupdf: withMupdf };
const result = {};
for (const file of process.argv.slice(2)) {
  result[file] = {};
  for (const [name, extract] of Object.entries(clients)) {
    const data = new Uint8Array(await readFile(file));
    try {
      result[file][name] = await extract(data);
    } catch (e) {
      result[file][name] = null;
      result[file][name + "_error"] = String(e);
    }
  }
}
lib.destroy();
process.stdout.write(JSON.stringify(result));
