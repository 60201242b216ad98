import { describe, expect, it } from 'vitest';
import { FIXTURE_ARTICLE } from '../questions/fixtures';
import { findSource, locateQuote, normaliseQuote } from './grounding';
import { ArticleFormatError, parseArticle } from './parse';

describe('parseArticle', () => {
  it('reads the front matter and numbers every block with its kind', () => {
    const article = parseArticle(FIXTURE_ARTICLE);
    expect(article.title).toBe('A Test Article');
    expect(article.paragraphs.map((p) => [p.n, p.kind, p.exemptReason])).toEqual([
      [1, 'text', null],
      [2, 'heading', 'heading'],
      [3, 'text', null],
      [4, 'pullquote', 'pull-quote'],
      [5, 'text', 'closing disclaimer'],
    ]);
    expect(article.paragraphs[1]?.text).toBe('A heading');
  });

  it('refuses a file without front matter, or naming a paragraph that does not exist', () => {
    expect(() => parseArticle('Just text.')).toThrow(ArticleFormatError);
    expect(() => parseArticle(FIXTURE_ARTICLE.replace('pullQuotes: [4]', 'pullQuotes: [9]'))).toThrow(/names paragraph 9/);
  });
});

describe('grounding', () => {
  const { paragraphs } = parseArticle(FIXTURE_ARTICLE);

  it('folds typographic quotes and whitespace', () => {
    expect(normaliseQuote('the ‘obviously   unfriendly’ “x”')).toBe(`the 'obviously unfriendly' "x"`);
  });

  it('finds the claim paragraph before a pull-quote that repeats it', () => {
    expect(findSource(paragraphs, 'Abe met Putin 27 times')?.n).toBe(3);
    expect(findSource(paragraphs, "spent '¥20 billion'")?.n).toBe(3);
  });

  it('finds nothing for a paraphrase or a quote spanning paragraphs', () => {
    expect(findSource(paragraphs, 'Abe met Putin twenty-seven times')).toBeNull();
    expect(findSource(paragraphs, 'ever since. A heading')).toBeNull();
  });

  it('locates the quoted characters in the original text', () => {
    const text = paragraphs[2]!.text;
    const span = locateQuote(text, "spent '¥20 billion'");
    expect(span).not.toBeNull();
    expect(text.slice(...span!)).toBe('spent ‘¥20 billion’');
  });
});
