import { expect, test } from '@playwright/test';

test.describe('security headers and cross-site requests', () => {
  test('every page carries a nonce-based CSP with no unsafe-inline scripts, and the other headers', async ({ request }) => {
    for (const path of ['/', '/sets/timeline', '/articles/kuril-talks', '/review', '/progress', '/settings', '/join', '/teach/sign-in']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const h = res.headers();
      const scriptSrc = h['content-security-policy']?.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
      expect(scriptSrc, path).not.toContain('unsafe-inline');
      expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(h['x-frame-options'], path).toBe('DENY');
      // The nonce in the header is the one on the page's scripts.
      const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
      expect(await res.text(), path).toContain(`nonce="${nonce}"`);
    }
    const api = await request.get('/api/v1/sets');
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('the learner cookie is httpOnly and SameSite=Lax', async ({ page }) => {
    await page.request.post('/api/v1/attempts', { data: { setId: 'timeline' } });
    const cookie = (await page.context().cookies()).find((c) => c.name === 'passage_learner');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  test('a cross-site write to the JSON API is refused and changes nothing', async ({ request }) => {
    const { token } = await (await request.post('/api/v1/learners')).json();
    const auth = { authorization: `Bearer ${token}` };
    const foreign = await request.post('/api/v1/attempts', { headers: { ...auth, origin: 'https://evil.example' }, data: { setId: 'timeline' } });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).error.message).toBe('Cross-site requests are not accepted.');
    const progress = await request.get('/api/v1/me/export/passage-data.json', { headers: auth });
    expect((await progress.json()).quizAttempts).toEqual([]);
    const same = await request.post('/api/v1/attempts', { headers: auth, data: { setId: 'timeline' } });
    expect(same.status()).toBe(201);
  });
});
