// A small round-robin HTTP balancer (node:http only) in front of several Passage instances: the
// scale test's stand-in for the load balancer of a deployment on several machines. (`npm start`
// with PASSAGE_WORKERS shares one port between its processes instead: scripts/serve-cluster.mjs.)
import http from 'node:http';

/** Requests that change nothing, sent again to another backend when theirs fails before answering. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);
/** A backend that refused a connection is skipped for this long before it is tried again. */
const DOWN_MS = 1000;
/**
 * An idle connection to a backend is closed after this long: before the backend's own keep-alive
 * timeout (Node's and `next start`'s 5 s) closes it, or a request sent just then meets a closing
 * connection and its client gets a 502.
 */
const IDLE_MS = 4000;

/**
 * Starts the balancer on `port`/`host`. Each request goes to the next backend that is up; when a
 * backend refuses the connection (it is starting, restarting or was killed) the request, which it
 * never received, goes to the next one, as does a GET that fails before its answer. Any other
 * request whose backend fails after receiving it is not sent again (the backend may have acted on
 * it): the client gets 502 and retries as it would any failure. A failed backend gets no requests
 * for a second.
 * The client's address is appended to X-Forwarded-For, so the backends must trust one more hop.
 *
 * @param {{ port: number, host?: string, backends: { host?: string, port: number }[], log?: (line: string) => void, idleMs?: number }} options
 * @returns {Promise<http.Server>}
 */
export function startBalancer({ port, host, backends, log = () => {}, idleMs = IDLE_MS }) {
  if (backends.length === 0) throw new Error('the balancer needs at least one backend');
  const pool = backends.map((b) => ({
    host: b.host ?? '127.0.0.1',
    port: b.port,
    downUntil: 0,
    agent: new http.Agent({ keepAlive: true, maxSockets: 512, timeout: idleMs }),
  }));
  let turn = 0;
  const pick = (tried) => {
    const now = Date.now();
    for (let i = 0; i < pool.length; i++) {
      const candidate = pool[(turn + i) % pool.length];
      if (!tried.has(candidate) && candidate.downUntil <= now) {
        turn = (turn + i + 1) % pool.length;
        return candidate;
      }
    }
    // Every backend looks down: try one not tried yet anyway (it may be back).
    return pool.find((b) => !tried.has(b)) ?? null;
  };

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
  });

  function forward(req, res, body, tried) {
    const backend = pick(tried);
    if (!backend) {
      fail(res, 503, 'No Passage process is up; try again in a moment.');
      return;
    }
    tried.add(backend);
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    const peer = req.socket.remoteAddress ?? 'unknown';
    headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${peer}` : peer;
    headers['content-length'] = String(body.length);
    let connected = false;
    const upstream = http.request(
      { host: backend.host, port: backend.port, method: req.method, path: req.url, headers, agent: backend.agent },
      (answer) => {
        const out = {};
        for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, out);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    upstream.on('error', (error) => {
      // Whatever went wrong, send no more requests there for a while.
      backend.downUntil = Date.now() + DOWN_MS;
      const neverReached = !connected && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(error.code);
      if (!res.headersSent && (neverReached || SAFE_METHODS.has(req.method))) {
        log(`backend ${backend.port} failed (${error.code}); trying the next`);
        forward(req, res, body, tried);
      } else if (!res.headersSent) fail(res, 502, 'The Passage process serving this request stopped; try again.');
      else res.destroy();
    });
    upstream.end(body);
  }

  function fail(res, status, message) {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'retry-after': '1' });
    res.end(JSON.stringify({ error: { code: 'unavailable', message, path: [] } }));
  }

  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
