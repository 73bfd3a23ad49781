import type { LocalRunner } from './local-runner.js';

/** Waits for the runs going in this process to end, at most `timeoutMs`. */
export async function untilIdleOr(runner: LocalRunner, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    timer.unref();
  });
  try {
    await Promise.race([runner.idle(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
