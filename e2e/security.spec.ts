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
    // The API and static files get the static headers from next.config.mjs (the proxy runs for pages only).
    for (const path of ['/api/v1/sets', '/api/no-such-route', '/favicon.ico']) {
      const h = (await request.get(path)).headers();
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['x-frame-options'], path).toBe('DENY');
      expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    }
    for (const path of ['/api/v1/sets', '/api/no-such-route']) {
      expect((await request.get(path)).headers()['content-security-policy'], path).toContain("default-src 'none'");
    }
    // HSTS only over HTTPS (as a TLS proxy reports it).
    expect((await request.get('/')).headers()['strict-transport-security']).toBeUndefined();
    expect((await request.get('/', { headers: { 'x-forwarded-proto': 'https' } })).headers()['strict-transport-security']).toMatch(
      /max-age=\d+/,
    );
  });

  test('the learner cookie is httpOnly and SameSite=Lax', async ({ page }) => {
    await page.request.post('/api/v1/attempts', { data: { setId: 'timeline' } });
    const cookie = (await page.context().cookies()).find((c) => c.name === 'passage_learner');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  test('a cross-site write to the JSON API is refused and changes nothing', async ({ request, baseURL }) => {
    const { token } = await (await request.post('/api/v1/learners')).json();
    const auth = { authorization: `Bearer ${token}` };
    const sibling = baseURL!.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1}`);
    for (const origin of ['https://evil.example', 'null', sibling]) {
      const foreign = await request.post('/api/v1/attempts', { headers: { ...auth, origin }, data: { setId: 'timeline' } });
      expect(foreign.status(), origin).toBe(403);
      expect((await foreign.json()).error.message, origin).toBe('Cross-site requests are not accepted.');
      expect(foreign.headers()['x-content-type-options'], origin).toBe('nosniff');
    }
    // better-auth's handler is behind the same wrapper.
    const auth403 = await request.post('/api/auth/sign-in/email', {
      headers: { origin: 'https://evil.example' },
      data: { email: 'a@school.test', password: 'whatever it is' },
    });
    expect(auth403.status()).toBe(403);
    const progress = await request.get('/api/v1/me/export/passage-data.json', { headers: auth });
    expect((await progress.json()).quizAttempts).toEqual([]);
    const same = await request.post('/api/v1/attempts', { headers: auth, data: { setId: 'timeline' } });
    expect(same.status()).toBe(201);
  });
});
