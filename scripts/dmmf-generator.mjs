// A Prisma generator that writes the parsed schema (DMMF) as JSON to its `output` folder.
// server/migrations.test.ts uses it to compare schema.prisma with the migrated database without
// Prisma's schema engine. It speaks the generator protocol: JSON-RPC requests on stdin, one per
// line, and responses on stderr.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const respond = (message) => process.stderr.write(`${JSON.stringify(message)}\n`);

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line);
  if (request.method === 'getManifest') {
    respond({ jsonrpc: '2.0', id: request.id, result: { manifest: { prettyName: 'DMMF dump', defaultOutput: 'dmmf' } } });
  } else if (request.method === 'generate') {
    try {
      const out = request.params.generator.output.value;
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'dmmf.json'), JSON.stringify(request.params.dmmf.datamodel, null, 2));
      respond({ jsonrpc: '2.0', id: request.id, result: null });
    } catch (error) {
      respond({ jsonrpc: '2.0', id: request.id, error: { code: -32000, message: String(error), data: {} } });
    }
  }
});
