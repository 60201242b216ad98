// Small helpers shared by the benchmark scripts: statistics, formatting, time.

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How Prisma's SQLite adapter stores a DateTime: ISO 8601 with "+00:00". */
export const isoDb = (ms: number | Date) => new Date(ms).toISOString().replace('Z', '+00:00');

/** Nearest-rank percentile of an unsorted sample (p in 0..100). */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** A number to a few significant figures, for tables. */
export function fmt(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(digits >= 3 ? 1 : 0);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export const round = (value: number, places = 2) => (Number.isFinite(value) ? Math.round(value * 10 ** places) / 10 ** places : value);

/** A promise that rejects after `ms`, for bounding waits that have no timeout of their own. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function log(line: string): void {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[bench ${t}] ${line}`);
}
