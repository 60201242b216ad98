import { afterAll, beforeAll } from 'vitest';
import type { TeacherRef } from '@/server/auth';
import { disconnectDb } from '@/server/db';
import type { Item } from '@/lib/questions/schema';
import { startServer, type TestServer } from './server';
import { createQuizAssignment, createTeacher, loadKeys, prepareDatabase, type QuizAssignment, type TestDatabase } from './support';

export interface QuizClassroom {
  database: TestDatabase;
  server: TestServer;
  teacher: TeacherRef;
  assignment: QuizAssignment;
  keys: Map<string, Item>;
}

/**
 * Registers the set-up every load test shares: a fresh database, a teacher with a quiz
 * assignment of `questions` items, the answer keys, and a production server on that database;
 * all stopped and removed after the file's tests. The fields are filled in before the tests run.
 */
export function setUpQuizClassroom(
  name: string,
  title: string,
  questions: number,
  options: { releaseTestConnection?: boolean } = {},
): QuizClassroom {
  const classroom = {} as QuizClassroom;
  beforeAll(async () => {
    classroom.database = await prepareDatabase();
    classroom.teacher = await createTeacher(name);
    classroom.assignment = await createQuizAssignment(classroom.teacher, title, { count: questions });
    classroom.keys = await loadKeys();
    // The checks read the file directly; the test's own connection would only compete for locks.
    if (options.releaseTestConnection) await disconnectDb();
    classroom.server = await startServer({ databaseFile: classroom.database.file });
  });
  afterAll(async () => {
    await classroom.server?.stop();
    await classroom.database?.cleanup();
  });
  return classroom;
}
