/**
 * Everything the suite starts is registered here and undone in reverse order: at the end, on an
 * error, and on Ctrl-C (SIGINT) or SIGTERM. Each step runs once, whatever happens to the others.
 */
type Step = { label: string; undo: () => Promise<void> | void };

const steps: Step[] = [];
let running: Promise<void> | undefined;

/** Whether the cleanup has begun (after a signal the suite starts no further scenario). */
export const cleaningUp = (): boolean => running !== undefined;

/** Registers an undo step; returns a function that runs it now (and removes it from the list). */
export function onCleanup(label: string, undo: () => Promise<void> | void): () => Promise<void> {
  const step: Step = { label, undo };
  steps.push(step);
  return async () => {
    const index = steps.indexOf(step);
    if (index === -1) return;
    steps.splice(index, 1);
    await undo();
  };
}

/** Runs every registered step, last first; failures are reported and do not stop the others. */
export function cleanUp(): Promise<void> {
  running ??= (async () => {
    while (steps.length > 0) {
      const step = steps.pop()!;
      try {
        await step.undo();
      } catch (error) {
        console.error(`cleanup: ${step.label} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return running;
}

/** On Ctrl-C or SIGTERM: clean up, then exit with 130/143. A second signal exits at once. */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      if (running) process.exit(code);
      console.error(`\n${signal}: stopping everything the suite started …`);
      void cleanUp().finally(() => process.exit(code));
    });
  }
}
