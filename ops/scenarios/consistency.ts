/**
 * (2) A change made through one instance is seen at once through the others, also on a public page
 * that each instance keeps rendered in its own memory (the page cache is keyed by the database's data
 * version, so no instance can serve a stale copy). The pages are warmed on every instance first.
 */
import { randomBytes } from 'node:crypto';
import { ms, scenario } from '../report.js';
import type { SignedInStack } from '../stack.js';
import { reportBody, reportPath } from '../writes.js';

export const consistencyScenario = (stack: SignedInStack) =>
  scenario('2', 'a change through one instance is seen at once through the others', async (f) => {
    const target = stack.targets[0]!;
    const page = `/planer/${target.planId}`;
    const api = `/api/v1/plans/${target.planId}`;
    const [writer, ...readers] = stack.instances;
    // Warm each instance's page cache (twice: the second answer comes from the cache).
    for (const instance of stack.instances)
      for (let i = 0; i < 2; i++) {
        const warm = await instance.client.get(page);
        if (warm.status !== 200) throw new Error(`GET ${page} on ${instance.name}: ${warm.status}`);
      }
    let rounds = 0;
    let slowest = 0;
    for (let round = 1; round <= 5; round++) {
      const comment = `Driftprov-${randomBytes(4).toString('hex')}`;
      const saved = await writer!.client.postJson(reportPath(target), reportBody(target, comment, round * 10), {
        authorization: `Bearer ${stack.apiToken}`,
      });
      if (!f.check(saved.status === 201, `the write on ${writer!.name} answered ${saved.status}: ${saved.body}`)) break;
      const written = performance.now();
      for (const reader of readers) {
        const html = await reader.client.get(page);
        const json = await reader.client.get(api);
        f.check(html.body.includes(comment), `${reader.name} served ${page} without the report just written`);
        f.check(json.body.includes(comment), `${reader.name} served ${api} without the report just written`);
      }
      const viaNginx = await stack.viaNginx.get(page);
      f.check(viaNginx.body.includes(comment), `nginx served ${page} without the report just written`);
      slowest = Math.max(slowest, performance.now() - written);
      rounds += 1;
    }
    f.figure('writes on', `${writer!.name} (API, ${rounds} reports)`);
    f.figure(
      'read back on',
      `${readers.map((r) => r.name).join(', ')} and through nginx: ${page} (cached page), ${api}`,
    );
    f.figure('all reads after a write took at most', ms(slowest));
    f.headline = `${rounds}/5 writes seen on every instance and via nginx at once`;
  });
