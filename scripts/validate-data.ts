import { readFileSync, writeFileSync } from 'node:fs';
import { parseDatasetText, formatIssue } from '../src/domain/validate';
import { datasetJsonSchema } from '../src/domain/jsonSchema';
import { decodeBytes } from '../src/domain/import/decode';

// Usage: tsx scripts/validate-data.ts <file.json> [--write-schema <out.json>]
const args = process.argv.slice(2);
const file = args[0];
if (!file) {
  console.error('usage: validate-data <dataset.json> [--write-schema <schema.json>]');
  process.exit(2);
}
const schemaAt = args.indexOf('--write-schema');
if (schemaAt >= 0) {
  const out = args[schemaAt + 1] ?? 'public/data/meetings.schema.json';
  writeFileSync(out, JSON.stringify(datasetJsonSchema(), null, 2) + '\n');
  console.log(`wrote ${out}`);
}
// Decoded exactly as the app decodes a file or a `?data=` link: by byte-order mark (UTF-8 or UTF-16), else strict UTF-8.
const decoded = decodeBytes(readFileSync(file));
if (!decoded.ok) {
  console.error(`${file}: ${decoded.message}`);
  process.exit(1);
}
const result = parseDatasetText(decoded.text);
if (!result.ok) {
  console.error(`${file}: ${result.total} problem(s)${result.total > result.issues.length ? `, the first ${result.issues.length} listed` : ''}`);
  for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
if (result.warningTotal) {
  console.warn(`${file}: ${result.warningTotal} warning(s)${result.warningTotal > result.warnings.length ? `, the first ${result.warnings.length} listed` : ''}`);
  for (const warning of result.warnings) console.warn(`  warning: ${formatIssue(warning)}`);
}
const { meetings, actors, sources, topics } = result.dataset;
console.log(`${file}: valid — ${meetings.length} meetings, ${actors.length} actors, ${topics.length} topics, ${sources.length} sources`);
