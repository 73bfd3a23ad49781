/**
 * Documents: the Haninge memo rendered as HTML and as Word in-process, its Word file through the real
 * app (signed in), PDFs from one warm printer (the memo and a document of about ten pages), and a burst
 * of 20 PDF requests against the page latency of a signed-in page under load, with the same app, server
 * and shared printer as production creates them. Runs as a child process of bench/run.ts on SQLite with
 * the demo seeded; the load generator runs in a child of its own (bench/load.ts), Chromium in its own
 * processes (launched by the printer).
 */
import { readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { addUser } from '../src/app/auth/users.js';
import { startSession } from '../src/app/auth/sessions.js';
import { createContext, repositories, type AppContext } from '../src/app/context.js';
import { getMemoDocument } from '../src/app/documents/memo-document.js';
import { MEDIA_TYPES, type DocumentModel } from '../src/documents/document-model.js';
import { countPdfPages, createPdfPrinter, type PdfPrinter } from '../src/documents/pdf-printer.js';
import { renderDocumentDocx } from '../src/documents/render-docx.js';
import { renderDocumentHtml } from '../src/documents/render-html.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createDb, type Storage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrations/index.js';
import { longSampleDocument } from '../test/support/sample-document.js';
import { getOk, loadWithCpu, startApp, type ServerLoad } from './app-server.js';
import {
  childMain,
  peakRssBytes,
  percentile,
  phaseRecorder,
  progress,
  rssSampler,
  timeCalls,
  timed,
  type CallTimes,
  type RssAtPhase,
} from './support.js';

/** Where the server looks for Chromium when CHROMIUM_PATH is not set (src/config/env.ts). */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
/** The memo measured: Haninge's on the proposed programme, as in the memo tests. */
export const MEMO = { ref: 'sup-2035-proposal', member: '0136' } as const;
/**
 * longSampleDocument's argument: the sample's own pages plus one section per unit, so 7 prints as
 * about 10 A4 pages (10 printed 13). The part checks the printed count.
 */
export const LONG_SECTIONS = 7;
const LONG_PAGES_RANGE = [9, 11] as const;
/** The signed-in page loaded during the burst: the memo overview (a role is needed to see it). */
const PAGE_PATH = `/program/${MEMO.ref}/tjansteskrivelser`;
/** The public programme document as PDF, the burst's request. */
const PDF_PATH = '/program/sup-2035/dokument.pdf';
const MEMO_DOCX_PATH = `/program/${MEMO.ref}/tjansteskrivelser/${MEMO.member}/dokument.docx`;

/** A printer setting measured under the burst: production's default first, the others for comparison. */
export interface PrinterVariant {
  label: string;
  concurrency: number;
}

export interface DocumentsInput {
  /** Renders of each format (after warm-up), and requests of the memo's .docx. */
  renders: number;
  /** Prints of each document on the warm printer. */
  prints: number;
  /** PDF requests fired at once during the page load. */
  burst: number;
  variants: PrinterVariant[];
  connections: number;
  loadSeconds: number;
  warmupSeconds: number;
  tmpDir: string;
}

export interface PrintFigures extends CallTimes {
  pages: number;
  bytes: number;
}

export interface BurstFigures {
  variant: PrinterVariant;
  /** The signed-in page without PDFs, just before, and while the burst prints. */
  unloaded: ServerLoad;
  loaded: ServerLoad;
  ratio: number;
  pdfs: { ok: number; refused: number; other: number; p50Ms: number; maxMs: number };
  /** From firing the burst to its last answer, against the measured load's length. */
  burstSeconds: number;
  /** CPU seconds of Chromium's processes (all of them, reaped renderers included) during the loaded run. */
  chromiumCpuSeconds: number;
  /** CPU seconds of this process (server, app, printer's client) during the loaded run. */
  serverCpuSeconds: number;
  /** Chromium's processes' RSS summed (shared pages counted in each) at the end of the burst. */
  chromiumRssBytes: number;
}

export interface DocumentsResult {
  memo: { title: string; blocks: number; htmlBytes: number; docxBytes: number };
  html: CallTimes;
  docx: CallTimes;
  docxRoute: CallTimes & { bytes: number };
  chromium: string;
  launchAndFirstPrintMs: number;
  pdfMemo: PrintFigures;
  pdfLong: PrintFigures & { sections: number };
  bursts: BurstFigures[];
  rssByPhase: RssAtPhase[];
  peakRssBytes: number | null;
  maxSampledRssBytes: number;
  rssSamples: number;
}

const CLK_TCK = 100;

/** This process's descendants other than Node (Chromium's browser, zygotes, renderers, GPU and utility processes). */
function chromiumProcesses(): { pid: number; cpuTicks: number; rssPages: number }[] {
  const stats = new Map<number, { ppid: number; comm: string; cpuTicks: number; rssPages: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // After the comm: state ppid … utime(14) stime(15) cutime(16) cstime(17) … rss(24), 1-based in stat.
    const n = (i: number) => Number(fields[i - 3]);
    stats.set(Number(name), { ppid: n(4), comm, cpuTicks: n(14) + n(15) + n(16) + n(17), rssPages: n(24) });
  }
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, s] of stats)
      if (!mine.has(pid) && mine.has(s.ppid)) {
        mine.add(pid);
        grew = true;
      }
  }
  return [...stats]
    .filter(([pid, s]) => pid !== process.pid && mine.has(pid) && !/^(node|MainThread)$/.test(s.comm))
    .map(([pid, s]) => ({ pid, cpuTicks: s.cpuTicks, rssPages: s.rssPages }));
}
const chromiumCpuSeconds = () => chromiumProcesses().reduce((t, p) => t + p.cpuTicks, 0) / CLK_TCK;
const chromiumRssBytes = () => chromiumProcesses().reduce((t, p) => t + p.rssPages, 0) * 4096;

