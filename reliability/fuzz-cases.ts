// Building blocks of the fuzz test: nasty values, JSON text with numbers JSON.stringify cannot
// write (-0, 1e309), broken bodies, and objects with at least one field wrong.
import fc from 'fast-check';
import type { z } from 'zod';

/** A JSON fragment written as is: `-0`, `1e309`, deep nesting. */
export class Raw {
  constructor(readonly text: string) {}
}
export const raw = (text: string) => new Raw(text);

/** JSON text of `value`, with Raw fragments written verbatim (and lone surrogates escaped). */
export function jsonText(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What the server's JSON.parse makes of `value` once sent. */
export const asServerSees = (value: unknown): unknown => JSON.parse(jsonText(value));

export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export interface BodySpec {
  /** The body: text (sent as UTF-8) or bytes. */
  data: string | Uint8Array;
  /** null: no Content-Type header at all. */
  contentType: string | null;
  kind: string;
}

export const jsonBody = (value: unknown, kind = 'json'): BodySpec => ({ data: jsonText(value), contentType: 'application/json', kind });

// ---- Values ----

/** Unicode edge cases: lone surrogates, bidi overrides, zero-width and format characters, emoji, NUL. */
export const EDGE_STRINGS = [
  '\uD800',
  '\uDFFF',
  'a\uD83D',
  '\uDE00b',
  '\u202Egnp.exe',
  '\u202D\u202C',
  '\u200B',
  '\u200C\u200D',
  '\uFEFF',
  '\u00AD',
  '\u2060',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '\u{E0067}\u{E0062}',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  'Ｓａｍ',
  'e\u0301\u0301\u0301',
  'İı',
  'ß',
  '\u0085',
  '\u2028\u2029',
  '𝕏𝔸',
  'אבג',
  'مرحبا',
  '\r\n',
  '\t',
  ' ',
  '   ',
  '',
];

/** Strings that look like numbers, keywords or attacks. */
export const TRICKY_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '1e309',
  '0x10',
  '1_000',
  ' 1 ',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  "'; DROP TABLE Learner; --",
  '" OR 1=1 --',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '%s%n',
  '%00',
  '%',
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom(...EDGE_STRINGS, ...TRICKY_STRINGS),
  fc.array(fc.constantFrom(...EDGE_STRINGS), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
);

/** 100 kB (or more) of one character. */
export const hugeString: fc.Arbitrary<string> = fc
  .constantFrom('x', 'é', '😀', '\u202E', '\u0000')
  .map((ch) => ch.repeat(Math.ceil(100_000 / ch.length)));

export const weirdNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    raw('-0'),
    raw('1e309'),
    raw('-1e309'),
    raw('1e-400'),
    raw('123456789012345678901234567890'),
    raw('-1'),
    raw('1.5'),
    raw('0.1e1'),
    raw('9007199254740993'),
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0.5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 31, -(2 ** 31), 1e21),
);

