import { parse as parseYaml } from 'yaml';
import { problemsFromZod, type ContentProblem } from './problems';
import { setFileSchema, type SetFile } from './schema';

export type ParsedSet = { ok: true; set: SetFile } | { ok: false; problems: ContentProblem[] };

/** Parses one question-set YAML file; `file` is only used to name it in problems. */
export function parseSetFile(file: string, text: string): ParsedSet {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'unreadable YAML';
    return { ok: false, problems: [{ file, where: null, message: `is not valid YAML: ${message}` }] };
  }
  const result = setFileSchema.safeParse(raw);
  if (!result.success) return { ok: false, problems: problemsFromZod(file, raw, result.error) };
  return { ok: true, set: result.data };
}