function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || CHROMIUM_CANDIDATES.find((c) => existsSync(c));
  if (!path || !existsSync(path))
    throw new Error('The documents part needs Chromium (CHROMIUM_PATH or /usr/bin/chromium).');
  return path;
}

async function printFigures(printer: PdfPrinter, doc: DocumentModel, prints: number): Promise<PrintFigures> {
  const pdf = await printer.print(doc);
  const times = await timeCalls(() => printer.print(doc), prints, 0);
  return { ...times, pages: countPdfPages(pdf), bytes: pdf.length };
}

/** The memo's .docx through the real app, signed in: p50/p99 of sequential requests. */
async function docxRoute(url: string, cookie: string, calls: number): Promise<CallTimes & { bytes: number }> {
  const first = await getOk(url + MEMO_DOCX_PATH, cookie);
  if (first.contentType !== MEDIA_TYPES.docx) throw new Error(`${MEMO_DOCX_PATH} answered ${first.contentType}.`);
  const times = await timeCalls(() => getOk(url + MEMO_DOCX_PATH, cookie), calls, 3);
  return { ...times, bytes: first.bytes };
}

/** A signed-in reader (a role sees memos), as a sign-in would make it: the cookie to send. */
async function readerCookie(ctx: AppContext): Promise<string> {
  const userId = await addUser(ctx, { email: 'bench-reader@bench.invalid', name: 'Bench Reader', role: 'reader' });
  const token = await startSession(repositories(ctx.storage.db, ctx.storage.dialect), ctx, userId);
  return `samverkan=${token}`;
}

/** Fires `count` PDF requests at once; resolves when all have answered. */
async function burst(url: string, count: number) {
  const started = process.hrtime.bigint();
  const answers = await Promise.all(
    Array.from({ length: count }, async () => {
      const { seconds, result } = await timed(async () => {
        const response = await fetch(url + PDF_PATH);
        const body = await response.arrayBuffer();
        return { status: response.status, type: response.headers.get('content-type') ?? '', bytes: body.byteLength };
      });
      return { ...result, ms: seconds * 1000 };
    }),
  );
  const burstSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = answers.filter((a) => a.status === 200 && a.type === MEDIA_TYPES.pdf);
  return {
    burstSeconds,
    pdfs: {
      ok: ok.length,
      refused: answers.filter((a) => a.status === 503).length,
      other: answers.filter((a) => a.status !== 503 && !(a.status === 200 && a.type === MEDIA_TYPES.pdf)).length,
      p50Ms: percentile(
        answers.map((a) => a.ms),
        50,
      ),
      maxMs: Math.max(...answers.map((a) => a.ms)),
    },
  };
}

