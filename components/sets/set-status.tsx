import Link from 'next/link';
import { formatScore, scorePercent } from '@/lib/quiz/score';

export interface SetStatusProps {
  setId: string;
  setTitle: string;
  /** Cards due for review today (learning and review) and new cards available today. */
  due: number;
  fresh: number;
  lastScore: { score: number; maxScore: number } | null;
}

/** A returning learner's standing on one set: what is due, and how the last quiz went. */
export function SetStatus({ setId, setTitle, due, fresh, lastScore }: SetStatusProps) {
  return (
    <div className="mt-4 space-y-2 border-t border-border pt-3 text-sm">
      <p>
        <span className="font-medium">{due > 0 ? `${due} ${due === 1 ? 'card' : 'cards'} due` : 'Nothing due'}</span>
        {fresh > 0 ? <span className="text-muted"> · {fresh} new</span> : null}
        {due + fresh > 0 ? (
          <>
            {' · '}
            <Link href={`/sets/${setId}/review`}>
              Review<span className="sr-only"> {setTitle}</span>
            </Link>
          </>
        ) : null}
      </p>
      <p>
        {lastScore ? (
          <>
            Last quiz: {formatScore(lastScore.score, lastScore.maxScore)} ({scorePercent(lastScore.score, lastScore.maxScore)}%)
          </>
        ) : (
          <span className="text-muted">No quiz taken yet</span>
        )}
        {' · '}
        <Link href={`/sets/${setId}/quiz`}>
          {lastScore ? 'Quiz again' : 'Take the quiz'}
          <span className="sr-only">: {setTitle}</span>
        </Link>
      </p>
    </div>
  );
}
