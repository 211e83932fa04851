// The methodology file of a dataset (DOMAIN.md §6: "a methodology page … goes with it"): what
// each column means and its HXL hashtag, the disclosure rules applied, how releases work and how
// to check one against the log. Markdown, generated from the dataset's own definition so that
// it cannot drift from the columns actually published.
import type { DatasetDefinition } from './dataset-definition.ts';
import { formatsOf } from './open-data.formats.ts';

// Markdown table cells: a pipe would split the cell.
const cell = (text: string) => text.replaceAll('|', '\\|');

/** The methodology file of `definition`. */
export function methodologyOf(definition: DatasetDefinition): string {
  const { name } = definition;
  const lines = [
    `# ${definition.title} (\`${name}\`)`,
    '',
    `Methodology version ${definition.methodologyVersion}.`,
    '',
    '## Columns',
    '',
    'The CSV has a header row, then an HXL 1.1 hashtag row, then the data.',
    '',
    '| Column | HXL | Meaning |',
    '|---|---|---|',
    ...definition.columns.map((c) => `| ${c.name} | ${c.hxl} | ${cell(c.meaning)} |`),
    '',
    '## Disclosure rules',
    '',
    ...definition.rules.map((rule) => `- ${rule}`),
    '- "<5" (or "<10") marks a count below the threshold; "x" marks a count hidden so that a suppressed one cannot be worked out from totals.',
    '- Nothing here names a person, a source, a plate or a document.',
    '',
    '## Releases',
    '',
    `- Formats: ${formatsOf(definition).join(', ')}; \`/open-data/${name}/VERSION.FORMAT\`.`,
    '- A release is made once, from the records as they were at its time, and never changes: its rows are stored as published.',
    '- Each release is a public entry of the transparency log (kind `open_data.release`) with the SHA-256 of each format; the catalogue (`/api/v1/open-data`) gives its log index.',
    `- Each release's C2SP tlog-proof is at \`/open-data/${name}/VERSION/proof\`: \`vigil verify proof FILE --key LOG-KEY\` checks it offline, and the hashes in the entry it proves are those of the files.`,
    `- Each correction is a public entry too (kind \`open_data.correction\`); the corrections log gives its log index and its proof, \`/open-data/${name}/corrections/LOG-INDEX/proof\`.`,
    '- `vigil verify log --full --public-items DIR` re-derives every release and correction from the log alone.',
    `- A release found wrong is never edited: a correction (\`/open-data/${name}/corrections\`) names it and what changed.`,
    '- Public ids are new in every release: do not join releases on them.',
    '',
  ];
  return lines.join('\n');
}