const deepArray = fc.integer({ min: 10, max: 3000 }).map((depth) => raw('['.repeat(depth) + ']'.repeat(depth)));
const deepObject = fc.integer({ min: 10, max: 1000 }).map((depth) => raw('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

/** Anything a confused or hostile client might put where a value goes. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: weirdNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], [null], { '': '' }) },
  { weight: 1, arbitrary: fc.oneof(deepArray, deepObject) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Body texts that are not JSON at all (as text or as bytes that are not UTF-8). */
export const notJsonBody: fc.Arbitrary<BodySpec> = fc.oneof(
  fc
    .constantFrom(
      '',
      ' ',
      'null,',
      'undefined',
      "{'a':1}",
      '{"a":1,}',
      'NaN',
      '{a:1}',
      '\u0000',
      '[1,2',
      'true false',
      '{"a":1}{"b":2}',
      '<xml/>',
      '{"a":"\\u12"}',
      '{"a":"\\x41"}',
      '{"a":01}',
      '--',
      '{"a":.5}',
      '{"a":+1}',
      '{"a":Infinity}',
    )
    .map((data): BodySpec => ({ data, contentType: 'application/json', kind: 'not JSON' })),
  fc
    .string({ maxLength: 60 })
    .filter((s) => !parsesAsJson(s))
    .map((data): BodySpec => ({ data, contentType: 'application/json', kind: 'not JSON' })),
  fc
    .constantFrom(
      [0xff, 0xfe, 0x7b, 0x7d],
      [0x7b, 0x22, 0x61, 0x22, 0x3a, 0xc0, 0xaf, 0x7d],
      [0xed, 0xa0, 0x80],
      [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xf8, 0x88, 0x80, 0x80, 0x80, 0x22, 0x7d],
    )
    .map((bytes): BodySpec => ({ data: Uint8Array.from(bytes), contentType: 'application/json', kind: 'not UTF-8' })),
);

/**
 * A body that cannot be read as the endpoint's JSON whatever it holds: a proper prefix of a JSON
 * object (truncated), the right JSON under a wrong Content-Type, or more than 64 KiB.
 */
export function brokenBody(validObject: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<BodySpec> {
  return fc.oneof(
    notJsonBody,
    validObject.chain((value) => {
      const text = jsonText(value);
      return fc
        .integer({ min: 0, max: Math.max(0, text.length - 1) })
        .map((n): BodySpec => ({ data: text.slice(0, n), contentType: 'application/json', kind: 'truncated' }));
    }),
    fc
      .tuple(
        validObject,
        fc.constantFrom(
          null,
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'json',
          'text/json',
          'application/jso',
          'application/ json',
        ),
      )
      .map(([value, contentType]): BodySpec => ({ data: jsonText(value), contentType, kind: `content-type ${String(contentType)}` })),
    fc.tuple(validObject, hugeString).map(([value, big]): BodySpec => ({
      data: jsonText({ ...value, padding: big }),
      contentType: 'application/json',
      kind: 'over 64 KiB',
    })),
    fc.tuple(validObject, hugeString).map(([value, big]): BodySpec => {
      const key = Object.keys(value)[0] ?? 'x';
      return { data: jsonText({ ...value, [key]: big }), contentType: 'application/json', kind: 'huge field' };
    }),
  );
}

export interface FieldSpec {
  name: string;
  valid: fc.Arbitrary<unknown>;
  invalid: fc.Arbitrary<unknown>;
  required: boolean;
}

type Choice = { kind: 'valid' | 'invalid'; value: unknown } | { kind: 'missing' };

/** A well-formed object for these fields (optional ones sometimes left out). */
export function wellFormed(fields: FieldSpec[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(...fields.map((f) => (f.required ? f.valid : fc.option(f.valid, { nil: undefined })))).map((values) => {
    const out: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      if (values[i] !== undefined) out[f.name] = values[i];
    });
    return out;
  });
}

/**
 * An object with at least one field wrong: a wrong value, a required field left out, or a field
 * the schema does not know. When `schema` is given, only objects it refuses are kept (as the
 * server will parse them from JSON, or as they are when `json` is false), so none is valid.
 */
export function malformedObject(
  fields: FieldSpec[],
  schema?: z.ZodType,
  options: { json?: boolean } = {},
): fc.Arbitrary<Record<string, unknown>> {
  const json = options.json ?? true;
  const names = new Set(fields.map((f) => f.name));
  const choices = fields.map((f) =>
    fc.oneof(
      { weight: 3, arbitrary: f.valid.map((value): Choice => ({ kind: 'valid', value })) },
      { weight: 2, arbitrary: f.invalid.map((value): Choice => ({ kind: 'invalid', value })) },
      { weight: 1, arbitrary: fc.constant<Choice>({ kind: 'missing' }) },
    ),
  );
  const extra = fc.option(
    fc.tuple(
      fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'learnerId', 'score', 'id')).filter((k) => !names.has(k)),
      weirdValue,
    ),
    { freq: 4 },
  );
  return fc
    .tuple(fc.tuple(...choices), extra)
    .filter(
      ([picked, more]) => more !== null || picked.some((c, i) => c.kind === 'invalid' || (c.kind === 'missing' && fields[i]!.required)),
    )
    .map(([picked, more]) => {
      const out: Record<string, unknown> = {};
      picked.forEach((c, i) => {
        if (c.kind !== 'missing') out[fields[i]!.name] = c.value;
      });
      if (more) Object.defineProperty(out, more[0], { value: more[1], enumerable: true, configurable: true, writable: true });
      return out;
    })
    .filter((value) => !schema || !schema.safeParse(json ? asServerSees(value) : value).success);
}

/** A JSON value that is not an object at all. */
export const notAnObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, '', 'x', [], [{}], raw('-0'), raw('1e309')),
  nastyString,
  fc.array(weirdValue, { maxLength: 3 }),
);

// ---- URLs ----

/** `value` with every lone surrogate replaced by U+FFFD (String.prototype.toWellFormed). */
export function wellFormedString(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A path segment for any string: lone surrogates become U+FFFD (as URLs do), everything else is percent-encoded. */
export function segment(value: string): string {
  return encodeURIComponent(wellFormedString(value)).replace(/\./g, '%2E');
}

/** Strings used as ids in paths: nasty, long or plausible, never empty, "." or "..". */
export const pathString: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: nastyString },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'a'.repeat(65),
        'A'.repeat(200),
        'x'.repeat(4000),
        '🙂'.repeat(300),
        'null',
        'undefined',
        '0',
        '-1',
        'NaN',
        '__proto__',
        'constructor',
      ),
    },
  )
  .filter((s) => s.length > 0 && wellFormedString(s).replace(/\./g, '') !== '' && s.trim() !== '');
