import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-import-'));
  fs.cpSync(path.resolve('questions'), path.join(dir, 'questions'), { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, ...args: string[]) {
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', `scripts/${script}.ts`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PASSAGE_QUESTIONS_DIR: path.join(dir, 'questions') },
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const GIFT = `$CATEGORY: $course$/top/Imported quiz

::q1::Which Russian ministry announced on 21 March that Russia would stop the peace treaty talks with Japan? {=Foreign Affairs ~Internal Affairs ~Economic Affairs ####Announced by Russia's Ministry of Foreign Affairs.}

::q2::Bananas are a kind of berry. {TRUE ####Botany.}
`;

describe('npm run questions:import', () => {
  it('refuses bad flags with a message naming the flag', () => {
    const file = write('a.gift', GIFT);
    expect(run('questions-import', file, '--article', 'kuril-talks')).toMatchObject({ code: 2, out: expect.stringContaining('--set') });
    expect(run('questions-import', file, '--article', 'kuril-talks', '--set', 'Bad Id')).toMatchObject({
      code: 2,
      out: expect.stringContaining('--set must use lowercase'),
    });
    expect(run('questions-import', file, '--article', 'kuril-talks', '--set', 'x', '--format', 'docx')).toMatchObject({
      code: 2,
      out: expect.stringContaining('--format must be one of gift, moodle, aiken, csv'),
    });
    expect(run('questions-import', file, '--article', 'kuril-talks', '--set', 'x', '--colour')).toMatchObject({
      code: 2,
      out: expect.stringContaining("Unknown option '--colour'"),
    });
    expect(run('questions-import', file, '--article', 'nowhere', '--set', 'x')).toMatchObject({
      code: 2,
      out: expect.stringContaining('--article "nowhere"'),
    });
    expect(run('questions-import', file, '--article', 'kuril-talks', '--set', 'timeline')).toMatchObject({
      code: 2,
      out: expect.stringContaining('already exists'),
    });
  }, 120_000);

  it('stops a malformed GIFT file at its line and column, writing nothing', () => {
    const file = write('broken.gift', 'Fine? {TRUE}\n\nBroken {=a ~b\n');
    const { code, out } = run('questions-import', file, '--article', 'kuril-talks', '--set', 'broken');
    expect(code).toBe(1);
    expect(out).toMatch(/broken\.gift: line 4, column \d+: /);
    expect(fs.existsSync(path.join(dir, 'questions/kuril-talks/broken.yaml'))).toBe(false);
  }, 60_000);

  it('writes a grounded set and questions:check names the item it could not ground', () => {
    const file = write('a.gift', GIFT);
    const imported = run('questions-import', file, '--article', 'kuril-talks', '--set', 'imported');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Wrote 2 items to .*imported\.yaml \(gift\)/);
    expect(imported.out).toMatch(/imported-[0-9a-f]{6} \(truefalse\) is UNGROUNDED/);
    const yaml = fs.readFileSync(path.join(dir, 'questions/kuril-talks/imported.yaml'), 'utf8');
    expect(yaml).toContain('title: Imported quiz');
    expect(yaml).toContain(
      'source: On 21 March, Russia’s Ministry of Foreign Affairs announced that it does not intend to continue talks with Japan about concluding a peace treaty.',
    );
    const check = run('questions-check', '--quiet');
    expect(check.code).toBe(1);
    const failures = check.out.split('\n').filter((line) => line.startsWith('✗'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/imported\.yaml: items\[1\] \(imported-[0-9a-f]{6}\): source is not a verbatim quote .*"UNGROUNDED: /);
  }, 120_000);

  it('names the writing rules an imported item breaks as soon as it is written', () => {
    const file = write('rules.gift', '::r::Which ministry did NOT announce it? {=Foreign Affairs ~War ~Tax ####Because.}\n');
    const { code, out } = run('questions-import', file, '--article', 'kuril-talks', '--set', 'rules');
    expect(code).toBe(0);
    expect(out).toMatch(
      /✗ .*rules\.yaml: items\[0\] \(rules-[0-9a-f]{6}\): the key \(15 characters\) is more than 1\.5× as long as the longest distractor/,
    );
  }, 60_000);
});
