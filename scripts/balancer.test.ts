import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBalancer } from './balancer.mjs';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const listen = async (server: http.Server): Promise<number> => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

/** A backend that answers with its name, the body it got and the X-Forwarded-For it saw. */
const backend = (name: string) =>
  listen(
    http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.end(JSON.stringify({ name, body, forwardedFor: req.headers['x-forwarded-for'] }));
      });
    }),
  );

const balancer = async (backends: { port: number }[]): Promise<number> => {
  const server = await startBalancer({ port: 0, host: '127.0.0.1', backends });
  servers.push(server);
  return (server.address() as AddressInfo).port;
};

const freePort = async () => {
  const port = await listen(http.createServer());
  await new Promise((resolve) => servers.pop()!.close(resolve));
  return port;
};

async function post(port: number, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body, headers });
  return { status: response.status, cookies: response.headers.getSetCookie(), json: (await response.json()) as Record<string, string> };
}

describe('the balancer', () => {
  it('takes turns, passes bodies and headers through both ways, and appends the client to X-Forwarded-For', async () => {
    const backends = [{ port: await backend('one') }, { port: await backend('two') }];
    const port = await balancer(backends);
    const answers = [await post(port, 'a'), await post(port, 'b', { 'x-forwarded-for': '203.0.113.9' }), await post(port, 'c')];
    expect(answers.map((a) => a.json.name)).toEqual(['one', 'two', 'one']);
    expect(answers.map((a) => a.json.body)).toEqual(['a', 'b', 'c']);
    expect(answers[0]!.cookies).toEqual(['a=1', 'b=2']);
    expect(answers[0]!.json.forwardedFor).toBe('127.0.0.1');
    expect(answers[1]!.json.forwardedFor).toBe('203.0.113.9, 127.0.0.1');
  });

  it('sends a request a backend refused to the next one, and answers 503 when none is up', async () => {
    const down = await freePort();
    const up = await backend('up');
    const port = await balancer([{ port: down }, { port: up }]);
    const answers = [await post(port, 'a'), await post(port, 'b'), await post(port, 'c')];
    expect(answers.map((a) => [a.status, a.json.name])).toEqual([
      [200, 'up'],
      [200, 'up'],
      [200, 'up'],
    ]);
    const none = await balancer([{ port: down }]);
    expect((await post(none, 'x')).status).toBe(503);
  });

  it('answers 502 for a POST whose backend died while serving it (it may have acted on it), and sends a GET to the next', async () => {
    const dying = await listen(http.createServer((req) => req.socket.destroy()));
    expect((await post(await balancer([{ port: dying }]), 'x')).status).toBe(502);
    const port = await balancer([{ port: dying }, { port: await backend('up') }]);
    const got = await fetch(`http://127.0.0.1:${port}/x`);
    expect([got.status, ((await got.json()) as { name: string }).name]).toEqual([200, 'up']);
  });

  it('closes an idle connection to a backend before the backend’s keep-alive timeout does (a request sent on it then would fail)', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    server.keepAliveTimeout = 5000;
    const port = await listen(server);
    const front = await startBalancer({ port: 0, host: '127.0.0.1', backends: [{ port }], idleMs: 100 });
    servers.push(front);
    const response = await fetch(`http://127.0.0.1:${(front.address() as AddressInfo).port}/`);
    expect(await response.text()).toBe('ok');
    const open = () => new Promise<number>((resolve, reject) => server.getConnections((error, n) => (error ? reject(error) : resolve(n))));
    await vi.waitFor(async () => expect(await open()).toBe(0), { timeout: 2000 });
  });
});
