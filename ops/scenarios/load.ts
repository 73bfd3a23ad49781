/**
 * (3) Load through nginx: `connections` connections for `loadSeconds` over a mix of public pages,
 * signed-in pages, API reads and an API write. Targets: no errors, no non-2xx answers, p99 ≤ 300 ms.
 */
import { countWhere, formatTally, startLoad, totalTally } from '../load.js';
import { ms, num, scenario } from '../report.js';
import type { SignedInStack } from '../stack.js';

export const P99_TARGET_MS = 300;
/** The same load first, not measured: the instances' JIT and caches warm up as after any start. */
const WARMUP_SECONDS = 5;

export const loadScenario = (stack: SignedInStack) =>
  scenario(
    '3',
    `load: ${stack.options.connections} connections × ${stack.options.loadSeconds} s through nginx`,
    async (f) => {
      const result = await startLoad({
        url: stack.nginx.https,
        connections: stack.options.connections,
        seconds: stack.options.loadSeconds,
        requests: stack.mix,
        warmupSeconds: WARMUP_SECONDS,
      }).done;
      const total = totalTally(result.byKind);
      f.figure('requests', `${num.format(result.requestsTotal)} (${num.format(result.requestsPerSecond)}/s)`);
      f.figure(
        'latency p50 / p90 / p99 / max',
        [result.latencyP50Ms, result.latencyP90Ms, result.latencyP99Ms, result.latencyMaxMs].map(ms).join(' / '),
      );
      for (const [kind, tally] of Object.entries(result.byKind)) f.figure(`  ${kind}`, formatTally(tally));
      f.figure('errors / timeouts', `${result.errors} / ${result.timeouts}`);
      f.figure('warm-up', `${WARMUP_SECONDS} s of the same load before the measured ${stack.options.loadSeconds} s`);
      const perKind = new Map<string, number>();
      for (const r of stack.mix) perKind.set(r.kind, (perKind.get(r.kind) ?? 0) + 1);
      f.figure(
        'mix',
        `${stack.mix.length} requests in turn per connection (${[...perKind].map(([k, n]) => `${k} ${n}`).join(', ')}): ` +
          [...new Set(stack.mix.map((r) => `${r.method ?? 'GET'} ${r.path}`))].join(', '),
      );
      f.check(result.errors === 0, `${result.errors} connection errors: ${formatTally(result.errorMessages)}`);
      const bad = countWhere(total, (s) => s < 200 || s > 299);
      f.check(bad === 0 && result.non2xx === 0, `${bad || result.non2xx} answers were not 2xx: ${formatTally(total)}`);
      f.check(result.latencyP99Ms <= P99_TARGET_MS, `p99 ${ms(result.latencyP99Ms)} > ${P99_TARGET_MS} ms`);
      f.headline = `${num.format(result.requestsPerSecond)} req/s, p99 ${ms(result.latencyP99Ms)}, ${bad} non-2xx, ${result.errors} errors`;
    },
  );
