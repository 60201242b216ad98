import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeacherRef } from './auth';
import { AppError, notFound } from './errors';
import { ANONYMOUS_LEARNER, type LearnerRef } from './learners';

const who = vi.hoisted(() => ({ learner: null as LearnerRef | null, teacher: null as TeacherRef | null }));
const learnerForWrite = vi.hoisted(() => vi.fn());
vi.mock('./session', () => ({ currentLearner: async () => who.learner, learnerOfRequest: async () => who.learner, learnerForWrite }));
vi.mock('./auth', () => ({ currentTeacher: async () => who.teacher }));

const { learnerAction, learnerRoute, teacherAction, teacherRoute, visitorRoute, writerRoute } = await import('./callers');

const ana: LearnerRef = { ...ANONYMOUS_LEARNER, id: 'learner-ana' };
const owner: TeacherRef = { id: 'teacher-1', name: 'Ms Owner', email: 'owner@school.org' };
type Ctx = { params: Promise<{ id: string }> };
const context: Ctx = { params: Promise.resolve({ id: 'thing-1' }) };
const get = () => new Request('http://localhost/api/v1/thing', { method: 'GET' });

beforeEach(() => {
  who.learner = null;
  who.teacher = null;
  learnerForWrite.mockReset();
});

describe('route wrappers', () => {
  it('hand a learner route the learner and the awaited params, and answer missing() when there is none', async () => {
    const route = learnerRoute<Ctx>(
      () => notFound('That thing'),
      async ({ params, learner }) => Response.json({ id: params.id, learner: learner.id }),
    );
    const refused = await route(get(), context);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: { code: 'not_found', message: 'That thing was not found.', path: [] } });
    who.learner = ana;
    expect(await (await route(get(), context)).json()).toEqual({ id: 'thing-1', learner: 'learner-ana' });
  });

  it('give a visitor the defaults, and a writer a learner created only when the use case asks', async () => {
    const visitor = visitorRoute<Ctx>(async ({ learner }) => Response.json(learner));
    expect(await (await visitor(get(), context)).json()).toEqual(ANONYMOUS_LEARNER);
    const writer = writerRoute<Ctx>(async ({ learner }) => Response.json({ deferred: typeof learner === 'function' }));
    expect(await (await writer(get(), context)).json()).toEqual({ deferred: true });
    expect(learnerForWrite).not.toHaveBeenCalled();
    who.learner = ana;
    expect(await (await writer(get(), context)).json()).toEqual({ deferred: false });
  });

  it('refuse a teacher route without a teacher with the route’s own answer', async () => {
    const route = teacherRoute<Ctx>(
      () => new AppError('unauthorized', 'Sign in as a teacher.'),
      async ({ teacher }) => Response.json({ teacher: teacher.id }),
    );
    expect((await route(get(), context)).status).toBe(401);
    who.teacher = owner;
    expect(await (await route(get(), context)).json()).toEqual({ teacher: 'teacher-1' });
  });
});

describe('action wrappers', () => {
  it('run a learner action with the learner, or its missing answer without one', async () => {
    const action = learnerAction(
      async (word: string) => `no learner: ${word}`,
      async (learner, word: string) => `${learner.id}: ${word}`,
    );
    expect(await action('hi')).toBe('no learner: hi');
    who.learner = ana;
    expect(await action('hi')).toBe('learner-ana: hi');
  });

  it('send a teacher action without a teacher to sign in', async () => {
    const action = teacherAction(async (teacher, word: string) => `${teacher.name}: ${word}`);
    await expect(action('hi')).rejects.toMatchObject({ digest: expect.stringContaining('/teach/sign-in') });
    who.teacher = owner;
    expect(await action('hi')).toBe('Ms Owner: hi');
  });
});
