// Reads citation files as reference managers do, with citation-js (BibLaTeX, RIS and CSL-JSON input), and
// formats each as an APA reference with citeproc-js (through @citation-js/plugin-csl). Prints one JSON object per
// file: { "file", "items" (CSL-JSON as read), "apa" }. Used by fr.tribunes.feed.CitationReadersTests.
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');
require('@citation-js/plugin-csl');
const fs = require('fs');

for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const cite = file.endsWith('.json')
    ? new Cite(JSON.parse(text))
    : new Cite(text, { forceType: file.endsWith('.bib') ? '@biblatex/text' : '@ris/file' });
  const apa = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim();
  console.log(JSON.stringify({ file, items: cite.data, apa }));
}
