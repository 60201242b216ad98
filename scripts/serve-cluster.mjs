// Several copies of one server program on one port, for `npm start` with PASSAGE_WORKERS above 1.
// node:cluster shares the listening socket: the primary hands each new connection to the next
// process in turn, and the requests on it go straight to that process, with no proxy reading and
// writing every byte on the same cores.
import cluster from 'node:cluster';

/**
 * Starts `workers` processes running `exec` with `args`. One that exits after it has served is
 * started again `restartMs` later; one that exits before it ever listened (a wrong setting, a
 * missing build) ends them all, and `ended` settles with its exit code, so a broken start fails
 * once instead of restarting forever.
 *
 * @param {{ exec: string, args: string[], execArgv?: string[], workers: number, env?: NodeJS.ProcessEnv, restartMs?: number, log?: (line: string) => void }} options
 */
export function serveInCluster({ exec, args, execArgv = [], workers, env = process.env, restartMs = 500, log = console.error }) {
  cluster.setupPrimary({ exec, args, execArgv });
  const live = new Set();
  let stopping = false;
  /** What `ended` reports: 0, or the code of a process that never served. */
  let exitCode = 0;
  let end;
  const ended = new Promise((resolve) => (end = resolve));
  let listened = 0;
  let allListening;
  const ready = new Promise((resolve) => (allListening = resolve));

  const stopAll = () => {
    stopping = true;
    const exits = [...live].map((worker) => new Promise((resolve) => worker.once('exit', resolve)));
    for (const worker of live) worker.process.kill('SIGTERM');
    return Promise.all(exits).then(() => undefined);
  };

  const fork = () => {
    const worker = cluster.fork(env);
    let served = false;
    live.add(worker);
    worker.once('listening', () => {
      served = true;
      if (++listened === workers) allListening();
    });
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) {
        if (live.size === 0) end({ code: exitCode });
        return;
      }
      const how = signal ?? `code ${code}`;
      if (!served) {
        log(`A Passage process exited (${how}) before it served; stopping the others.`);
        exitCode = code || 1;
        void stopAll().then(() => end({ code: exitCode }));
        return;
      }
      log(`Passage process ${worker.process.pid} exited (${how}); starting another.`);
      setTimeout(() => {
        if (!stopping) fork();
      }, restartMs);
    });
  };
  for (let i = 0; i < workers; i++) fork();

  return {
    /** Settles once the first `workers` processes are all listening. */
    ready,
    /** Settles once every process has ended: after `stop()` (code 0), or a process that never served (its code). */
    ended,
    /** The process ids serving now. */
    pids: () => [...live].map((worker) => worker.process.pid),
    /** Ends every process (SIGTERM) and resolves when they have exited. */
    stop: async () => {
      await stopAll();
      end({ code: exitCode });
    },
  };
}
