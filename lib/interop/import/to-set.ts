import { createHash } from 'node:crypto';
import { Document, isMap, isSeq } from 'yaml';
import type { Paragraph } from '../../article/parse';
import type { DraftItem, ReadResult } from './draft';
import { groundingIndex, type Grounding } from './grounding';

/** The prefix an ungrounded source carries: it is no quote from the article, so `questions:check` names the item and start-up refuses it. */
export const UNGROUNDED = 'UNGROUNDED: ';

export interface ImportSetOptions {
  setId: string;
  title: string | null;
  description: string;
  paragraphs: readonly Paragraph[];
  /** Item ids already used anywhere in the bank; new ids avoid them. */
  takenIds: ReadonlySet<string>;
}

export interface ImportedItemReport {
  id: string;
  type: DraftItem['type'];
  prompt: string;
  grounding: Grounding;
  missingExplanation: boolean;
}

/**
 * A stable id for an imported item: the set id and six hex digits of a hash of its type and
 * prompt, so importing the same file again gives the same ids (and keeps learners' progress).
 */
function stableId(setId: string, draft: DraftItem, taken: Set<string>): string {
  const digest = createHash('sha1').update(`${draft.type}\n${draft.prompt}`).digest('hex');
  const stem = `${setId.slice(0, 48).replace(/-$/, '')}-${digest.slice(0, 6)}`;
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

function keyFields(draft: DraftItem): Record<string, unknown> {
  switch (draft.type) {
    case 'single':
    case 'multiple':
      return { options: draft.options, answer: draft.answer };
    case 'truefalse':
      return { answer: draft.answer };
    case 'typed':
      return { answer: draft.answer, ...(draft.accept?.length ? { accept: draft.accept } : {}) };
    case 'numeric':
      return {
        answer: draft.answer,
        ...(draft.tolerance ? { tolerance: draft.tolerance } : {}),
        ...(draft.unit ? { unit: draft.unit } : {}),
      };
    case 'ordering':
      return { order: draft.order };
    case 'matching':
      return { pairs: draft.pairs };
    case 'card':
      return { back: draft.back };
  }
}

/** A question-set YAML file in the hand-written schema, with a grounded source for every item it could ground. */
export function importedSetYaml(read: ReadResult, options: ImportSetOptions): { yaml: string; items: ImportedItemReport[] } {
  const ground = groundingIndex(options.paragraphs);
  const taken = new Set(options.takenIds);
  const reports: ImportedItemReport[] = [];
  const items = read.items.map((draft) => {
    const id = stableId(options.setId, draft, taken);
    const grounding = ground(draft);
    reports.push({ id, type: draft.type, prompt: draft.prompt, grounding, missingExplanation: !draft.explanation });
    return {
      id,
      type: draft.type,
      prompt: draft.prompt,
      ...keyFields(draft),
      explanation: draft.explanation,
      source: grounding.grounded ? grounding.source : `${UNGROUNDED}${grounding.source}`,
      ...(draft.tags?.length ? { tags: draft.tags } : {}),
    };
  });
  const doc = new Document({ id: options.setId, title: options.title ?? options.setId, description: options.description, items });
  doc.commentBefore = ' yaml-language-server: $schema=../set.schema.json';
  const seq = doc.get('items');
  if (isSeq(seq)) {
    seq.items.forEach((node, i) => {
      const report = reports[i]!;
      if (!isMap(node)) return;
      node.spaceBefore = i > 0;
      const notes: string[] = [];
      if (!report.grounding.grounded) {
        notes.push(' UNGROUNDED: no sentence of the article matched well enough; replace `source` with a verbatim quote.');
        for (const c of report.grounding.candidates)
          notes.push(`   candidate p-${c.paragraph} (similarity ${c.score}): ${c.text.slice(0, 140)}`);
      } else if (report.grounding.how === 'similarity') {
        notes.push(
          ` source found by similarity ${report.grounding.score} (p-${report.grounding.candidates[0]?.paragraph}); check it supports the key.`,
        );
      }
      if (report.missingExplanation) notes.push(' MISSING EXPLANATION: the imported file had none; write one.');
      if (notes.length) node.commentBefore = notes.join('\n');
    });
  }
  return { yaml: doc.toString({ lineWidth: 0 }), items: reports };
}
