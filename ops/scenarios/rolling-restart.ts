/**
 * (R) A rolling restart under load, as an upgrade does it (`systemctl restart samverkan@3001`, then the
 * next): each instance in turn gets SIGTERM, finishes what it has under way and exits 0, and is started
 * again. Through nginx nothing fails meanwhile: a refused or closed connection is retried on another
 * instance.
 */
import { countWhere, formatTally, startLoad, totalTally } from '../load.js';
import { ms, num, scenario } from '../report.js';
import type { SignedInStack } from '../stack.js';

export const rollingRestartScenario = (stack: SignedInStack) =>
  scenario('R', 'rolling restart (SIGTERM, start) of every instance under load', async (f) => {
    const load = startLoad({
      url: stack.nginx.https,
      connections: Math.min(stack.options.connections, 20),
      // Long enough for three restarts; the load ends by itself after them.
      seconds: stack.options.quick ? 40 : 60,
      requests: stack.readMix,
    });
    await load.started;
    const exits: string[] = [];
    for (const instance of stack.instances) {
      const started = performance.now();
      const code = await instance.stop(30_000);
      const stopped = (performance.now() - started) / 1000;
      instance.start();
      const ready = await instance.waitReady();
      exits.push(`${instance.name}: exit ${code} after ${stopped.toFixed(1)} s, healthy ${ready.toFixed(1)} s later`);
      f.check(code === 0, `${instance.name} exited ${code} on SIGTERM, not 0`);
    }
    const reads = await load.done;
    const total = totalTally(reads.byKind);
    const bad = countWhere(total, (s) => s < 200 || s > 299);
    for (const line of exits) f.figure('restarted', line);
    f.figure(
      'reads',
      `${num.format(reads.requestsTotal)} (${num.format(reads.requestsPerSecond)}/s): ${formatTally(total)}`,
    );
    f.figure('latency p99 / max', `${ms(reads.latencyP99Ms)} / ${ms(reads.latencyMaxMs)}`);
    f.figure('errors', `${reads.errors} (${formatTally(reads.errorMessages)})`);
    f.check(reads.errors === 0, `${reads.errors} requests failed to connect through nginx`);
    f.check(bad === 0, `${bad} answers were not 2xx: ${formatTally(total)}`);
    f.headline = `${stack.instances.length} restarts, ${bad} non-2xx and ${reads.errors} errors of ${num.format(reads.requestsTotal)}`;
  });
