/**
 * Small deterministic randomness for presenting questions: the same seed always gives the same
 * shuffle and the same ids, so a presentation can be rebuilt on the server when the answer comes
 * back, without storing it. Not cryptographic: a learner who knows the seed can recompute
 * everything, so the seed must stay on the server.
 */

const SEPARATOR = '\u001f';

/** cyrb53 (public domain, bryc): a fast 53-bit string hash with good spread. */
export function hash53(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Joins a seed and the parts that narrow it (item id, purpose) into one unambiguous string. */
export function subSeed(seed: string, ...parts: string[]): string {
  return [seed, ...parts].join(SEPARATOR);
}

/** mulberry32 (public domain, Tommy Ettinger): deterministic numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic generator of numbers in [0, 1): the seed hashed by cyrb53 into mulberry32. */
export function seededRandom(seed: string): () => number {
  return mulberry32(hash53(seed));
}

/** Fisher–Yates with the seeded generator; returns a new array and leaves `items` alone. */
export function shuffle<T>(items: readonly T[], seed: string): T[] {
  const result = [...items];
  const random = seededRandom(seed);
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = result[i] as T;
    result[i] = result[j] as T;
    result[j] = a;
  }
  return result;
}

const ID_SPACE = 36 ** 8;

/** A short deterministic id: 8 characters of [a-z0-9] hashed from the seed and the parts. */
export function opaqueId(seed: string, ...parts: string[]): string {
  return (hash53(subSeed(seed, ...parts)) % ID_SPACE).toString(36).padStart(8, '0');
}
