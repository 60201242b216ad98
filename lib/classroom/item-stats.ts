/**
 * Item statistics for the teacher report, defined as Moodle's quiz statistics define them, so the
 * numbers can be compared with a Moodle report (shared/QUESTIONS.md, "Item statistics").
 *
 * Input is each student's FIRST attempt only. With x_i the mark on item i, X the attempt's total,
 * R_i = X − x_i (the rest of the test), S attempts, P items, and unbiased (S − 1) variances V and
 * covariances Cov:
 * - facility index            100 · mean(x_i) / maxMark_i
 * - standard deviation        100 · √V(x_i) / maxMark_i (Moodle shows it as % of the item's mark)
 * - discrimination index      100 · Cov(x_i, R_i) / √(V(x_i) · V(R_i))
 * - discriminative efficiency 100 · Cov(x_i, R_i) / Cov_max, Cov_max pairing sorted x_i with sorted R_i
 * - internal consistency      100 · P/(P − 1) · (1 − Σ V(x_i) / V(X))  (Cronbach's alpha)
 * A statistic that would divide by zero (or needs two attempts or two items) is null. "Zero" is
 * decided by testing for constant marks, not by comparing a float with 0, so rounding noise in a
 * column of identical fractional marks cannot turn into a wild ±100.
 */

export interface FirstAttempt {
  studentId: string;
  /** Mark per item id; null or missing = not answered, counted as 0. */
  marks: Readonly<Record<string, number | null | undefined>>;
}

export interface ItemMaxMark {
  itemId: string;
  /** The item's maximum mark (1 for every item in Passage today). */
  maxMark: number;
}

export type ItemFlag = 'too_easy' | 'too_hard' | 'negative_discrimination';

export const TOO_EASY_ABOVE = 95;
export const TOO_HARD_BELOW = 20;

export interface ItemStatistics {
  itemId: string;
  /** S, the number of first attempts counted. */
  attempts: number;
  /** mean(x_i), in marks. */
  meanMark: number | null;
  /** Percent; null when there are no attempts. */
  facility: number | null;
  /** Percent of the item's max mark; null when S < 2. */
  standardDeviation: number | null;
  /** −100…100; null when S < 2 or the item's marks or the rest-of-test totals are all equal. */
  discrimination: number | null;
  /**
   * At most 100; null exactly when discrimination is. Cov_max bounds only the positive side, so a
   * strongly negative item can score below −100 (x = 0, ¼, ¼ against R = 1, 0, 0 gives −200).
   */
  discriminativeEfficiency: number | null;
  /** Facility above 95 or below 20, or a negative discrimination index. */
  flags: ItemFlag[];
}

export interface QuizStatistics {
  attempts: number;
  /** Cronbach's alpha, percent; null when P < 2, S < 2 or every total is the same. */
  internalConsistency: number | null;
  /** In the order of the `items` argument. */
  items: ItemStatistics[];
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function isConstant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}

/** Unbiased (S − 1) covariance of two equally long columns; the variance when given one twice. */
function covariance(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += ((a[k] as number) - ma) * ((b[k] as number) - mb);
  return sum / (a.length - 1);
}

const ascending = (a: number, b: number) => a - b;

function validate(attempts: readonly FirstAttempt[], items: readonly ItemMaxMark[]): void {
  const seenItems = new Set<string>();
  for (const { itemId, maxMark } of items) {
    if (seenItems.has(itemId)) throw new Error(`item ${itemId} is listed twice`);
    seenItems.add(itemId);
    if (!Number.isFinite(maxMark) || maxMark <= 0) throw new Error(`item ${itemId} has max mark ${maxMark}; it must be positive`);
  }
  const seenStudents = new Set<string>();
  for (const { studentId, marks } of attempts) {
    if (seenStudents.has(studentId)) throw new Error(`student ${studentId} has two attempts; pass first attempts only`);
    seenStudents.add(studentId);
    for (const { itemId } of items) {
      const mark = Object.hasOwn(marks, itemId) ? marks[itemId] : null;
      if (mark != null && !Number.isFinite(mark)) throw new Error(`student ${studentId} has mark ${mark} on item ${itemId}`);
    }
  }
}

