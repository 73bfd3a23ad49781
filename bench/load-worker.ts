/**
 * The HTTP load generator (autocannon, bench/load.ts) in one long-lived child process that runs one
 * load after another on request: the routes part measures some 200 loads, and a process of its own
 * per load would cost its start each time. The server's process measures its own CPU time around
 * each request to the worker.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadInput, LoadResult } from './load.js';

type Request = { id: number; input: LoadInput };
type Reply = { id: number; ok: true; result: LoadResult } | { id: number; ok: false; error: string };

export interface LoadWorker {
  run: (input: LoadInput) => Promise<LoadResult>;
  close: () => void;
}

/** Starts the worker (a child of this process, with its flags: `--import tsx`). */
export function startLoadWorker(): LoadWorker {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    stdio: 'inherit',
    execArgv: process.execArgv,
    env: { ...process.env, BENCH_LOAD_WORKER: '1' },
  });
  const waiting = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  let next = 0;
  child.on('message', (message: Reply) => {
    const w = waiting.get(message.id);
    if (!w) return;
    waiting.delete(message.id);
    if (message.ok) w.resolve(message.result);
    else w.reject(new Error(`load worker: ${message.error}`));
  });
  child.once('exit', (code, signal) => {
    for (const w of waiting.values())
      w.reject(new Error(`The load worker ended (exit code ${code}, signal ${signal}).`));
    waiting.clear();
  });
  return {
    run: (input) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        child.send({ id, input } satisfies Request);
      }),
    close: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}

// The child's side: runs each load it is sent, one at a time, until its parent goes away.
// autocannon is loaded here only, so the server's process (whose memory is measured) never holds it.
if (process.env.BENCH_LOAD_WORKER === '1' && process.send) {
  const { runLoad } = await import('./load.js');
  process.on('message', (message: Request) => {
    runLoad(message.input).then(
      (result) => process.send!({ id: message.id, ok: true, result } satisfies Reply),
      (error: unknown) =>
        process.send!({
          id: message.id,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies Reply),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
