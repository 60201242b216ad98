// npm run questions:schema — rewrites questions/set.schema.json from the zod schema.
import fs from 'node:fs';
import { setFileJsonSchema } from '@/lib/questions/json-schema';

fs.writeFileSync('questions/set.schema.json', setFileJsonSchema());
console.log('Wrote questions/set.schema.json');
