import type { CardBack, CardFront } from '@/lib/quiz/card-faces';
import { SourceQuote } from '../quiz/source-quote';

export function CardFrontView({ front, headingId }: { front: CardFront; headingId: string }) {
  return (
    <div className="space-y-4">
      <h2 id={headingId} tabIndex={-1} className="text-2xl leading-snug font-semibold focus:outline-none sm:text-3xl">
        {front.cloze ? (
          <>
            {front.cloze.before}
            <span className="mx-1 inline-block min-w-20 border-b-2 border-text align-baseline" aria-label="gap">
              &nbsp;
            </span>
            {front.cloze.after}
          </>
        ) : (
          front.prompt
        )}
      </h2>
      {front.options.length > 0 ? (
        <ul
          className="list-disc space-y-1 pl-6 text-lg"
          aria-label={front.type === 'matching' ? 'To match' : front.type === 'ordering' ? 'To put in order' : 'Options'}
        >
          {front.options.map((option) => (
            <li key={option}>{option}</li>
          ))}
        </ul>
      ) : null}
      {front.unit ? <p className="text-muted">Answer in {front.unit}.</p> : null}
    </div>
  );
}

export function CardBackView({ back }: { back: CardBack & { readerHref: string } }) {
  return (
    <div className="space-y-3 border-t border-border pt-4">
      <p className="text-xl font-semibold">{back.answer}</p>
      <p>{back.explanation}</p>
      <SourceQuote sources={back.sources} readerHref={back.readerHref} />
    </div>
  );
}
