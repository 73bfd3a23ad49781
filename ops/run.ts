/**
 * The operations suite, `npm run ops` (not part of `npm test`): the deployment of docs/deployment.md
 * on this machine, loopback only — its own PostgreSQL cluster, three instances of the compiled server,
 * nginx with deploy/nginx/samverkan.conf — and the scenarios of load and faults against it. Prints
 * PASS/FAIL with figures per scenario, a summary table, and exits 1 if anything failed.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { cleaningUp, cleanUp, cleanUpOnSignals } from './cleanup.js';
import { nginxBinary } from './nginx.js';
import { parseOptions } from './options.js';
import { postgresBinaries } from './postgres-cluster.js';
import { printResult, printSummary, type ScenarioResult } from './report.js';
import { backupScenario } from './scenarios/backup.js';
import { consistencyScenario } from './scenarios/consistency.js';
import { fullDiskScenario } from './scenarios/full-disk.js';
import { killScenario } from './scenarios/kill-instance.js';
import { loadScenario } from './scenarios/load.js';
import { postgresRestartScenario } from './scenarios/postgres-restart.js';
import { proxyScenario } from './scenarios/proxy.js';
import { rollingRestartScenario } from './scenarios/rolling-restart.js';
import { sessionsScenario } from './scenarios/sessions.js';
import { soakScenario } from './scenarios/soak.js';
import { startScenario } from './scenarios/start.js';
import { completeStack, prepareStack, type SignedInStack } from './stack.js';

const SCENARIOS: [string, (stack: SignedInStack) => Promise<ScenarioResult>][] = [
  ['1', sessionsScenario],
  ['2', consistencyScenario],
  ['B', backupScenario],
  ['3', loadScenario],
  ['R', rollingRestartScenario],
  ['4', soakScenario],
  ['5', killScenario],
  ['6', postgresRestartScenario],
  ['7', fullDiskScenario],
];

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!nginxBinary()) {
    console.error(
      "nginx is not installed. The suite runs the deployment guide's nginx configuration and needs it:\n" +
        '  Debian/Ubuntu: apt-get install nginx   (the suite runs its own nginx process; it never starts the system service)',
    );
    return 1;
  }
  if (!postgresBinaries()) {
    console.error(
      'PostgreSQL server binaries are missing (/usr/lib/postgresql/<version>/bin). The suite starts its own\n' +
        'cluster with them:  Debian/Ubuntu: apt-get install postgresql   (or set PG_BIN)',
    );
    return 1;
  }
  if (!existsSync('dist/cli/samverkan.js')) {
    console.error('dist/ is missing: run `npm run ops` (which builds first) or `npm run build`.');
    return 1;
  }
  console.log(
    `samverkan operations suite — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ` +
      `${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version}` +
      `, load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}` +
      (options.quick ? ', --quick' : ''),
  );
  const results: ScenarioResult[] = [];
  cleanUpOnSignals();
  try {
    const stack = await prepareStack(options);
    console.log(
      `PostgreSQL ${stack.cluster.version} on 127.0.0.1:${stack.cluster.port} (own cluster); instances on ` +
        `${stack.instances.map((i) => i.port).join(', ')}; nginx on ${stack.nginxPorts.https} (https), ${stack.nginxPorts.http} (http)`,
    );
    results.push(await startScenario(stack));
    const full = await completeStack(stack);
    console.log(
      `nginx ${full.nginx.version} with ${full.nginx.configFile} (rendered from deploy/nginx/samverkan.conf)`,
    );
    results.push(await proxyScenario(full));
    for (const [id, run] of SCENARIOS) {
      if (cleaningUp()) break;
      if (!options.only || options.only.has(id)) results.push(await run(full));
    }
  } catch (error) {
    const failed: ScenarioResult = {
      id: '-',
      title: 'setting up the deployment',
      verdict: 'FAIL',
      figures: [],
      problems: [error instanceof Error ? (error.stack ?? error.message) : String(error)],
      notes: [],
      headline: 'the suite could not set up its deployment',
      seconds: 0,
    };
    printResult(failed);
    results.push(failed);
  } finally {
    await cleanUp();
  }
  printSummary(results);
  // Other work on the machine slows every figure above: say how busy it was.
  console.log(
    `Load average at the end: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} (${cpus().length} cores).`,
  );
  return results.some((r) => r.verdict === 'FAIL') ? 1 : 0;
}

process.exitCode = await main();
