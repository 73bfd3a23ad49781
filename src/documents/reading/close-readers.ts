import { closeOcrRepair } from './ocr-repair.js';
import { closeOcr } from './ocr.js';

/** Ends the worker threads that read documents (OCR, and the repair of its damage), if they run. */
export const closeDocumentReaders = async (): Promise<void> => {
  await Promise.all([closeOcr(), closeOcrRepair()]);
};
