import { describe, expect, it } from 'vitest';
import { settingChangeEffects, type ChangeableSettings } from './setting-effects';

const NOW = new Date('2026-03-10T12:00:00Z');
const PAST = new Date('2026-03-10T11:00:00Z');
const FUTURE = new Date('2026-03-11T12:00:00Z');
const held: ChangeableSettings = { reveal: 'never', lateWork: 'accept', dueAt: FUTURE };

describe('settingChangeEffects', () => {
  it('says that revealing now shows the submitted students their answers, and hiding takes them back', () => {
    const work = { submitted: 4, inProgress: 1 };
    expect(settingChangeEffects(held, { ...held, reveal: 'after_submit' }, work, NOW)).toEqual([
      '4 students have submitted; revealing now shows them their scores and the correct answers.',
    ]);
    expect(settingChangeEffects({ ...held, reveal: 'immediately' }, held, work, NOW)).toEqual([
      '4 students have submitted; their scores and the correct answers are hidden again (they may have seen them already).',
      '1 student has a quiz in progress; they no longer see how each answer went until the answers are revealed.',
    ]);
    // After the due date only once it has passed.
    expect(settingChangeEffects(held, { ...held, reveal: 'after_due' }, work, NOW)).toEqual([]);
    expect(settingChangeEffects(held, { ...held, reveal: 'after_due', dueAt: PAST }, work, NOW)).toContain(
      '4 students have submitted; revealing now shows them their scores and the correct answers.',
    );
  });

  it('says when a due date moved into the past stops work in progress, or marks it late', () => {
    const work = { submitted: 0, inProgress: 2 };
    expect(settingChangeEffects(held, { ...held, lateWork: 'refuse', dueAt: PAST }, work, NOW)).toEqual([
      'The due date has passed and late work is refused: 2 students with a quiz in progress cannot answer any more, and nobody new can join.',
    ]);
    expect(settingChangeEffects(held, { ...held, dueAt: PAST }, work, NOW)).toEqual([
      'The due date has passed: answers given from now on are marked late.',
    ]);
    expect(settingChangeEffects({ ...held, lateWork: 'refuse', dueAt: PAST }, { ...held, dueAt: PAST }, work, NOW)).toEqual([
      'Students can join and answer again; answers given from now on are marked late.',
    ]);
  });

  it('says nothing when nobody is affected, and that handed-in work keeps its late mark', () => {
    expect(settingChangeEffects(held, { ...held, reveal: 'immediately' }, { submitted: 0, inProgress: 0 }, NOW)).toEqual([]);
    expect(settingChangeEffects(held, { ...held, dueAt: null }, { submitted: 1, inProgress: 0 }, NOW)).toEqual([
      'Work already handed in keeps its on-time or late mark.',
    ]);
  });
});
