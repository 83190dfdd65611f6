import { z } from 'zod';
import { DatasetSchema } from './schema';

/** The published JSON Schema (public/data/meetings.schema.json) is generated from the zod schema, never edited by hand. */
export function datasetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DatasetSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://parley.example/meetings.schema.json',
    title: 'Parley meetings dataset',
    description: 'Diplomatic contacts with participants, dates at stated precision, topics and verbatim evidence. Cross-record rules (unique ids, references, verbatim quotes) are checked by `npm run validate:data`.',
  };
}
