// Node flags for Passage's server processes (npm start, and the bench's servers alike).
// A 64 MB young generation: each request allocates enough (the web Request, its streams, the
// answer's JSON) that with Node's default 16 MB, objects still in use by requests in flight were
// promoted and collected by the old generation's slower GC; measured with npm run bench (quick,
// answers): p99 at 64 connections 1.2-1.8 s before, 106 ms after, and 10-15 % more answers/s.
// It costs up to ~150 MB more resident memory per process at full load (the bench prints it).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/** The flags, unless NODE_OPTIONS already chooses a young generation size. */
export function serverNodeFlags(env = process.env) {
  return /--max-semi-space-size/.test(env.NODE_OPTIONS ?? '') ? [] : SERVER_NODE_FLAGS;
}
