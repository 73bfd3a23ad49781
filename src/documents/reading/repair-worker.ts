/**
 * The worker thread that repairs OCR damage (started by ocr-repair.ts): the Swedish language model lives
 * here, in a heap of its own, loaded on the first text and kept while the worker runs.
 */
import { parentPort } from 'node:worker_threads';
import { repairOcrText } from '../../domain/decision-documents/ocr-repair/repair-ocr.js';
import type { RepairJob, RepairReply } from './ocr-repair.js';
import { swedishLanguageModel } from './swedish-language-model.js';

if (!parentPort) throw new Error('repair-worker.ts runs as a worker thread (src/documents/reading/ocr-repair.ts).');
const port = parentPort;
port.on('message', ({ id, text }: RepairJob) => {
  let reply: RepairReply;
  try {
    reply = { id, result: repairOcrText(text, swedishLanguageModel()) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
