/**
 * On a Node.js older than 24 the command line says so in Swedish and exits with 1, before it loads
 * anything: better-sqlite3's binary would otherwise end the process with a segmentation fault.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_MAIN } from '../support/cli.js';

/** Makes this Node report itself as 20 before the entry point runs, as the machines' own Node 20 is. */
const AS_NODE_20 =
  'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.20.2"});' +
  'Object.defineProperty(process,"version",{value:"v20.20.2"})';

const run = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, args, { timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('samverkan on an unsupported Node.js', () => {
  it('refuses in Swedish with exit code 1, naming the version it found', async () => {
    const refused = await run('--import', AS_NODE_20, CLI_MAIN, 'serve');
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'samverkan kräver Node.js 24 eller senare; den här är v20.20.2. Installera Node.js 24 LTS, eller kör ' +
        '". .ci/node24.sh" i en utcheckning (se README, "Det här behöver maskinen").\n',
    });
  });

  it('runs on this one', async () => {
    const help = await run(CLI_MAIN, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: samverkan');
  });
});
