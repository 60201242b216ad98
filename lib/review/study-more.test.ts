import { describe, expect, it } from 'vitest';
import { parseMore, studyMoreHref } from './study-more';

describe('study more', () => {
  it('reads the extra cards, ignoring anything malformed', () => {
    expect(parseMore('20')).toBe(20);
    expect(parseMore(['30', '5'])).toBe(30);
    expect(parseMore(undefined)).toBe(0);
    expect(parseMore('-3')).toBe(0);
    expect(parseMore('1e3')).toBe(0);
    expect(parseMore('9999')).toBe(1000);
  });

  it('links to the same scope with ten more cards', () => {
    expect(studyMoreHref('/review', {}, 0)).toBe('/review?more=10');
    expect(studyMoreHref('/review', { items: 'a,b', more: '10' }, 10)).toBe('/review?items=a%2Cb&more=20');
  });
});
