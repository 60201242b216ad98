/** The quoted passage behind an answer, with a link to it highlighted in the reader. */
export function SourceQuote({ source, readerHref }: { source: string; readerHref: string }) {
  return (
    <figure className="border-l-2 border-border pl-3">
      <blockquote className="font-serif italic">“{source}”</blockquote>
      <figcaption className="mt-1 text-sm">
        <a href={readerHref}>Read this passage in the article</a>
      </figcaption>
    </figure>
  );
}
