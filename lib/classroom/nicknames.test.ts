import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NICKNAME_MAX, nicknameKey, nicknameSchema, suggestFreeNickname, tidyNickname } from './nicknames';

const ok = (input: string) => nicknameSchema.parse(input);
const refused = (input: string) => !nicknameSchema.safeParse(input).success;
const keys = (...names: string[]) => new Set(names.map(nicknameKey));
const length = (s: string) => [...s].length;

describe('nicknameSchema', () => {
  it('trims and collapses inner whitespace', () => {
    expect(ok('  Sam   Lee ')).toBe('Sam Lee');
    expect(ok('Sam\t\u00a0Lee\n')).toBe('Sam Lee');
    expect(ok('Sam\u3000Lee')).toBe('Sam Lee'); // ideographic space
  });

  it('normalises to NFC', () => {
    const decomposed = 'Zoe\u0301'; // e + combining acute
    expect(ok(decomposed)).toBe('Zoé');
    expect(ok(decomposed)).toBe('Zo\u00e9');
  });

  it('accepts letters, digits, punctuation, symbols and emoji from any script', () => {
    for (const name of ['Sam', "O'Brien-Smith", 'Дмитрий', '田中 さくら', 'محمد', 'नमस्ते', 'Ana (2nd)', 'R2-D2', '🦊 Fox', '👩‍💻 Dev', '7']) {
      expect(ok(name)).toBe(name);
    }
  });

  it('is 1–30 characters after tidying, counted in code points', () => {
    expect(refused('')).toBe(true);
    expect(refused('   ')).toBe(true);
    expect(ok('a'.repeat(30))).toHaveLength(30);
    expect(refused('a'.repeat(31))).toBe(true);
    expect(ok(`  ${'a'.repeat(30)}  `)).toHaveLength(30);
    expect(ok('😀'.repeat(30))).toBe('😀'.repeat(30)); // 60 UTF-16 units, 30 characters
    expect(refused('😀'.repeat(31))).toBe(true);
  });

  it('refuses control characters and invisible format characters', () => {
    expect(refused('Sam\u0000')).toBe(true);
    expect(refused('Sam\u0007Lee')).toBe(true);
    expect(refused('Sam\u007f')).toBe(true);
    expect(refused('Sam\u200b')).toBe(true); // zero-width space
    expect(refused('\u202eSam')).toBe(true); // right-to-left override
    expect(refused('Sa\u00adm')).toBe(true); // soft hyphen
    expect(refused('Sam\ud800')).toBe(true); // lone surrogate
  });

  it('keeps the joiners real names and emoji need', () => {
    expect(ok('می\u200cخواهم')).toBe('می\u200cخواهم'); // ZWNJ in Persian
    expect(ok('🏴󠁧󠁢󠁳󠁣󠁴󠁿')).toBe('🏴󠁧󠁢󠁳󠁣󠁴󠁿'); // Scotland: tag characters
  });

  it('refuses every invisible character that could make a second "Sam"', () => {
    const lookalikes = {
      'zero-width joiner': 'Sam\u200d',
      'zero-width non-joiner': 'Sa\u200cm',
      'tag characters': 'Sam\u{e0041}\u{e0042}',
      'a lone cancel tag': 'Sam\u{e007f}',
      'variation selector 16': 'Sam\ufe0f',
      'variation selector 1': 'S\ufe00am',
      'combining grapheme joiner U+034F': 'Sa\u034fm',
      'Hangul filler U+3164': 'Sam\u3164',
      'halfwidth Hangul filler U+FFA0': 'Sam\uffa0',
      'Braille blank U+2800': 'Sam\u2800',
      'Khmer inherent vowel U+17B4': 'Sam\u17b4',
      'Mongolian vowel separator U+180E': 'Sam\u180e',
      'word joiner U+2060': 'S\u2060am',
      'invisible separator U+2063': 'Sam\u2063',
    };
    for (const [what, name] of Object.entries(lookalikes)) {
      expect(nicknameSchema.safeParse(name).error?.issues[0]?.message, what).toMatch(/invisible/);
    }
  });

  it('keeps joiners and selectors that are part of a whole emoji', () => {
    for (const name of ['❤️ Sam', '👩‍💻 Dev', '👍🏽 Ana', '1️⃣ Bo', 'Sam 🏳️‍🌈']) expect(ok(name)).toBe(name);
    expect(refused('👩\u200d')).toBe(true); // a joiner that joins nothing
    expect(refused('Sam\u200d👩')).toBe(true);
  });

  it('refuses names with nothing visible', () => {
    expect(refused('\u0301')).toBe(true);
  });

  it('gives a message to show', () => {
    expect(nicknameSchema.safeParse('a'.repeat(31)).error?.issues[0]?.message).toMatch(/at most 30/);
  });

  it('anything it accepts is tidy, short and stable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (input) => {
        const result = nicknameSchema.safeParse(input);
        if (!result.success) return;
        const name = result.data;
        expect(length(name)).toBeGreaterThanOrEqual(1);
        expect(length(name)).toBeLessThanOrEqual(NICKNAME_MAX);
        expect(name).toBe(tidyNickname(name));
        expect(nicknameSchema.parse(name)).toBe(name);
      }),
    );
  });
});

