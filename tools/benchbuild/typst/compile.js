// Compiles one Typst file to PDF with the Typst compiler that
// @myriaddreamin/typst-ts-node-compiler embeds, for tools/benchbuild's
// comparison: node compile.js IN.typ OUT.pdf FONTDIR. The whole process is
// timed, node's start and the addon's load included, as briefs' is.
'use strict';
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [input, output, fonts] = process.argv.slice(2);
if (!input || !output || !fonts) {
  console.error('usage: node compile.js IN.typ OUT.pdf FONTDIR');
  process.exit(2);
}
const compiler = NodeCompiler.create({
  workspace: path.dirname(path.resolve(input)),
  fontArgs: [{ fontPaths: [path.resolve(fonts)] }],
});
try {
  fs.writeFileSync(output, compiler.pdf({ mainFilePath: path.resolve(input) }));
} catch (err) {
  console.error(String(err));
  process.exit(1);
}
