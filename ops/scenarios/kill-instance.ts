/**
 * (5) kill -9 of one instance under load: reads through nginx keep succeeding (nginx retries an
 * idempotent request on the next instance and then skips the dead one), and no acknowledged write is
 * lost. Writers post reports through nginx the whole time; every report answered 201 must be in the
 * audit trail afterwards, and each activity's current report the last one acknowledged (or a later
 * one whose answer was lost with the instance). The instance is started again at the end.
 */
import { countWhere, formatTally, startLoad, totalTally } from '../load.js';
import { ms, num, scenario } from '../report.js';
import type { SignedInStack } from '../stack.js';
import { acknowledgedCount, checkWrites, storedWrites, writeWhile } from '../writes.js';
import { sleep } from '../processes.js';

export const killScenario = (stack: SignedInStack) =>
  scenario('5', 'kill -9 of one instance under load', async (f) => {
    const seconds = stack.options.faultSeconds;
    const victim = stack.instances.at(-1)!;
    const label = `ops-kill-${Date.now().toString(36)}`;
    const load = startLoad({
      url: stack.nginx.https,
      connections: Math.min(stack.options.connections, 20),
      seconds,
      requests: stack.readMix,
    });
    await load.started;
    const began = performance.now();
    let writing = true;
    const writer = stack.clientOf(stack.nginx.https);
    const writes = writeWhile(writer, stack.apiToken, stack.targets, label, () => writing);
    await sleep((seconds / 3) * 1000);
    const killedAt = (performance.now() - began) / 1000;
    const pid = victim.pid;
    await victim.kill9();
    f.figure('killed', `${victim.name} (pid ${pid}) with SIGKILL at ${killedAt.toFixed(1)} s of ${seconds} s`);
    const reads = await load.done;
    writing = false;
    const log = await writes;
    writer.close();

    const total = totalTally(reads.byKind);
    const bad = countWhere(total, (s) => s < 200 || s > 299);
    f.figure(
      'reads',
      `${num.format(reads.requestsTotal)} (${num.format(reads.requestsPerSecond)}/s): ${formatTally(total)}`,
    );
    f.figure('read latency p99 / max', `${ms(reads.latencyP99Ms)} / ${ms(reads.latencyMaxMs)}`);
    const errorSeconds = reads.errorsPerSecond.flatMap((n, second) => (n > 0 ? [`${n} at ${second} s`] : []));
    f.figure('read errors', `${reads.errors} (${formatTally(reads.errorMessages)}) ${errorSeconds.join(', ')}`.trim());
    f.check(reads.errors === 0, `${reads.errors} reads failed to connect through nginx`);
    f.check(bad === 0, `${bad} reads answered other than 2xx: ${formatTally(total)}`);
    const afterKill = reads.perSecond.slice(Math.ceil(killedAt) + 1, -1);
    const emptySeconds = afterKill.filter((tally) => countWhere(tally, (s) => s >= 200 && s < 300) === 0).length;
    f.figure('seconds after the kill with no successful read', emptySeconds);
    f.check(emptySeconds === 0, `${emptySeconds} seconds after the kill served no read at all`);

    const check = checkWrites(log, stack.targets, await storedWrites(label, (sql) => stack.cluster.query(sql)));
    f.figure(
      'writes',
      `${log.sent} sent, ${acknowledgedCount(log)} acknowledged (201), not acknowledged: ${formatTally(log.failures)}`,
    );
    f.figure('acknowledged writes missing', check.missingFromAudit.length);
    f.figure('unacknowledged writes stored anyway', check.unacknowledgedStored);
    f.check(acknowledgedCount(log) > 0, 'no write was acknowledged at all');
    f.check(
      check.missingFromAudit.length === 0,
      `acknowledged writes missing from the audit trail: ${check.missingFromAudit.slice(0, 5).join(', ')}`,
    );
    f.check(check.wrongCurrent.length === 0, `current reports not as acknowledged: ${check.wrongCurrent.join('; ')}`);

    victim.start();
    const back = await victim.waitReady();
    f.figure(`${victim.name} started again, healthy after`, `${back.toFixed(1)} s`);
    f.headline = `${bad} failed reads of ${num.format(reads.requestsTotal)}, ${acknowledgedCount(log)} acknowledged writes, ${check.missingFromAudit.length} lost`;
  });
