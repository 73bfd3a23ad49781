/**
 * (6) PostgreSQL restarted under load (`pg_ctl restart -m fast` of the suite's own cluster): while it
 * is down, requests either succeed or get 503 with Retry-After (from an instance, or from nginx when
 * every instance answered 503); nothing else. Afterwards every instance is ready again (/readyz 200)
 * without being restarted, and acknowledged writes are all there.
 */
import { countWhere, formatTally, startLoad, totalTally } from '../load.js';
import { ms, num, scenario } from '../report.js';
import type { SignedInStack } from '../stack.js';
import { sleep, waitFor } from '../processes.js';
import { acknowledgedCount, checkWrites, reportBody, reportPath, storedWrites, writeWhile } from '../writes.js';

export const postgresRestartScenario = (stack: SignedInStack) =>
  scenario('6', 'PostgreSQL restarted under load', async (f) => {
    const seconds = stack.options.faultSeconds;
    const label = `ops-pgrestart-${Date.now().toString(36)}`;
    const pids = stack.instances.map((i) => i.pid);
    const starts = stack.instances.map((i) => i.starts);
    const readyBefore = await Promise.all(stack.instances.map((i) => i.client.get('/readyz')));
    f.figure('/readyz before', readyBefore.map((r) => r.status).join(', '));
    f.check(
      readyBefore.every((r) => r.status === 200),
      'an instance was not ready before the restart',
    );
    const readyPath = '/readyz';

    const load = startLoad({
      url: stack.nginx.https,
      connections: Math.min(stack.options.connections, 20),
      seconds,
      requests: stack.readMix,
    });
    await load.started;
    let writing = true;
    const writer = stack.clientOf(stack.nginx.https);
    const writes = writeWhile(writer, stack.apiToken, stack.targets, label, () => writing, { pauseMs: 20 });
    await sleep((seconds / 3) * 1000);
    const restartSeconds = await stack.cluster.restart();
    const restartedAt = performance.now();
    f.figure('pg_ctl restart -m fast took', `${restartSeconds.toFixed(2)} s`);

    // Every instance ready again, without a restart of its own.
    const recovered = await Promise.all(
      stack.instances.map((instance) =>
        waitFor(
          `${instance.name} ${readyPath} 200`,
          async () =>
            (await instance.client.get(readyPath).catch(() => undefined))?.status === 200 ? true : undefined,
          60_000,
          100,
        ).then(
          () => (performance.now() - restartedAt) / 1000,
          (error: Error) => error,
        ),
      ),
    );
    const reads = await load.done;
    writing = false;
    const log = await writes;
    writer.close();

    stack.instances.forEach((instance, i) => {
      const outcome = recovered[i]!;
      const same = instance.pid === pids[i] && instance.starts === starts[i];
      f.figure(
        `${instance.name}`,
        `${typeof outcome === 'number' ? `ready ${outcome.toFixed(1)} s after the restart` : 'NOT ready'}, ${same ? 'same process' : 'RESTARTED'}`,
      );
      f.check(
        typeof outcome === 'number',
        `${instance.name} did not answer ${readyPath} 200 within 60 s of the restart`,
      );
      f.check(same, `${instance.name} exited during the restart: ${crashReason(instance.logText())}`);
    });

    const total = totalTally(reads.byKind);
    const unexpected = countWhere(total, (s) => !(s >= 200 && s < 300) && s !== 503);
    f.figure(
      'reads',
      `${num.format(reads.requestsTotal)}: ${formatTally(total)}; p99 ${ms(reads.latencyP99Ms)}, max ${ms(reads.latencyMaxMs)}`,
    );
    f.figure('503 with / without Retry-After', `${reads.with503RetryAfter} / ${reads.without503RetryAfter}`);
    f.figure(
      '503 from the instances / from nginx',
      `${countWhere(total, (s) => s === 503) - reads.proxy503} / ${reads.proxy503}`,
    );
    f.figure('read errors', `${reads.errors} (${formatTally(reads.errorMessages)})`);
    f.check(reads.errors === 0, `${reads.errors} reads failed to connect or timed out`);
    f.check(unexpected === 0, `${unexpected} reads answered neither 2xx nor 503: ${formatTally(total)}`);
    f.check(reads.without503RetryAfter === 0, `${reads.without503RetryAfter} answers 503 lacked Retry-After`);

    const writeStatuses = Object.keys(log.failures);
    f.figure(
      'writes',
      `${log.sent} sent, ${acknowledgedCount(log)} acknowledged, not acknowledged: ${formatTally(log.failures)}`,
    );
    f.check(
      writeStatuses.every((s) => s === '503'),
      `writes failed other than with 503: ${formatTally(log.failures)}`,
    );
    const check = checkWrites(log, stack.targets, await storedWrites(label, (sql) => stack.cluster.query(sql)));
    f.figure('acknowledged writes missing', check.missingFromAudit.length);
    f.figure('unacknowledged writes stored anyway', check.unacknowledgedStored);
    f.check(
      check.missingFromAudit.length === 0,
      `acknowledged writes missing: ${check.missingFromAudit.slice(0, 5).join(', ')}`,
    );
    f.check(check.wrongCurrent.length === 0, `current reports not as acknowledged: ${check.wrongCurrent.join('; ')}`);

    // And each instance serves a page and takes a write again.
    for (const instance of stack.instances) {
      if (!instance.running) {
        // Let the scenarios after this one run on three instances again.
        f.note(`${instance.name} had exited (see its log: ${instance.logFile}); started again`);
        instance.start();
        await instance.waitReady();
        continue;
      }
      const target = stack.targets[0]!;
      const page = await instance.client.get('/program/sup-2035');
      const saved = await instance.client.postJson(reportPath(target), reportBody(target, `${label}-after`), {
        authorization: `Bearer ${stack.apiToken}`,
      });
      f.check(
        page.status === 200 && saved.status === 201,
        `${instance.name} after recovery: page ${page.status}, write ${saved.status}`,
      );
    }
    const the503s = countWhere(total, (s) => s === 503);
    f.headline = `${the503s} × 503 (+Retry-After ${reads.with503RetryAfter}), ${unexpected} other failures, ready again in ${recovered.map((r) => (typeof r === 'number' ? `${r.toFixed(1)} s` : 'never')).join('/')}`;
  });

/** What Node printed when the instance died: the uncaught error in its log. */
function crashReason(log: string): string {
  const lines = log.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
  const start = lines.findIndex((line) => /Unhandled|^\s*throw |^\w*Error\b|^error:/.test(line));
  if (start === -1) return 'no uncaught error in its log';
  return lines
    .slice(start, start + 4)
    .join(' ')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}
