import { buttonClass } from '@/components/ui/button';

const FORMATS = [
  { format: 'anki', label: 'Anki deck (.apkg)' },
  { format: 'anki-text', label: 'Anki text file' },
  { format: 'quizlet', label: 'Quizlet import text' },
] as const;

/** Download links for a learner's flashcards (one set, or every set when `setId` is absent). */
export function FlashcardDownloads({ setId, heading = 'h3' }: { setId?: string; heading?: 'h2' | 'h3' }) {
  const Heading = heading;
  const query = setId ? `?set=${encodeURIComponent(setId)}` : '';
  return (
    <div className="space-y-3">
      <Heading>Study elsewhere</Heading>
      <p className="text-muted">
        Take {setId ? 'these' : 'all the'} cards and questions, with their answers, explanations and passages, to Anki or Quizlet.
      </p>
      <ul className="flex flex-wrap gap-2" aria-label="Flashcard downloads">
        {FORMATS.map(({ format, label }) => (
          <li key={format}>
            <a href={`/api/v1/me/flashcards/${format}${query}`} download className={buttonClass('secondary')}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
