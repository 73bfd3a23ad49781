/**
 * (7) A full disk under SQLite: one instance with its database on a small tmpfs (mounted here, as
 * root), the disk then filled to the last byte, and writes made until one is refused. The refusal must
 * be a clear Swedish answer (not the generic 500), and afterwards — space freed, server stopped — the
 * database passes `PRAGMA integrity_check`, the audit trail's hash chain holds (`samverkan audit
 * verify`), every acknowledged write is in it and the demo's data are all there. Started again, the
 * instance takes writes.
 *
 * Where mounting is not permitted (not root, or --no-mount), SQLite's own limit stands in for the
 * disk: the instance is restarted with `PRAGMA max_page_count` set on its connection (a preloaded
 * module) a few pages above the database's size, which gives the same SQLITE_FULL. The result says so.
 */
import { closeSync, mkdirSync, openSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { choosePassword, addUser, createApiToken, signIn, strongPassword } from '../accounts.js';
import { onCleanup } from '../cleanup.js';
import { Instance } from '../instances.js';
import { freePort, isRoot, run } from '../processes.js';
import { mb, scenario, type Findings } from '../report.js';
import type { SignedInStack } from '../stack.js';
import {
  acknowledgedCount,
  checkWrites,
  reportBody,
  reportPath,
  storedWrites,
  writeTargets,
  writeWhile,
  type WriteLog,
} from '../writes.js';

const TMPFS_SIZE = '48m';
/** Pages above the database's size that the max_page_count fallback allows. */
const PAGE_MARGIN = 16;

const PAGE_LIMIT_MODULE = `// Written by ops/scenarios/full-disk.ts: limits every better-sqlite3 connection of this process to
// OPS_SQLITE_MAX_PAGE_COUNT pages, as a full disk would.
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/package.json');
const Database = require('better-sqlite3');
const limit = Number(process.env.OPS_SQLITE_MAX_PAGE_COUNT);
const pragma = Database.prototype.pragma;
const limited = new WeakSet();
Database.prototype.pragma = function (source, options) {
  if (!limited.has(this)) {
    limited.add(this);
    pragma.call(this, 'max_page_count = ' + limit);
  }
  return pragma.call(this, source, options);
};
`;

type Counts = Record<string, number>;
const TABLES = ['programmes', 'goals', 'indicator_values', 'plans', 'plan_activities', 'users', 'audit_events'];

function counts(file: string): Counts {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t, (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

/** Writes zeros until the file system refuses (ENOSPC): 1 MiB at a time, then 4 KiB. */
function fillDisk(file: string): number {
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    for (const size of [1024 * 1024, 4096, 512]) {
      const chunk = Buffer.alloc(size);
      for (;;) {
        try {
          written += writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

async function mountTmpfs(dir: string, f: Findings): Promise<(() => Promise<void>) | undefined> {
  if (!isRoot()) {
    f.note('not root: mounting a tmpfs is not permitted; SQLite max_page_count stands in for the full disk');
    return undefined;
  }
  const mounted = await run('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE},mode=0755`, 'samverkan-ops', dir], {
    allowFailure: true,
  });
  if (mounted.code !== 0) {
    f.note(`mount -t tmpfs failed (${mounted.stderr.trim()}); SQLite max_page_count stands in for the full disk`);
    return undefined;
  }
  return onCleanup(`umount ${dir}`, async () => {
    const result = await run('umount', [dir], { allowFailure: true });
    if (result.code !== 0) await run('umount', ['-l', dir], { allowFailure: true });
  });
}

export const fullDiskScenario = (stack: SignedInStack) =>
  scenario('7', 'full disk under SQLite', async (f) => {
    const dir = join(stack.dir, 'full-disk');
    mkdirSync(dir, { recursive: true });
    const unmount = stack.options.noMount ? undefined : await mountTmpfs(dir, f);
    if (stack.options.noMount) f.note('--no-mount: SQLite max_page_count stands in for the full disk');
    const mode = unmount ? `tmpfs of ${TMPFS_SIZE}` : 'PRAGMA max_page_count';
    f.figure('full disk made with', mode);
    const file = join(dir, 'samverkan.sqlite');
    const filler = join(dir, 'filler');
    const port = await freePort(
      23101,
      stack.instances.map((i) => i.port),
    );
    const instance = new Instance(
      {
        name: 'sqlite',
        port,
        env: {
          DATABASE_URL: file,
          SEED_DEMO: 'true',
          TRUST_PROXY: 'false',
          LOG_LEVEL: 'info',
          PUBLIC_URL: `http://127.0.0.1:${port}`,
        },
      },
      stack.dir,
    );
    try {
      instance.start();
      await instance.waitReady();
      const client = instance.client;
      const account = { email: 'fulldisk@example.se', name: 'Driftprov disk', password: strongPassword() };
      await choosePassword(client, await addUser(file, account.email, account.name), account.password);
      client.cookies.clear();
      await signIn(client, account);
      const token = await createApiToken(client, 'fulldisk');
      const targets = await writeTargets(client, 2);
      const label = `ops-disk-${Date.now().toString(36)}`;

      const before = await writeWhile(client, token, targets, `${label}-a`, (log) => log.sent < 20);
      f.check(
        acknowledgedCount(before) === 20,
        `only ${acknowledgedCount(before)} of 20 writes before the disk filled`,
      );
      const countsBefore = counts(file);

      if (unmount) {
        const filled = fillDisk(filler);
        f.figure(
          'filler written',
          `${mb(filled / 1024 / 1024)}; free afterwards ${statfsSync(dir).bavail * statfsSync(dir).bsize} bytes`,
        );
      } else {
        await instance.stop();
        const db = new Database(file);
        const pages = (db.pragma('page_count', { simple: true }) as number) + PAGE_MARGIN;
        db.close();
        const preload = join(stack.dir, 'sqlite-page-limit.mjs');
        writeFileSync(preload, PAGE_LIMIT_MODULE);
        instance.nodeFlags = ['--import', pathToFileURL(preload).href];
        instance.env.OPS_SQLITE_MAX_PAGE_COUNT = String(pages);
        instance.start();
        await instance.waitReady();
        f.figure('max_page_count', `${pages} (the database's pages + ${PAGE_MARGIN})`);
      }

      // Big reports until one is refused (or 4 000 were taken: then the disk never filled).
      const during: WriteLog = await writeWhile(
        client,
        token,
        targets,
        `${label}-b`,
        (log) => Object.keys(log.failures).length === 0 && log.sent < 4000,
        { commentPadding: 3500 },
      );
      f.figure(
        'writes on the full disk',
        `${acknowledgedCount(during)} acknowledged before the first refusal; refusals: ${
          Object.entries(during.failures)
            .map(([k, n]) => `${k}×${n}`)
            .join(' ') || 'none'
        }`,
      );
      f.check(Object.keys(during.failures).length > 0, 'no write was refused: the disk never filled');

      const target = targets[0]!;
      const refused = await client.postJson(
        reportPath(target),
        reportBody(target, `${label}-refused ${'x'.repeat(3500)}`),
        {
          authorization: `Bearer ${token}`,
        },
      );
      let code = '';
      let message = '';
      try {
        const body = JSON.parse(refused.body) as { error?: { code?: string; message?: string } };
        code = body.error?.code ?? '';
        message = body.error?.message ?? '';
      } catch {
        message = refused.body.slice(0, 200);
      }
      f.figure('a write on the full disk', `${refused.status} ${code}: ${message}`);
      f.check(
        refused.status === 507 || refused.status === 503,
        `the refused write answered ${refused.status}, not 507 or 503`,
      );
      f.check(
        code !== 'internal_error' && message !== '',
        `the refusal is the generic internal error ("${message}"), not a clear message that the disk is full`,
      );
      const read = await client.get(`/planer/${target.planId}`);
      const health = await client.get('/healthz');
      f.figure('reads meanwhile', `GET /planer/${target.planId} ${read.status}, /healthz ${health.status}`);

      const exit = await instance.stop();
      f.figure('stopped with SIGTERM, exit code', String(exit));
      rmSync(filler, { force: true });

      const db = new Database(file);
      const integrity = db.pragma('integrity_check', { simple: true });
      db.close();
      f.figure('PRAGMA integrity_check', String(integrity));
      f.check(integrity === 'ok', `integrity_check: ${integrity}`);
      const verified = await run(process.execPath, ['dist/cli/samverkan.js', 'audit', 'verify'], {
        env: { ...process.env, DATABASE_URL: file, LOG_LEVEL: 'warn' },
        allowFailure: true,
      });
      f.figure('samverkan audit verify', `exit ${verified.code}: ${verified.stdout.trim().split('\n')[0] ?? ''}`);
      f.check(verified.code === 0, `audit verify failed: ${verified.stdout}${verified.stderr}`);

      const query = async (sql: string) => {
        const reader = new Database(file, { readonly: true });
        try {
          return reader.prepare(sql).all() as Record<string, unknown>[];
        } finally {
          reader.close();
        }
      };
      // Every acknowledged write of both rounds in the audit trail; the current reports are the last round's.
      const checkBefore = checkWrites(before, targets, await storedWrites(before.label, query));
      const checkDuring = checkWrites(during, targets, await storedWrites(during.label, query));
      const lost = [...checkBefore.missingFromAudit, ...checkDuring.missingFromAudit];
      f.figure('acknowledged writes missing', lost.length);
      f.check(lost.length === 0, `acknowledged writes lost: ${lost.slice(0, 5).join(', ')}`);
      f.check(
        checkDuring.wrongCurrent.length === 0,
        `current reports not as acknowledged: ${checkDuring.wrongCurrent.join('; ')}`,
      );
      const countsAfter = counts(file);
      const changed = TABLES.filter((t) => t !== 'audit_events' && countsAfter[t] !== countsBefore[t]);
      f.figure('rows before → after', TABLES.map((t) => `${t} ${countsBefore[t]}→${countsAfter[t]}`).join(', '));
      f.check(changed.length === 0, `tables changed while the disk was full: ${changed.join(', ')}`);
      f.check(
        countsAfter.audit_events! >= countsBefore.audit_events! + acknowledgedCount(during),
        'the audit trail has fewer events than before plus the acknowledged writes',
      );

      instance.nodeFlags = [];
      delete instance.env.OPS_SQLITE_MAX_PAGE_COUNT;
      instance.start();
      await instance.waitReady();
      const again = await client.postJson(reportPath(target), reportBody(target, `${label}-again`), {
        authorization: `Bearer ${token}`,
      });
      f.figure(
        unmount ? 'a write after freeing space and a restart' : 'a write after lifting the limit and a restart',
        again.status,
      );
      f.check(again.status === 201, `after freeing space the write answered ${again.status}`);
      f.headline = `${mode}: refused with ${refused.status} ${code || '(no code)'}, integrity ${integrity}, ${acknowledgedCount(before) + acknowledgedCount(during)} acknowledged writes kept`;
    } finally {
      await instance.stop();
      instance.client.close();
      await unmount?.();
    }
  });
