import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { syncContent } from './content-sync';
import { getDb } from './db';
import { createLearner } from './learners';
import { getAttemptWithResults, startAttempt, submitAttempt } from './quizzes';
import { useTemporaryDatabase } from './test-database';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('./owned-attempt', async (importOriginal) => {
  const real = await importOriginal<typeof import('./owned-attempt')>();
  return {
    ...real,
    ownedAttempt: (...args: Parameters<typeof real.ownedAttempt>) => {
      reads.count += 1;
      return real.ownedAttempt(...args);
    },
  };
});

let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ cleanup } = await useTemporaryDatabase());
  await syncContent(await getDb(), readContent(questionsDir()));
});
afterEach(() => cleanup());

it('gives the quiz page a submitted attempt and its results from one read of the attempt', async () => {
  const learner = (await createLearner()).learner;
  const { attemptId } = await startAttempt(learner, { setId: 'timeline' });
  await submitAttempt(learner, attemptId);
  reads.count = 0;
  const { results } = await getAttemptWithResults(learner, attemptId);
  expect(results).not.toBeNull();
  expect(reads.count).toBe(1);
});
