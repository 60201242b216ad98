/** The quoted passages behind an answer, with a link to them highlighted in the reader. */
export function SourceQuote({ sources, readerHref }: { sources: readonly string[]; readerHref: string }) {
  const several = sources.length > 1;
  return (
    <figure className="border-l-2 border-border pl-3">
      {sources.map((quote, i) => (
        <blockquote key={i} className={`font-serif italic${i > 0 ? ' mt-2' : ''}`}>
          “{quote}”
        </blockquote>
      ))}
      <figcaption className="mt-1 text-sm">
        <a href={readerHref}>{several ? 'Read these passages in the article' : 'Read this passage in the article'}</a>
      </figcaption>
    </figure>
  );
}
