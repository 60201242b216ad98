import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Keyed randomness for presenting questions: the same seed always gives the same shuffle and the
 * same ids, so a presentation can be rebuilt on the server when the answer comes back, without
 * storing it. Every value is HMAC-SHA256 keyed by the seed, so without the seed nothing can be
 * predicted or inverted: the seed must be secret (a random per-attempt value kept on the server,
 * or one derived from the server's secret). Pure JavaScript (@noble/hashes), so this file stays
 * free of Node built-ins.
 */

const SEPARATOR = '\u001f';

/** Joins a seed and the parts that narrow it (item id, purpose) into one unambiguous string. */
export function subSeed(seed: string, ...parts: string[]): string {
  return [seed, ...parts].join(SEPARATOR);
}

const ID_SPACE = 36 ** 8;

/** Keyed randomness: uniform integers, ids and shuffles, all from one HMAC stream. */
export interface KeyedStream {
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** A uniform integer in [0, bound), by rejection so that no value is favoured. */
  below(bound: number): number;
  /** 8 characters of [a-z0-9]. */
  id(): string;
  /** Fisher–Yates: a uniform shuffle; returns a new array and leaves `items` alone. */
  shuffle<T>(items: readonly T[]): T[];
}

type Keyed = ReturnType<typeof hmac.create>;

// An attempt's presentations all use its seed: set the key up once (its two SHA-256 blocks are
// most of the cost of a short list) and keep the most recent ones.
const keyed = new Map<string, Keyed>();
const KEYS_KEPT = 512;

function keyFor(seed: string): Keyed {
  let key = keyed.get(seed);
  if (!key) {
    if (keyed.size >= KEYS_KEPT) keyed.delete(keyed.keys().next().value!);
    key = hmac.create(sha256, utf8ToBytes(seed));
    keyed.set(seed, key);
  }
  return key;
}

/**
 * HMAC-SHA256(seed, parts ‖ counter) in counter mode, read 4 bytes at a time. The key is set up
 * once per stream; each further 32-byte block costs one HMAC of a short message.
 */
export function keyedStream(seed: string, ...parts: string[]): KeyedStream {
  const key = keyFor(seed);
  const prefix = parts.join(SEPARATOR) + SEPARATOR;
  let block: Uint8Array = new Uint8Array(0);
  let offset = 0;
  let counter = 0;
  const uint32 = () => {
    if (offset + 4 > block.length) {
      block = key
        .clone()
        .update(utf8ToBytes(prefix + String(counter++)))
        .digest();
      offset = 0;
    }
    const value = ((block[offset]! << 24) | (block[offset + 1]! << 16) | (block[offset + 2]! << 8) | block[offset + 3]!) >>> 0;
    offset += 4;
    return value;
  };
  const below = (bound: number) => {
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const value = uint32();
      if (value < limit) return value % bound;
    }
  };
  return {
    uint32,
    below,
    // 53 bits reduced modulo 36^8 (about 2^41.4): the bias is below 2^-11 per value.
    id: () => (((uint32() & 0x1fffff) * 2 ** 32 + uint32()) % ID_SPACE).toString(36).padStart(8, '0'),
    shuffle<T>(items: readonly T[]): T[] {
      const result = [...items];
      for (let i = result.length - 1; i > 0; i--) {
        const j = below(i + 1);
        const a = result[i] as T;
        result[i] = result[j] as T;
        result[j] = a;
      }
      return result;
    },
  };
}

/** A uniform shuffle keyed by the seed; returns a new array and leaves `items` alone. */
export function shuffle<T>(items: readonly T[], seed: string): T[] {
  return keyedStream(seed, 'shuffle').shuffle(items);
}

/** A short keyed id: 8 characters of [a-z0-9] from HMAC(seed, parts). */
export function opaqueId(seed: string, ...parts: string[]): string {
  return keyedStream(seed, 'id', ...parts).id();
}

/**
 * mulberry32 (public domain, Tommy Ettinger): deterministic numbers in [0, 1) from a 32-bit seed.
 * Not for presentations (it is predictable); tests and benchmarks use it for repeatable data.
 */
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
