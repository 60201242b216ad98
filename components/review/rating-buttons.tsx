import type { Previews } from '@/lib/review/types';
import type { Rating } from '@/lib/scheduler';

const BUTTONS: { rating: Rating; label: string; key: string; tone: string }[] = [
  { rating: 'again', label: 'Again', key: '1', tone: 'border-danger text-danger' },
  { rating: 'hard', label: 'Hard', key: '2', tone: 'border-warning text-warning' },
  { rating: 'good', label: 'Good', key: '3', tone: 'border-success text-success' },
  { rating: 'easy', label: 'Easy', key: '4', tone: 'border-accent text-accent' },
];

/** The four Anki ratings, each with the interval the scheduler will give it. */
export function RatingButtons({ previews, onRate }: { previews: Previews | null; onRate: (rating: Rating) => void }) {
  return (
    <div role="group" aria-label="How well did you remember?" className="grid grid-cols-4 gap-2">
      {BUTTONS.map(({ rating, label, key, tone }) => (
        <button
          key={rating}
          type="button"
          onClick={() => onRate(rating)}
          aria-keyshortcuts={key}
          className={`flex min-h-14 flex-col items-center justify-center rounded-lg border-2 bg-surface px-2 py-1 font-semibold hover:bg-surface-muted ${tone}`}
        >
          <span>
            {label}
            <kbd aria-hidden="true" className="ml-1 text-xs font-normal text-muted touch:hidden">
              {key}
            </kbd>
          </span>
          <span className="text-sm font-normal text-text">
            <span className="sr-only">, next in </span>
            {previews ? previews[rating].interval : '…'}
          </span>
        </button>
      ))}
    </div>
  );
}
