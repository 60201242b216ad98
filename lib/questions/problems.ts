import type { z } from 'zod';

/** One thing wrong with a content file, phrased for the author who has to fix it. */
export interface ContentProblem {
  file: string;
  /** `items[3] (tl-004)` when the problem is inside an item. */
  where: string | null;
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  return [problem.file, problem.where, problem.message].filter(Boolean).join(': ');
}

export function itemLocation(index: number, id: unknown): string {
  return typeof id === 'string' && id ? `items[${index}] (${id})` : `items[${index}]`;
}

type PathKey = PropertyKey;

function describePath(path: readonly PathKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? value.slice(0, 37) + '...' : value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Rewrites zod's issues in plain words, naming the item (by index and id) and the field. */
export function problemsFromZod(file: string, raw: unknown, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    let path: readonly PathKey[] = issue.path;
    let where: string | null = null;
    if (path[0] === 'items' && typeof path[1] === 'number') {
      const itemRaw = valueAt(raw, path.slice(0, 2)) as { id?: unknown } | undefined;
      where = itemLocation(path[1], itemRaw?.id);
      path = path.slice(2);
    }
    const field = describePath(path);
    const found = valueAt(raw, issue.path);
    let message: string;
    switch (issue.code) {
      case 'invalid_type':
        message =
          found === undefined
            ? `${field || 'value'} is missing`
            : `${field || 'value'} must be ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${typeName(found)}`;
        break;
      case 'unrecognized_keys':
        message = `${field ? field + ' has' : 'has'} unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
        break;
      default:
        message = field ? `${field} ${issue.message}` : issue.message;
    }
    return { file, where, message };
  });
}
