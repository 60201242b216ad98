import { buttonClass } from '@/components/ui/button';

export const QUESTION_FORMATS = [
  { format: 'moodle', label: 'Moodle XML' },
  { format: 'gift', label: 'GIFT' },
  { format: 'qti', label: 'QTI 2.1 (Canvas, Blackboard)' },
  { format: 'aiken', label: 'Aiken (single choice only)' },
  { format: 'csv', label: 'CSV (Google Forms, Sheets)' },
] as const;

/** Links that download an assignment's items for a learning platform's question bank. */
export function QuestionDownloadLinks({ baseHref }: { baseHref: string }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Question downloads">
      {QUESTION_FORMATS.map(({ format, label }) => (
        <li key={format}>
          <a href={`${baseHref}/${format}`} download className={buttonClass('secondary')}>
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}

interface ChoosableItem {
  id: string;
  type: string;
  prompt: string;
}

/**
 * A teacher's export of a set: tick items (none ticked exports them all), then press a format.
 * Each button posts the same GET form to its own format's address, so it works without JavaScript.
 */
export function QuestionExportForm({ setId, items }: { setId: string; items: ChoosableItem[] }) {
  const base = `/api/v1/teach/sets/${encodeURIComponent(setId)}/questions`;
  return (
    <form method="get" action={`${base}/moodle`} className="space-y-3">
      <details className="rounded-lg border border-border p-3">
        <summary className="cursor-pointer font-medium">Choose items (none chosen exports all {items.length})</summary>
        <fieldset className="mt-3 space-y-2">
          <legend className="sr-only">Items to export</legend>
          {items.map((item) => (
            <label key={item.id} className="flex items-start gap-2">
              <input type="checkbox" name="item" value={item.id} className="mt-1.5 size-4" />
              <span>
                <span className="font-mono text-sm text-muted">{item.id}</span> {item.prompt}
              </span>
            </label>
          ))}
        </fieldset>
      </details>
      <div className="flex flex-wrap gap-2">
        {QUESTION_FORMATS.map(({ format, label }) => (
          <button key={format} type="submit" formAction={`${base}/${format}`} className={buttonClass('secondary')}>
            {label}
          </button>
        ))}
      </div>
    </form>
  );
}
