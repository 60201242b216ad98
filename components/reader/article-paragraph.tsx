import type { ReactNode } from 'react';
import type { ParagraphKind } from '@/lib/article/parse';

export interface ArticleParagraphProps {
  n: number;
  kind: ParagraphKind;
  text: string;
  /** Questions a quiz on this paragraph serves, and flashcards that also draw on it. */
  quizCount: number;
  cardCount: number;
  highlight: [number, number] | null;
  /** Whether this paragraph's mark is the one focused on arrival (an item may quote several). */
  highlightTarget?: boolean;
  practiseHref: string | null;
}

function withMark(text: string, { span, target }: { span: [number, number] | null; target: boolean }): ReactNode {
  if (!span) return text;
  const [start, end] = span;
  return (
    <>
      {text.slice(0, start)}
      <mark id={target ? 'highlight' : undefined} tabIndex={0} aria-label={`Quoted passage: ${text.slice(start, end)}`}>
        {text.slice(start, end)}
      </mark>
      {text.slice(end)}
    </>
  );
}

function drawsOn(quizCount: number, cardCount: number): string {
  const parts = [
    quizCount ? `${quizCount} ${quizCount === 1 ? 'question' : 'questions'}` : null,
    cardCount ? `${cardCount} ${cardCount === 1 ? 'flashcard' : 'flashcards'}` : null,
  ].filter(Boolean);
  return `${parts.join(' and ')} ${quizCount + cardCount === 1 ? 'draws' : 'draw'} on this paragraph`;
}

export function ArticleParagraph({
  n,
  kind,
  text,
  quizCount,
  cardCount,
  highlight,
  highlightTarget = true,
  practiseHref,
}: ArticleParagraphProps) {
  const anchor = `p-${n}`;
  const body = withMark(text, { span: highlight, target: highlightTarget });
  const meta =
    kind === 'heading' || kind === 'pullquote' ? null : (
      <p className="mt-1 flex flex-wrap items-center gap-x-3 font-sans text-sm text-muted">
        <a href={`#${anchor}`} className="text-muted no-underline hover:underline" aria-label={`Link to paragraph ${n}`}>
          ¶&nbsp;{n}
        </a>
        {quizCount + cardCount > 0 ? <span>{drawsOn(quizCount, cardCount)}</span> : null}
        {practiseHref && quizCount > 0 ? (
          <a href={practiseHref}>
            Quiz me on {quizCount === 1 ? 'the question' : `the ${quizCount} questions`}
            <span className="sr-only"> (paragraph {n})</span>
          </a>
        ) : null}
      </p>
    );

  if (kind === 'heading') {
    return (
      <h2 id={anchor} className="scroll-mt-6 pt-6 font-sans">
        {body}
      </h2>
    );
  }
  if (kind === 'pullquote') {
    return (
      <figure
        id={anchor}
        className="scroll-mt-6 border-y border-border py-4 text-center font-serif text-2xl leading-snug text-muted italic"
      >
        <blockquote>{body}</blockquote>
      </figure>
    );
  }
  return (
    <div id={anchor} className="scroll-mt-6">
      {kind === 'quote' ? (
        <blockquote className="border-l-4 border-accent pl-4 italic">{body}</blockquote>
      ) : (
        <p className={kind === 'standfirst' ? 'text-xl leading-relaxed font-medium' : kind === 'note' ? 'text-base text-muted' : ''}>
          {body}
        </p>
      )}
      {meta}
    </div>
  );
}
