// Everything that needs a page: first-load JavaScript per route (from the HTML the server
// sends, and as Chromium actually loads it) and next-card latency on the review screen.
import { chromium, type Browser } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { openDb } from './sqlite';
import { percentile, round, sleep } from './util';

export const CHROMIUM = process.env.PASSAGE_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: 60_000,
  });
}

/** Sizes in kB (1000 bytes), as Next's build output used to print them. */
const gzipKB = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length / 1000;

interface ScriptFile {
  src: string;
  rawKB: number;
  gzipKB: number;
  nomodule: boolean;
}

export interface RouteWeight {
  route: string;
  path: string;
  status: number;
  /** <script src> files a current browser runs (nomodule ones left out), their size raw and gzip. */
  scripts: number;
  rawKB: number;
  gzipKB: number;
  /** The nomodule polyfills, gzip: in the HTML, but fetched by no current browser. */
  nomoduleGzipKB: number;
  files: ScriptFile[];
  /** Inline <script> bytes in the HTML (the RSC payload), gzip, for information. */
  inlineGzipKB: number;
  /** JS Chromium fetched while loading the page (lazy chunks included), gzip. */
  browserScripts: number | null;
  browserGzipKB: number | null;
}

/**
 * Fetches the page and every <script src> it names, and sums their gzip sizes. Scripts marked
 * nomodule (the legacy polyfills) are fetched by no current browser and are listed apart.
 */
