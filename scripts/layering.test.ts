import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// DESIGN.md's layering, proven: the lint config refuses each forbidden import.
const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import layers', () => {
  it('lib/ may not import server/, Next, React or Prisma', async () => {
    for (const source of ['@/server/db', 'next/link', 'react', '@prisma/client']) {
      expect(await ruleIds(`import x from '${source}';\nexport const y = x;\n`, 'lib/example.ts')).toContain('no-restricted-imports');
    }
    expect(await ruleIds(`import { z } from 'zod';\nexport const y = z;\n`, 'lib/example.ts')).toEqual([]);
  }, 60_000);

  it('components/ may not import server/', async () => {
    expect(await ruleIds(`import { listSets } from '@/server/sets';\nexport const y = listSets;\n`, 'components/example.tsx')).toContain(
      'no-restricted-imports',
    );
  }, 60_000);

  it('server/ may not import app/ or components/', async () => {
    expect(
      await ruleIds(`import 'server-only';\nimport x from '@/components/ui/card';\nexport const y = x;\n`, 'server/example.ts'),
    ).toContain('no-restricted-imports');
  }, 60_000);

  it('every server/ module starts with the server-only guard', () => {
    const files = fs
      .readdirSync('server', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('generated'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(fs.readFileSync(path.join('server', file), 'utf8').startsWith("import 'server-only';"), file).toBe(true);
    }
  });
});
