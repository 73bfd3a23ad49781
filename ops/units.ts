/**
 * The commands of the shipped systemd units, as the suite runs them: the instance's ExecStart (Node
 * flags and entry point), the backup service's ExecStart/ExecStartPost and the migrate service's. Paths of the installation
 * (/opt/samverkan, /usr/bin/node) become this checkout's and this Node; systemd's `%%` becomes `%`.
 */
import { readFileSync } from 'node:fs';

export const INSTANCE_UNIT = 'deploy/systemd/samverkan@.service';
export const BACKUP_UNIT = 'deploy/systemd/samverkan-backup.service';
export const MIGRATE_UNIT = 'deploy/systemd/samverkan-migrate.service';

/** The values of `key=` lines of a unit's [Service] section, in order. */
export function unitValues(file: string, key: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!.trim());
}

/** A unit's command line with this machine's paths. */
export function localCommand(line: string): string {
  return line
    .replaceAll('%%', '%')
    .replaceAll('/usr/bin/node', process.execPath)
    .replaceAll('/opt/samverkan/', `${process.cwd()}/`);
}

/** The instance unit's ExecStart as argv (it has no quoting): [node, ...flags, entry, 'serve']. */
export function instanceCommand(): string[] {
  const [execStart] = unitValues(INSTANCE_UNIT, 'ExecStart');
  if (!execStart) throw new Error(`${INSTANCE_UNIT} has no ExecStart.`);
  const argv = localCommand(execStart).split(/\s+/);
  if (argv[0] !== process.execPath || !argv.includes('serve'))
    throw new Error(`${INSTANCE_UNIT}: ExecStart is not "/usr/bin/node … dist/cli/samverkan.js serve": ${execStart}`);
  return argv;
}

/** A `/bin/sh -c '…'` line of the backup unit: the script inside the quotes. */
export function shellScript(line: string): string {
  const match = /^\/bin\/sh -c '(.*)'$/.exec(line);
  if (!match) throw new Error(`${BACKUP_UNIT}: expected /bin/sh -c '…', found ${line}`);
  return localCommand(match[1]!);
}

/** `Environment=NAME=value` lines of a unit, as an object. */
export function unitEnvironment(file: string): Record<string, string> {
  return Object.fromEntries(
    unitValues(file, 'Environment').map((assignment) => {
      const eq = assignment.indexOf('=');
      return [assignment.slice(0, eq), assignment.slice(eq + 1)];
    }),
  );
}
