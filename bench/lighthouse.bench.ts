/**
 * Public pages under Lighthouse: one page of each kind the public can read (one address per template,
 * taken from the sitemap's list of public pages), in Swedish and, where they exist, in English, each
 * audited by Lighthouse with its default settings (a mid-range phone on a slow 4G line, simulated) in
 * the system Chromium. Reports the four category scores, the first paint and what the page costs to
 * fetch before images. Runs as a child process of bench/run.ts on SQLite with the demo seeded.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import type { Result as LighthouseReport } from 'lighthouse';
import { createContext, readRepos } from '../src/app/context.js';
import { listProgrammes } from '../src/app/programmes/list-programmes.js';
import { publicPaths } from '../src/app/public-paths.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createDb } from '../src/storage/database.js';
import { hasEnglishVersion } from '../src/web/i18n/english-pages.js';
import { localized } from '../src/web/i18n/locale.js';
import { migrateToLatest } from '../src/storage/migrations/index.js';
import { startApp } from './app-server.js';
import { childMain, progress } from './support.js';

/** Lighthouse's command line, run with this Node in a process of its own: it needs more heap than the server's limit. */
const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

/** Audits `url` in the running browser; the report Lighthouse writes as JSON. */
async function audit(url: string, port: number, out: string): Promise<LighthouseReport> {
  await promisify(execFile)(
    process.execPath,
    [LIGHTHOUSE_CLI, url, `--port=${port}`, '--output=json', `--output-path=${out}`, '--quiet'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(readFileSync(out, 'utf8')) as LighthouseReport;
}

/** Where the server looks for Chromium when CHROMIUM_PATH is not set (src/config/env.ts). */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseInput {
  tmpDir: string;
  /** At most this many page kinds (quick runs take a few). */
  maxPages: number;
}

export interface PageAudit {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits that cost points, with their score (0–1). */
  misses: string[];
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  /** Bytes transferred for the page before images: HTML, stylesheets, fonts, anything else. */
  bytesBeforeImages: number;
  requests: number;
}

export interface LighthouseResult {
  chromium: string;
  lighthouse: string;
  pages: PageAudit[];
}

/**
 * One address per page template: path segments that name a record (a programme, an indicator, a year,
 * an id) are wildcards, so `/program/sup-2035` and `/program/sup-2013` are one kind.
 */
export function pagesByKind(paths: readonly string[], recordNames: ReadonlySet<string>): string[] {
  const kinds = new Map<string, string>();
  for (const path of paths) {
    const kind = path
      .split('/')
      .map((segment) => (/\d/.test(segment) || recordNames.has(decodeURIComponent(segment)) ? ':' : segment))
      .join('/');
    if (!kinds.has(kind)) kinds.set(kind, path);
  }
  return [...kinds.values()];
}

interface ResourceItem {
  resourceType: string;
  transferSize: number;
  requestCount: number;
}

async function lighthouseBench(input: LighthouseInput): Promise<LighthouseResult> {
  const chromium = process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!chromium) throw new Error('No Chromium found (set CHROMIUM_PATH).');
  const file = join(input.tmpDir, 'lighthouse.sqlite');
  const storage = createDb(file);
  const browser = await chromeLauncher.launch({
    chromePath: chromium,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    await migrateToLatest(storage);
    const ctx = createContext(storage);
    if (!(await seedDemo(ctx))) throw new Error('seedDemo did not seed an empty database.');
    const [programmes, indicators] = await Promise.all([listProgrammes(ctx), readRepos(ctx).indicators.list()]);
    const recordNames = new Set([...programmes.map((i) => i.programme.slug), ...indicators.map((i) => i.key)]);
    const swedish = pagesByKind(await publicPaths(ctx), recordNames);
    const english = swedish.filter((path) => hasEnglishVersion(path)).map((path) => localized(path, 'en'));
    const paths = [...swedish, ...english].slice(0, input.maxPages);
    const server = await startApp(ctx);
    const pages: PageAudit[] = [];
    let version = '';
    try {
      for (const path of paths) {
        progress(`lighthouse: ${path}`);
        const lhr = await audit(server.url + path, browser.port, join(input.tmpDir, 'lighthouse.json'));
        version = lhr.lighthouseVersion;
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
        const scores = Object.fromEntries(
          CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
        ) as PageAudit['scores'];
        const misses = CATEGORIES.flatMap((id) =>
          (lhr.categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0)
            .map((ref) => lhr.audits[ref.id]!)
            .filter((audit) => audit.score !== null && audit.score < 1)
            .map((audit) => `${audit.id} ${audit.score!.toFixed(2)}`),
        );
        const resources = ((lhr.audits['resource-summary']?.details as { items?: ResourceItem[] } | undefined)?.items ??
          []) as ResourceItem[];
        const total = resources.find((r) => r.resourceType === 'total');
        const images = resources.find((r) => r.resourceType === 'image');
        pages.push({
          path,
          scores,
          misses,
          firstContentfulPaintMs: lhr.audits['first-contentful-paint']?.numericValue ?? NaN,
          largestContentfulPaintMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
          bytesBeforeImages: (total?.transferSize ?? 0) - (images?.transferSize ?? 0),
          requests: total?.requestCount ?? 0,
        });
      }
    } finally {
      await server.close();
    }
    return { chromium, lighthouse: version, pages };
  } finally {
    browser.kill();
    await storage.db.destroy();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

childMain(lighthouseBench);
