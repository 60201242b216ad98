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

/** HMAC-SHA256 of the parts, keyed by the seed. */
function prf(seed: string, ...parts: string[]): Uint8Array {
  return hmac(sha256, utf8ToBytes(seed), utf8ToBytes(parts.join(SEPARATOR)));
}

/** An endless stream of uniform 32-bit integers keyed by the seed (HMAC in counter mode). */
function keyedUint32s(seed: string): () => number {
  let block: Uint8Array = new Uint8Array(0);
  let offset = 0;
  let counter = 0;
  return () => {
    if (offset + 4 > block.length) {
      block = prf(seed, 'stream', String(counter++));
      offset = 0;
    }
    const value = ((block[offset]! << 24) | (block[offset + 1]! << 16) | (block[offset + 2]! << 8) | block[offset + 3]!) >>> 0;
    offset += 4;
    return value;
  };
}

/** A uniform integer in [0, bound), by rejection so that no value is favoured. */
function below(next: () => number, bound: number): number {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const value = next();
    if (value < limit) return value % bound;
  }
}

/** Fisher–Yates driven by the keyed stream; returns a new array and leaves `items` alone. */
export function shuffle<T>(items: readonly T[], seed: string): T[] {
  const result = [...items];
  const next = keyedUint32s(seed);
  for (let i = result.length - 1; i > 0; i--) {
    const j = below(next, i + 1);
    const a = result[i] as T;
    result[i] = result[j] as T;
    result[j] = a;
  }
  return result;
}

const ID_SPACE = 36 ** 8;

/** A short keyed id: 8 characters of [a-z0-9] from HMAC(seed, parts). */
export function opaqueId(seed: string, ...parts: string[]): string {
  const bytes = prf(seed, 'id', ...parts);
  let value = 0;
  // 6 bytes (48 bits) reduced modulo 36^8 (about 2^41.4): the bias is below 2^-6 per value and
  // says nothing about the author's id.
  for (let i = 0; i < 6; i++) value = value * 256 + bytes[i]!;
  return (value % ID_SPACE).toString(36).padStart(8, '0');
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
