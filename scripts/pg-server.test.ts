import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPgServer } from './pg-server';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startPgServer', () => {
  it('starts a PostgreSQL 15+ server that answers, makes databases, then stops and leaves no folder', async () => {
    const server = await startPgServer();
    try {
      expect(server.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      expect(await query(server.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      const [version] = (await query(server.url, 'show server_version_num')) as { server_version_num: string }[];
      expect(Number(version?.server_version_num)).toBeGreaterThanOrEqual(150000);
      const other = await server.createDatabase('passage_probe');
      expect(await query(other, 'select current_database() as name')).toEqual([{ name: 'passage_probe' }]);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(server.dir)).toBe(false);
    await expect(query(server.url, 'select 1')).rejects.toThrow();
  }, 60_000);

  it('stops the server and removes its folder when the process that started it dies of an error', () => {
    const script = `import { startPgServer } from ${JSON.stringify(path.resolve('scripts/pg-server.ts'))};
const server = await startPgServer();
console.log(JSON.stringify({ dir: server.dir, url: server.url }));
throw new Error('the caller failed');`;
    const child = spawnSync('npx', ['tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status).not.toBe(0);
    expect(child.stderr).toContain('the caller failed');
    const { dir } = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { dir: string; url: string };
    expect(fs.existsSync(dir)).toBe(false);
    const postmasters = spawnSync('pgrep', ['-f', `postgres -D ${dir}`], { encoding: 'utf8' });
    expect(postmasters.stdout.trim()).toBe('');
  }, 60_000);
});