async function measureBurst(
  ctx: AppContext,
  input: DocumentsInput,
  variant: PrinterVariant,
  chromium: string,
  cookie: string,
  phase: (name: string) => void,
): Promise<BurstFigures> {
  const printer = createPdfPrinter({
    executablePath: chromium,
    concurrency: variant.concurrency,
  });
  const server = await startApp(ctx, { pdfPrinter: printer });
  try {
    const { url } = server;
    await getOk(url + PAGE_PATH, cookie);
    await getOk(url + PDF_PATH); // launches the browser and warms it; the burst then finds it running
    const label = `documents, ${variant.label}`;
    const settings = { url, connections: input.connections, seconds: input.loadSeconds, headers: { cookie } };
    const unloaded = await loadWithCpu({ ...settings, warmupSeconds: input.warmupSeconds }, [PAGE_PATH], label);
    phase(`${variant.label}: page load`);
    progress(`${label}: the same load with ${input.burst} PDF requests at once (${PDF_PATH})`);
    let fired: ReturnType<typeof burst> | undefined;
    const cpuBefore = process.cpuUsage();
    const chromiumBefore = chromiumCpuSeconds();
    // The server is warm from the load just before: no warm-up, the PDFs fire as the measured load starts.
    const loaded = await loadWithCpu({ ...settings, warmupSeconds: 0 }, [PAGE_PATH], label, () => {
      fired = burst(url, input.burst);
    });
    if (!fired) throw new Error('The load child did not say when it started.');
    const pdfs = await fired;
    const chromiumAfter = chromiumCpuSeconds();
    const rss = chromiumRssBytes();
    const cpu = process.cpuUsage(cpuBefore);
    phase(`${variant.label}: page load with PDFs`);
    return {
      variant,
      unloaded,
      loaded,
      ratio: loaded.latencyP99Ms / unloaded.latencyP99Ms,
      ...pdfs,
      chromiumCpuSeconds: chromiumAfter - chromiumBefore,
      serverCpuSeconds: (cpu.user + cpu.system) / 1e6,
      chromiumRssBytes: rss,
    };
  } finally {
    await server.close();
    await printer.close();
  }
}

async function documentsBench(input: DocumentsInput): Promise<DocumentsResult> {
  const memory = rssSampler();
  const { phases: rssByPhase, phase } = phaseRecorder();
  phase('modules loaded');
  const chromium = chromiumPath();
  const file = join(input.tmpDir, 'documents.sqlite');
  const storage: Storage = createDb(file);
  try {
    await migrateToLatest(storage);
    const ctx = createContext(storage);
    progress('documents: seeding the demo');
    if (!(await seedDemo(ctx))) throw new Error('seedDemo did not seed an empty database.');
    const cookie = await readerCookie(ctx);
    phase('demo seeded');

    // 1. The memo, built once, as HTML and as Word; then its .docx through the app.
    const memo = await getMemoDocument(ctx, MEMO.ref, MEMO.member);
    const htmlBytes = Buffer.byteLength(renderDocumentHtml(memo, { styles: 'inline' }));
    const docxBytes = (await renderDocumentDocx(memo)).length;
    progress(`documents: ${input.renders} renders of the memo as HTML and as DOCX`);
    const html = await timeCalls(async () => renderDocumentHtml(memo, { styles: 'inline' }), input.renders, 10);
    const docx = await timeCalls(() => renderDocumentDocx(memo), input.renders, 5);
    phase('HTML and DOCX renders');
    const plain = await startApp(ctx);
    let route: DocumentsResult['docxRoute'];
    try {
      route = await docxRoute(plain.url, cookie, input.renders);
    } finally {
      await plain.close();
    }
    phase('.docx route');

    // 2. One printer, warmed by a first print, then the memo and the long document in turn.
    const printer = createPdfPrinter({ executablePath: chromium });
    let pdfMemo: PrintFigures;
    let pdfLong: PrintFigures;
    let launchAndFirstPrintMs: number;
    try {
      progress(`documents: PDFs on a warm printer (${chromium}), ${input.prints} prints each`);
      launchAndFirstPrintMs = (await timed(() => printer.print(memo))).seconds * 1000;
      pdfMemo = await printFigures(printer, memo, input.prints);
      pdfLong = await printFigures(printer, longSampleDocument(LONG_SECTIONS), input.prints);
    } finally {
      await printer.close();
    }
    if (pdfLong.pages < LONG_PAGES_RANGE[0] || pdfLong.pages > LONG_PAGES_RANGE[1])
      throw new Error(
        `longSampleDocument(${LONG_SECTIONS}) printed ${pdfLong.pages} pages, not about 10: adjust LONG_SECTIONS.`,
      );
    phase('PDF prints');

    // 3. The burst against the page latency, per printer setting.
    const bursts: BurstFigures[] = [];
    for (const variant of input.variants) bursts.push(await measureBurst(ctx, input, variant, chromium, cookie, phase));

    const sampled = memory.stop();
    return {
      memo: { title: memo.title, blocks: memo.blocks.length, htmlBytes, docxBytes },
      html,
      docx,
      docxRoute: route,
      chromium,
      launchAndFirstPrintMs,
      pdfMemo,
      pdfLong: { ...pdfLong, sections: LONG_SECTIONS },
      bursts,
      rssByPhase,
      peakRssBytes: peakRssBytes(),
      maxSampledRssBytes: sampled.maxRssBytes,
      rssSamples: sampled.samples,
    };
  } finally {
    await storage.db.destroy();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

childMain(documentsBench);
