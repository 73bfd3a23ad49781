/**
 * (B) The nightly backup as deploy/systemd/samverkan-backup.service runs it: its ExecStart
 * (`samverkan backup` to a dated file) and ExecStartPost (removing copies older than BACKUP_KEEP_DAYS),
 * then `samverkan restore --sha256` of the copy into a new database of the cluster, which must hold the
 * same rows as the original.
 */
import { existsSync, mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mb, scenario } from '../report.js';
import { run } from '../processes.js';
import type { SignedInStack } from '../stack.js';
import { BACKUP_UNIT, localCommand, MIGRATE_UNIT, shellScript, unitEnvironment, unitValues } from '../units.js';

const TABLES = ['programmes', 'goals', 'plans', 'plan_activities', 'activity_reports', 'users', 'indicator_values'];

export const backupScenario = (stack: SignedInStack) =>
  scenario('B', 'backup and restore as the backup unit runs them', async (f) => {
    const dir = join(stack.dir, 'backups');
    mkdirSync(dir, { recursive: true });
    const unitEnv = unitEnvironment(BACKUP_UNIT);
    const env = { ...process.env, ...unitEnv, BACKUP_DIR: dir, DATABASE_URL: stack.cluster.url, LOG_LEVEL: 'warn' };
    const [execStart] = unitValues(BACKUP_UNIT, 'ExecStart');
    const [execStartPost] = unitValues(BACKUP_UNIT, 'ExecStartPost');
    // A copy older than the retention, which ExecStartPost must remove.
    const old = join(dir, 'samverkan-2000-01-01-000000.backup');
    writeFileSync(old, 'gammal');
    const longAgo = new Date(Date.now() - (Number(unitEnv.BACKUP_KEEP_DAYS ?? 30) + 10) * 86_400_000);
    utimesSync(old, longAgo, longAgo);

    const started = performance.now();
    const backup = await run('/bin/sh', ['-c', shellScript(execStart!)], { env });
    const seconds = (performance.now() - started) / 1000;
    const file = /Säkerhetskopian är skriven: (\S+)/.exec(backup.stdout)?.[1];
    const sha256 = /SHA-256:\s+([0-9a-f]{64})/.exec(backup.stdout)?.[1];
    if (!file || !sha256) throw new Error(`samverkan backup printed no file or checksum:\n${backup.stdout}`);
    f.figure(
      'backup',
      `${file.replace(`${dir}/`, '')}, ${mb(statSync(file).size / 1024 / 1024)} in ${seconds.toFixed(1)} s`,
    );
    await run('/bin/sh', ['-c', shellScript(execStartPost!)], { env });
    f.check(!existsSync(old), 'ExecStartPost left a copy older than BACKUP_KEEP_DAYS');
    f.check(existsSync(file), 'ExecStartPost removed the new copy');

    await stack.cluster.query('create database samverkan_restore');
    const restored = await run(process.execPath, ['dist/cli/samverkan.js', 'restore', '--sha256', sha256, file], {
      env: { ...process.env, DATABASE_URL: stack.cluster.urlOf('samverkan_restore'), LOG_LEVEL: 'warn' },
      allowFailure: true,
    });
    f.figure('restore --sha256 into a new database', `exit ${restored.code}`);
    f.check(restored.code === 0, `restore failed: ${restored.stderr || restored.stdout}`);
    // The migrate unit's command on the restored database: restore migrated it, so nothing is left to do.
    const [migrateLine] = unitValues(MIGRATE_UNIT, 'ExecStart');
    const [node, ...args] = localCommand(migrateLine!).split(/\s+/);
    const migrated = await run(node!, args, {
      env: { ...process.env, DATABASE_URL: stack.cluster.urlOf('samverkan_restore'), LOG_LEVEL: 'warn' },
      allowFailure: true,
    });
    f.figure('samverkan-migrate.service command', `exit ${migrated.code}: ${migrated.stdout.trim()}`);
    f.check(migrated.code === 0, `the migrate unit's command failed: ${migrated.stderr || migrated.stdout}`);
    const count = async (database: string) =>
      Promise.all(
        TABLES.map(
          async (t) =>
            (await stack.cluster.queryIn<{ n: number }>(database, `select count(*)::int as n from ${t}`))[0]!.n,
        ),
      );
    const [original, copy] = [await count('samverkan'), await count('samverkan_restore')];
    f.figure(
      'rows (original = restored)',
      TABLES.map((t, i) => `${t} ${original[i]}${original[i] === copy[i] ? '' : `≠${copy[i]}`}`).join(', '),
    );
    f.check(
      original.every((n, i) => n === copy[i]),
      'the restored database does not hold the same rows as the original',
    );
    f.headline = `backup ${mb(statSync(file).size / 1024 / 1024)} in ${seconds.toFixed(1)} s, restored with identical row counts`;
  });