export function itemStatistics(attempts: readonly FirstAttempt[], items: readonly ItemMaxMark[]): QuizStatistics {
  validate(attempts, items);
  const S = attempts.length;
  const P = items.length;

  // columns[i][k]: student k's mark on item i, unanswered as 0. Marks of items not listed are ignored.
  const columns = items.map(({ itemId }) => attempts.map(({ marks }) => (Object.hasOwn(marks, itemId) ? marks[itemId] : null) ?? 0));
  const totals = attempts.map((_, k) => columns.reduce((sum, column) => sum + (column[k] as number), 0));

  const itemStats = items.map(({ itemId, maxMark }, i): ItemStatistics => {
    const x = columns[i] as number[];
    const rest = x.map((mark, k) => (totals[k] as number) - mark);
    const meanMark = S > 0 ? mean(x) : null;
    const facility = meanMark === null ? null : (100 * meanMark) / maxMark;

    let standardDeviation: number | null = null;
    let discrimination: number | null = null;
    let discriminativeEfficiency: number | null = null;
    if (S >= 2) {
      const xConstant = isConstant(x);
      const varianceX = xConstant ? 0 : covariance(x, x);
      standardDeviation = (100 * Math.sqrt(varianceX)) / maxMark;
      if (!xConstant && !isConstant(rest)) {
        const cov = covariance(x, rest);
        discrimination = (100 * cov) / Math.sqrt(varianceX * covariance(rest, rest));
        // Sorting both columns the same way gives the largest covariance any pairing could have
        // (the rearrangement inequality); it is > 0 whenever neither column is constant.
        const covMax = covariance([...x].sort(ascending), [...rest].sort(ascending));
        discriminativeEfficiency = (100 * cov) / covMax;
      }
    }

    const flags: ItemFlag[] = [];
    if (facility !== null && facility > TOO_EASY_ABOVE) flags.push('too_easy');
    if (facility !== null && facility < TOO_HARD_BELOW) flags.push('too_hard');
    if (discrimination !== null && discrimination < 0) flags.push('negative_discrimination');

    return { itemId, attempts: S, meanMark, facility, standardDeviation, discrimination, discriminativeEfficiency, flags };
  });

  let internalConsistency: number | null = null;
  if (P >= 2 && S >= 2 && !isConstant(totals)) {
    const sumItemVariances = columns.reduce((sum, column) => sum + (isConstant(column) ? 0 : covariance(column, column)), 0);
    internalConsistency = 100 * (P / (P - 1)) * (1 - sumItemVariances / covariance(totals, totals));
  }

  return { attempts: S, internalConsistency, items: itemStats };
}

export interface WrongAnswerCount {
  /** The answer as first seen (trimmed). */
  answer: string;
  count: number;
}

export interface ItemResponse {
  itemId: string;
  answerText: string;
  correct: boolean;
}

/** How two wrong answers are judged the same: NFC, whitespace collapsed, trimmed, lower case. */
export function wrongAnswerKey(answerText: string): string {
  return answerText.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * Per item, its `limit` most common distinct wrong answers with counts, most common first (ties:
 * first seen first). Answers match after wrongAnswerKey; each shows as first typed. Blank answers
 * are skipped (they are "no answer", not a misconception). Items with no wrong answers are absent.
 */
export function commonWrongAnswers(responses: readonly ItemResponse[], limit = 3): Record<string, WrongAnswerCount[]> {
  const perItem = new Map<string, Map<string, WrongAnswerCount>>();
  for (const { itemId, answerText, correct } of responses) {
    if (correct) continue;
    const key = wrongAnswerKey(answerText);
    if (key === '') continue;
    let answers = perItem.get(itemId);
    if (!answers) perItem.set(itemId, (answers = new Map()));
    const entry = answers.get(key);
    if (entry) entry.count++;
    else answers.set(key, { answer: answerText.trim(), count: 1 });
  }
  const take = Math.max(0, Math.floor(limit));
  // Array.prototype.sort is stable, so equal counts keep first-seen order (Map insertion order).
  return Object.fromEntries(
    [...perItem].map(([itemId, answers]) => [itemId, [...answers.values()].sort((a, b) => b.count - a.count).slice(0, take)]),
  );
}
