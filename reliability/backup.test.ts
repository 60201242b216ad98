// Backups under load: `db:backup` of the live database while students answer; the copy passes
// its integrity check and holds every answer acknowledged before the backup started. `db:restore`
// refuses to replace the database of a running server (and leaves it untouched), and restores the
// copy to another path once the server is stopped.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReviewConsistency, checkRun } from './checks';
import { setUpQuizClassroom } from './classroom-fixture';
import { newStats, runStudent, type StudentResult } from './students';
import { mapLimit } from '@/lib/collections/map-limit';
import { integrityCheck, openReadonly, tableChecksums } from './support';

const STUDENTS = 40;
const QUESTIONS = 20;
const IN_FLIGHT = 32;
const ROOT = path.resolve(import.meta.dirname, '..');

const classroom = setUpQuizClassroom('backup', 'Backed up', QUESTIONS);

/** Runs a command-line script (npx tsx) on `databaseFile`, without blocking this process. */
function runScript(script: string, args: string[], databaseFile: string): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', '--conditions=react-server', script, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

describe('backup and restore', () => {
  it('backs up the live database under load, and refuses to restore under a running server', async () => {
    const total = STUDENTS * QUESTIONS;
    const copy = path.join(classroom.database.dir, 'backups', 'copy.db');
    const stats = newStats();
    const ctx = { url: classroom.server.url, stats };
    let acked = 0;
    let backupStartedAt = Number.POSITIVE_INFINITY;
    let backupEndedAt = Number.POSITIVE_INFINITY;
    let backup: Promise<{ code: number | null; output: string; ms: number }> | undefined;
    const started = Date.now();

    const load = mapLimit(
      Array.from({ length: STUDENTS }, (_, i) => i),
      IN_FLIGHT,
      (index) =>
        runStudent(ctx, {
          index,
          code: classroom.assignment.code,
          keys: classroom.keys,
          tag: 'backup',
          onAck: () => {
            acked++;
            // A third of the way through, the backup starts while the answers keep coming.
            if (!backup && acked >= total / 3) {
              backupStartedAt = Date.now();
              backup = runScript('scripts/db-backup.ts', [copy], classroom.database.file).finally(() => {
                backupEndedAt = Date.now();
              });
            }
          },
        }),
    );
    const results: StudentResult[] = await load;
    expect(backup).toBeDefined();
    const backedUp = await backup!;
    const seconds = (Date.now() - started) / 1000;

    const answered = results.flatMap((s) =>
      s.answers.filter((a) => a.ackedAt !== null).map((a) => ({ attemptId: s.attemptId!, answerId: a.answerId, ackedAt: a.ackedAt! })),
    );
    const before = answered.filter((a) => a.ackedAt < backupStartedAt);
    const during = answered.filter((a) => a.ackedAt >= backupStartedAt && a.ackedAt <= backupEndedAt);
    const after = answered.filter((a) => a.ackedAt > backupEndedAt);
    console.log(
      `[backup] ${answered.length} answers in ${seconds.toFixed(1)} s (${(answered.length / seconds).toFixed(1)} answers/s); backup took ${backedUp.ms} ms ` +
        `(exit ${backedUp.code}): ${before.length} answers acknowledged before it started, ${during.length} while it ran, ${after.length} after`,
    );

    // The load itself went through.
    expect(stats.serverErrors).toEqual([]);
    expect(stats.networkErrors).toBe(0);
    expect(results.filter((s) => s.failure).map((s) => `${s.nickname}: ${s.failure}`)).toEqual([]);
    expect(answered).toHaveLength(total);
    expect(checkRun(classroom.database.file, results).problems).toEqual([]);
    expect(after.length).toBeGreaterThan(0);

    // The backup: exit 0, a copy that passes its integrity check and holds every answer
    // acknowledged before it started, each with its review log.
    expect(backedUp.code, backedUp.output).toBe(0);
    expect(backedUp.output).toMatch(/integrity check ok/);
    expect(integrityCheck(copy)).toBe('ok');
    const inCopy = openReadonly(copy);
    let found: Set<string>;
    try {
      found = new Set(
        (inCopy.prepare('SELECT attemptId, answerId FROM QuizResponse').all() as { attemptId: string; answerId: string }[]).map(
          (r) => `${r.attemptId}/${r.answerId}`,
        ),
      );
    } finally {
      inCopy.close();
    }
    expect(before.filter((a) => !found.has(`${a.attemptId}/${a.answerId}`)).map((a) => `${a.attemptId}/${a.answerId}`)).toEqual([]);
    expect(checkReviewConsistency(copy)).toEqual([]);
    console.log(
      `[backup] the copy holds ${found.size} answers: all ${before.length} acknowledged before the backup started, ${during.filter((a) => found.has(`${a.attemptId}/${a.answerId}`)).length} of the ${during.length} acknowledged while it ran`,
    );

    // Restoring over the live database while the server runs: refused, nothing changed.
    const liveBefore = tableChecksums(classroom.database.file);
    const refused = await runScript('scripts/db-restore.ts', [copy], classroom.database.file);
    console.log(`[backup] restore onto the running server's database: exit ${refused.code}: ${refused.output.trim().split('\n').at(-1)}`);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/stop it before restoring/);
    expect(tableChecksums(classroom.database.file)).toEqual(liveBefore);
    expect(fs.readdirSync(classroom.database.dir).filter((f) => f.includes('before-restore'))).toEqual([]);

    // With the server stopped, the copy restores to another path, byte for byte in every table.
    await classroom.server.stop();
    const targetDir = path.join(classroom.database.dir, 'restored');
    fs.mkdirSync(targetDir, { recursive: true });
    const target = path.join(targetDir, 'passage.db');
    const restored = await runScript('scripts/db-restore.ts', [copy], target);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toMatch(/Restored/);
    expect(integrityCheck(target)).toBe('ok');
    expect(tableChecksums(target)).toEqual(tableChecksums(copy));
  });
});
