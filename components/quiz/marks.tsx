/** ✓ or ✗ with words, so a mark never rests on colour alone. */
export function Mark({ correct, chosen }: { correct: boolean; chosen: boolean }) {
  const words = correct ? (chosen ? 'Your answer, correct' : 'Correct answer') : chosen ? 'Your answer, wrong' : '';
  if (!words) return null;
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 text-sm font-semibold ${correct ? 'text-success' : 'text-danger'}`}>
      <span aria-hidden="true">{correct ? '✓' : '✗'}</span>
      {words}
    </span>
  );
}

/** Border and background of a marked row: green where correct, red where chosen and wrong. */
export function markTone({ correct, chosen }: { correct: boolean; chosen: boolean }): string {
  return correct
    ? 'border-2 border-success bg-success-soft'
    : chosen
      ? 'border-2 border-danger bg-danger-soft'
      : 'border-2 border-border bg-surface';
}

/** The row style of a marked option. */
export function markedRow(mark: { correct: boolean; chosen: boolean }): string {
  return `flex min-h-12 items-start gap-3 rounded-lg px-4 py-3 ${markTone(mark)}`;
}
