import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setFileJsonSchema } from './json-schema';

describe('questions/set.schema.json', () => {
  it('is the current JSON Schema of the zod schema (run npm run questions:schema after changing it)', () => {
    expect(fs.readFileSync('questions/set.schema.json', 'utf8')).toBe(setFileJsonSchema());
  });

  it('describes every item type', () => {
    const schema = JSON.parse(setFileJsonSchema());
    const types = JSON.stringify(schema);
    for (const type of ['single', 'multiple', 'truefalse', 'typed', 'numeric', 'ordering', 'matching', 'card']) {
      expect(types).toContain(`"const":"${type}"`);
    }
  });
});
