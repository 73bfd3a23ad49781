/**
 * Repair of OCR damage off the main thread. The language model (word and pair frequencies, dictionary-sv's
 * word forms) takes about a second to load and some 120 MB of heap: in the server's own thread the first
 * document would stop every other request for that second, and the model would crowd the pages' heap. So
 * one worker thread per process holds it, started on the first text, with a heap limit of its own; texts
 * are repaired there one at a time. A worker idle for REPAIR_IDLE_MS is ended, giving its memory back;
 * `closeOcrRepair()` ends it at once (shutdown, tests, the command line).
 */
import { Worker } from 'node:worker_threads';
import type { RepairedText } from '../../domain/decision-documents/document-reading.js';

export const REPAIR_IDLE_MS = 5 * 60_000;
/** The worker's old space: the model with room to work (it needs about 130 MB). */
const WORKER_HEAP_MB = 384;

export interface RepairJob {
  id: number;
  text: string;
}
export type RepairReply = { id: number; result: RepairedText } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: RepairedText) => void; reject: (e: Error) => void }>();
let idleTimer: NodeJS.Timeout | undefined;

/** From source (tests, the benchmarks) the worker's TypeScript is run through tsx; compiled, it is plain JavaScript. */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const started = new Worker(new URL(fromSource ? './repair-worker.ts' : './repair-worker.js', import.meta.url), {
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  started.on('message', (reply: RepairReply) => {
    const job = waiting.get(reply.id);
    if (!job) return;
    waiting.delete(reply.id);
    if ('error' in reply) job.reject(new Error(`Lagningen av texten misslyckades: ${reply.error}`));
    else job.resolve(reply.result);
    if (waiting.size === 0) {
      // Idle: no longer a reason for the process to stay up, and ended after a while.
      started.unref();
      idleTimer = setTimeout(() => void closeOcrRepair(), REPAIR_IDLE_MS).unref();
    }
  });
  // A worker that dies (out of memory, a crash) fails what it held; the next text starts a new one.
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      job.reject(error);
    }
  };
  started.on('error', fail);
  started.on('exit', (code) =>
    fail(new Error(`Lagningen av texten avbröts (arbetstråden avslutades med kod ${code}).`)),
  );
  return started;
}

/** The text with the damage scans do to Swedish letters repaired, each change kept (repairOcrText). */
export function repairScannedText(text: string): Promise<RepairedText> {
  clearTimeout(idleTimer);
  worker ??= startWorker();
  const id = nextId++;
  const running = worker;
  // Kept referenced while it works, so a command that waits for it does not end first.
  running.ref();
  return new Promise<RepairedText>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    running.postMessage({ id, text } satisfies RepairJob);
  });
}

/** Ends the worker now (the model's memory is given back); a later text starts a new one. */
export async function closeOcrRepair(): Promise<void> {
  clearTimeout(idleTimer);
  const current = worker;
  worker = null;
  if (current) await current.terminate();
}