describe('nicknameKey', () => {
  it('ignores case, width, composition and spacing', () => {
    expect(nicknameKey('SAM')).toBe(nicknameKey('sam'));
    expect(nicknameKey('Ｓａｍ')).toBe(nicknameKey('sam'));
    expect(nicknameKey('Zoe\u0301')).toBe(nicknameKey('ZOÉ'));
    expect(nicknameKey(' Sam  Lee ')).toBe(nicknameKey('sam lee'));
    expect(nicknameKey('Sam')).not.toBe(nicknameKey('Sam 2'));
  });

  it('compares by confusable skeleton: look-alikes from other scripts clash with "Sam"', () => {
    const sam = nicknameKey('Sam');
    expect(nicknameKey('\u0405\u0430m'), 'Cyrillic Dze and a').toBe(sam);
    expect(nicknameKey('\u0405\u0410\u041c'), 'Cyrillic capitals').toBe(sam);
    expect(nicknameKey('\ua4e2am'), 'Lisu SA').toBe(sam);
    expect(nicknameKey('\ua4e2\ua4ee\ua4df'), 'Lisu SA, A, MA').toBe(sam);
    expect(nicknameKey('S\u0251m'), 'Latin alpha').toBe(sam);
    expect(nicknameKey('\u{1d412}\u{1d41a}\u{1d426}'), 'mathematical bold').toBe(sam);
    expect(nicknameKey('Sarn'), 'r + n looks like m').toBe(sam);
    expect(nicknameKey('Sam')).not.toBe(nicknameKey('Tom'));
    expect(nicknameKey('Ana')).not.toBe(nicknameKey('Anna'));
  });

  it('lets a look-alike nickname be suggested a free number instead', () => {
    expect(suggestFreeNickname('\u0405\u0430m', keys('Sam'))).toBe('\u0405\u0430m 2');
  });
});

describe('suggestFreeNickname', () => {
  it('keeps the wanted name when it is free', () => {
    expect(suggestFreeNickname('  Sam ', keys('Alex'))).toBe('Sam');
  });

  it('numbers from 2, skipping taken numbers, whatever their case', () => {
    expect(suggestFreeNickname('Sam', keys('sam'))).toBe('Sam 2');
    expect(suggestFreeNickname('Sam', keys('SAM', 'sam 2', 'Sam 3'))).toBe('Sam 4');
  });

  it('continues from a number the wanted name already has', () => {
    expect(suggestFreeNickname('Sam 2', keys('Sam', 'Sam 2'))).toBe('Sam 3');
    expect(suggestFreeNickname('Henry 8', keys('Henry 8'))).toBe('Henry 9');
  });

  it('stays within 30 characters, shortening the base by whole characters', () => {
    const long = 'Alexandra Konstantinopoulou Li'; // 30
    expect(suggestFreeNickname(long, keys(long))).toBe('Alexandra Konstantinopoulou 2'); // cut at the space, no double space
    const taken = keys(long, ...Array.from({ length: 8 }, (_, i) => `Alexandra Konstantinopoulou ${i + 2}`));
    expect(suggestFreeNickname(long, taken)).toBe('Alexandra Konstantinopoulou 10');
    const hyphenated = 'Alexandra Konstantinopoulou-Li';
    expect(suggestFreeNickname(hyphenated, keys(hyphenated))).toBe('Alexandra Konstantinopoulou- 2');
    const emoji = '🦊'.repeat(30);
    const next = suggestFreeNickname(emoji, keys(emoji));
    expect(next).toBe(`${'🦊'.repeat(28)} 2`);
    expect(length(next)).toBe(30);
  });

  it('never splits an emoji sequence when shortening', () => {
    const coder = '👩‍💻'; // 3 code points, one grapheme
    const name = `abc${coder.repeat(9)}`; // 30 code points
    expect(suggestFreeNickname(name, keys(name))).toBe(`abc${coder.repeat(8)} 2`); // 29: the 9th would not fit whole
  });

  it('refuses an invalid wanted name', () => {
    expect(() => suggestFreeNickname('   ', new Set())).toThrow();
  });

  it('always returns a valid nickname that is not taken', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => nicknameSchema.safeParse(s).success),
        fc.array(fc.integer({ min: 2, max: 40 }), { maxLength: 20 }),
        (wanted, numbers) => {
          const name = nicknameSchema.parse(wanted);
          const taken = keys(name, ...numbers.map((n) => `${name} ${n}`));
          const suggestion = suggestFreeNickname(wanted, taken);
          expect(nicknameSchema.parse(suggestion)).toBe(suggestion);
          expect(taken.has(nicknameKey(suggestion))).toBe(false);
        },
      ),
    );
  });
});
