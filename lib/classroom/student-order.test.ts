import { describe, expect, it } from 'vitest';
import { sortStudents } from './student-order';

const row = (nickname: string, status: 'joined' | 'working' | 'retrying' | 'finished', score: number | null = null) => ({
  nickname,
  status,
  score,
});

const names = (rows: { nickname: string }[]) => rows.map((r) => r.nickname);

describe('the order of the report’s students', () => {
  const students = [
    row('Sam 10', 'finished', 3),
    row('bo', 'working'),
    row('Sam 2', 'retrying', 3),
    row('Ana', 'joined'),
    row('Cy', 'finished', 1),
    row('ana b', 'working'),
  ];

  it('by status goes the way a class moves: not started, working, retrying, finished; ties by name', () => {
    expect(names(sortStudents(students, 'status'))).toEqual(['Ana', 'ana b', 'bo', 'Sam 2', 'Cy', 'Sam 10']);
  });

  it('by name compares numbers as numbers and ignores case', () => {
    expect(names(sortStudents(students, 'nickname'))).toEqual(['Ana', 'ana b', 'bo', 'Cy', 'Sam 2', 'Sam 10']);
  });

  it('by score puts the highest first and students without a score last, ties by name', () => {
    expect(names(sortStudents(students, 'score'))).toEqual(['Sam 2', 'Sam 10', 'Cy', 'Ana', 'ana b', 'bo']);
  });

  it('leaves the rows it was given as they were', () => {
    const before = names(students);
    sortStudents(students, 'score');
    expect(names(students)).toEqual(before);
  });
});