export async function htmlScriptWeight(base: string, route: string, path: string, cookie?: string): Promise<Omit<RouteWeight, 'browserScripts' | 'browserGzipKB'>> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const page = await fetch(base + path, { headers, signal: AbortSignal.timeout(30_000) });
  const html = await page.text();
  const tags = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]!);
  const files: ScriptFile[] = [];
  const seen = new Set<string>();
  for (const attributes of tags) {
    const src = /\ssrc="([^"]+)"/i.exec(attributes)?.[1]?.replace(/&amp;/g, '&');
    if (!src || seen.has(src)) continue;
    seen.add(src);
    const response = await fetch(new URL(src, base + path), { headers, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`${src} (from ${path}) answered ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    files.push({ src, rawKB: round(bytes.length / 1000, 1), gzipKB: round(gzipKB(bytes), 1), nomodule: /\snomodule\b/i.test(attributes) });
  }
  const counted = files.filter((f) => !f.nomodule);
  const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!).join('\n');
  return {
    route,
    path,
    status: page.status,
    scripts: counted.length,
    rawKB: round(counted.reduce((a, f) => a + f.rawKB, 0), 1),
    gzipKB: round(counted.reduce((a, f) => a + f.gzipKB, 0), 1),
    nomoduleGzipKB: round(files.filter((f) => f.nomodule).reduce((a, f) => a + f.gzipKB, 0), 1),
    inlineGzipKB: round(gzipKB(Buffer.from(inline)), 1),
    files,
  };
}

/** Opens the page in Chromium and sums every script response until the network is idle. */
export async function browserScriptWeight(browser: Browser, base: string, path: string, cookie?: string): Promise<{ scripts: number; gzipKB: number }> {
  const context = await browser.newContext();
  try {
    const cookies = (cookie ?? '').split('; ').filter(Boolean).map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
    });
    if (cookies.length) await context.addCookies(cookies);
    const page = await context.newPage();
    const bodies: Promise<Buffer | null>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.body().catch(() => null));
    });
    await page.goto(base + path, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    const loaded = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
    return { scripts: loaded.length, gzipKB: round(loaded.reduce((sum, b) => sum + gzipKB(b), 0), 1) };
  } finally {
    await context.close();
  }
}

export interface NextCardResult {
  ratings: number;
  missed: number;
  /** Ratings after which no new card front was seen within 10 s, and the heading then. */
  misses: { rating: number; heading: string }[];
  /** key '3' → the next card's front in the DOM (MutationObserver), ms */
  domP50: number;
  domP95: number;
  /** key '3' → the first frame after that change was produced (rAF, then a task), ms */
  paintP50: number;
  paintP95: number;
  samples: { dom: number; paint: number }[];
}

/**
 * In the page: a capturing keydown listener notes when '3' is pressed; a MutationObserver notes
 * when the next card's front is then in the DOM (the heading's text changed, or the answer and
 * rating buttons are gone when the same card comes back), and a task queued from the next
 * animation frame notes when that frame has been painted.
 */
const INSTRUMENT = `(() => {
  const heading = () => document.getElementById('review-card-front')?.textContent ?? null;
  const bench = { keyAt: null, before: null, results: [] };
  window.__bench = bench;
  window.addEventListener('keydown', (event) => {
    if (event.key !== '3') return;
    bench.keyAt = performance.now();
    bench.before = heading();
  }, true);
  new MutationObserver(() => {
    if (bench.keyAt === null) return;
    // The next card's front: the heading changed, or (the same card back as a learning card)
    // the answer and rating buttons are gone.
    const back = document.querySelector('[role="group"][aria-label="How well did you remember?"]');
    if (back && heading() === bench.before) return;
    const keyAt = bench.keyAt;
    const dom = performance.now() - keyAt;
    bench.keyAt = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => bench.results.push({ dom, paint: performance.now() - keyAt });
      channel.port2.postMessage(null);
    });
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

declare global {
  interface Window {
    __bench?: { keyAt: number | null; before: string | null; results: { dom: number; paint: number }[] };
  }
}

/**
 * A fresh learner (API) with a high daily new-card limit (set in SQLite) opens /review and rates
 * `ratings` cards: Space shows the answer, '3' rates Good; each time from the '3' keydown to
 * the next card's front on screen.
 */
export async function nextCardLatency(browser: Browser, base: string, dbFile: string, ratings: number): Promise<NextCardResult> {
  const created = await fetch(`${base}/api/v1/learners`, { method: 'POST', signal: AbortSignal.timeout(30_000) });
  if (created.status !== 201) throw new Error(`POST /api/v1/learners answered ${created.status}`);
  const { learnerId, token } = (await created.json()) as { learnerId: string; token: string };
  const db = openDb(dbFile);
  try {
    db.prepare('UPDATE Learner SET newPerDay = 500 WHERE id = ?').run(learnerId);
  } finally {
    db.close();
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addCookies([{ name: 'passage_learner', value: token, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/review`, { waitUntil: 'load', timeout: 30_000 });
    await page.locator('#review-card-front').waitFor({ timeout: 30_000 });
    // A string, not a function: tsx's transform would wrap named functions in a helper the page lacks.
    await page.evaluate(INSTRUMENT);
    let missed = 0;
    const misses: { rating: number; heading: string }[] = [];
    for (let i = 0; i < ratings; i++) {
      if ((await page.locator('#review-card-front').count()) === 0) throw new Error(`the review session ended after ${i} ratings`);
      await page.keyboard.press(' ');
      await page.getByRole('group', { name: 'How well did you remember?' }).waitFor({ timeout: 10_000 });
      const expected = i + 1 - missed;
      await page.keyboard.press('3');
      const ok = await page
        .waitForFunction((n) => (window.__bench?.results.length ?? 0) >= n, expected, { timeout: 10_000, polling: 'raf' })
        .then(() => true)
        .catch(() => false);
      if (!ok) {
        missed++;
        misses.push({ rating: i + 1, heading: ((await page.locator('#review-card-front').first().textContent().catch(() => null)) ?? '(no card)').slice(0, 80) });
        await page.evaluate(() => {
          if (window.__bench) window.__bench.keyAt = null;
        });
      }
      await sleep(20);
    }
    const samples = await page.evaluate(() => window.__bench?.results ?? []);
    const dom = samples.map((s) => s.dom);
    const paint = samples.map((s) => s.paint);
    return {
      ratings,
      missed,
      misses,
      domP50: round(percentile(dom, 50), 1),
      domP95: round(percentile(dom, 95), 1),
      paintP50: round(percentile(paint, 50), 1),
      paintP95: round(percentile(paint, 95), 1),
      samples: samples.map((s) => ({ dom: round(s.dom, 2), paint: round(s.paint, 2) })),
    };
  } finally {
    await context.close();
  }
}

/**
 * Signs up a teacher and creates an assignment through the pages, for the teacher report's
 * weight. Returns the report's path and the session cookies, or why it could not.
 */
export async function openTeacherReport(browser: Browser, base: string): Promise<{ path: string; cookie: string } | { error: string }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/teach/sign-up`, { waitUntil: 'load' });
    await page.getByLabel('Your name').fill('Bench Teacher');
    await page.getByLabel('Email').fill(`bench-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('bench-password-123');
    await page.getByRole('button', { name: 'Create teacher account' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/teach/sign-up'));
    await page.goto(`${base}/teach/new`, { waitUntil: 'load' });
    await page.getByLabel('Title').fill('Bench assignment');
    await page.getByRole('button', { name: 'Create assignment' }).click();
    await page.waitForURL(/\/teach\/assignments\/[^/]+$/);
    const path = new URL(page.url()).pathname;
    const cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ');
    return { path, cookie };
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200) };
  } finally {
    await context.close();
  }
}
