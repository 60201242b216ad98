import 'server-only';
import { z } from 'zod';
import { teacherExport, learnerExport, type ExportSet, type LearnerFormat, type TeacherFormat } from '@/lib/interop/export';
import type { ExportFile } from '@/lib/interop/portable';
import { idSchema, type Item } from '@/lib/questions/schema';
import { ownedAssignment } from './assignments';
import type { TeacherRef } from './auth';
import { getDb } from './db';
import { AppError, notFound, parseOrThrow } from './errors';
import { withheldFromSelfStudy } from './feedback';
import { loadItems, readerHref } from './items';
import type { LearnerRef } from './learners';

interface LiveSet {
  id: string;
  title: string;
  articleSlug: string;
  items: Item[];
}

async function liveSets(setIds?: readonly string[]): Promise<LiveSet[]> {
  const db = await getDb();
  const [sets, rows] = await Promise.all([
    db.questionSet.findMany({
      where: { retiredAt: null, ...(setIds ? { id: { in: [...setIds] } } : {}) },
      orderBy: [{ articleSlug: 'asc' }, { position: 'asc' }],
      select: { id: true, title: true, articleSlug: true },
    }),
    db.question.findMany({
      where: { retiredAt: null, ...(setIds ? { setId: { in: [...setIds] } } : {}) },
      orderBy: { position: 'asc' },
      select: { setId: true, data: true },
    }),
  ]);
  return sets.map((set) => ({ ...set, items: rows.filter((r) => r.setId === set.id).map((r) => JSON.parse(r.data) as Item) }));
}

/** The live sets without the items withheld from self-study while a Secure assignment is open. */
async function selfStudySets(setIds: readonly string[] | undefined, now: Date): Promise<LiveSet[]> {
  const [sets, withheld] = await Promise.all([liveSets(setIds), withheldFromSelfStudy(now)]);
  return sets.map((set) => ({ ...set, items: set.items.filter((item) => !withheld.has(item.id)) }));
}

/**
 * The one place that decides which items a learner may take away, keys included: every live item
 * of the self-study bank except those withheld from self-study (an open Secure assignment's).
 */
export async function exportableItemsForLearner(_learner: LearnerRef, setIds?: readonly string[], now = new Date()): Promise<LiveSet[]> {
  return selfStudySets(setIds, now);
}

const linkFor = (origin: string, articleSlug: string) => (itemId: string) => `${origin}${readerHref(articleSlug, itemId)}`;

/** The learner's flashcards of one set (or of every set) as an Anki deck, Anki text or Quizlet text. */
export async function learnerFlashcards(
  learner: LearnerRef,
  { format, setId, origin }: { format: LearnerFormat; setId?: string; origin: string },
  now = new Date(),
): Promise<ExportFile> {
  const id = setId === undefined ? undefined : parseOrThrow(idSchema, setId, ['set']);
  const sets = await exportableItemsForLearner(learner, id ? [id] : undefined, now);
  if (id && sets.length === 0) throw notFound(`Set "${id}"`);
  const exportSets: ExportSet[] = sets.map((s) => ({ setId: s.id, setTitle: s.title, items: s.items }));
  // Sets may come from different articles: each item links to its own.
  const articleOf = new Map(sets.flatMap((s) => s.items.map((i) => [i.id, s.articleSlug] as const)));
  const link = (itemId: string) => `${origin}${readerHref(articleOf.get(itemId) ?? '', itemId)}`;
  return learnerExport({ format, sets: exportSets, link, name: id ?? 'all-sets' }, now);
}

const itemIdsSchema = z.array(idSchema).max(500, { error: 'lists more than 500 items' });

/** A set's items (all, or the chosen ones in set order) for a teacher's learning platform. */
export async function teacherSetExport(
  _teacher: TeacherRef,
  { format, setId, chosen, origin }: { format: TeacherFormat; setId: string; chosen: readonly string[]; origin: string },
): Promise<ExportFile> {
  const id = parseOrThrow(idSchema, setId, ['id']);
  const ids = parseOrThrow(itemIdsSchema, chosen, ['item']);
  // Anyone can open a teacher account, so a set export holds back what self-study does.
  const [set] = await selfStudySets([id], new Date());
  if (!set) throw notFound(`Set "${id}"`);
  const known = new Set(set.items.map((i) => i.id));
  ids.forEach((itemId, index) => {
    if (!known.has(itemId))
      throw new AppError(
        'invalid_input',
        `item.${index}: "${itemId}" is not an item of set "${id}" that can be exported now (a Secure assignment may be holding it back)`,
        ['item', index],
      );
  });
  const items = ids.length ? set.items.filter((i) => ids.includes(i.id)) : set.items;
  return teacherExport({
    format,
    items,
    context: { setId: set.id, setTitle: set.title, link: linkFor(origin, set.articleSlug) },
    name: set.id,
  });
}

/** The items of one of this teacher's assignments, in the assignment's order. Another teacher's is a 404. */
export async function teacherAssignmentExport(
  teacher: TeacherRef,
  { format, assignmentId, origin }: { format: TeacherFormat; assignmentId: string; origin: string },
): Promise<ExportFile> {
  const assignment = await ownedAssignment(teacher, assignmentId);
  const itemIds = JSON.parse(assignment.itemIds) as string[];
  const stored = await loadItems(itemIds);
  const items = itemIds.flatMap((id) => {
    const s = stored.get(id);
    return s ? [s.item] : [];
  });
  return teacherExport({
    format,
    items,
    context: { setId: assignment.setId, setTitle: assignment.title, link: linkFor(origin, assignment.set.articleSlug) },
    name: assignment.title,
  });
}
