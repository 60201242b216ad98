// Last-resort cleanup for the reliability tests: when the test process exits or is interrupted
// (Ctrl-C, a timeout's SIGTERM) before afterAll has run, servers are killed and temporary
// folders removed. Each registered step must be synchronous.
const steps = new Set<() => void>();
let installed = false;

function runAll(): void {
  for (const step of [...steps]) {
    try {
      step();
    } catch {
      /* best effort */
    }
  }
  steps.clear();
}

/** Runs `step` if the process ends before the returned function is called. */
export function registerCleanup(step: () => void): () => void {
  if (!installed) {
    installed = true;
    process.once('exit', runAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        runAll();
        // The default action again: end as the signal would have.
        process.kill(process.pid, signal);
      });
    }
  }
  steps.add(step);
  return () => {
    steps.delete(step);
  };
}
