/**
 * (4) Soak: the mix through nginx for `soakMinutes`, each instance's resident memory (RSS) sampled
 * throughout. After the warm-up (the first sixth of the run) memory may not grow: the median of the
 * last sixth against the median of the sixth right after the warm-up, at most +10 % per instance.
 */
import { countWhere, formatTally, startLoad, totalTally } from '../load.js';
import { mb, ms, num, pct, scenario } from '../report.js';
import type { SignedInStack } from '../stack.js';

export const RSS_GROWTH_LIMIT = 0.1;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Least-squares slope of RSS over time, in MB per 10 minutes. */
function slopePer10Min(series: { at: number; rss: number }[]): number {
  if (series.length < 2) return Number.NaN;
  const n = series.length;
  const meanT = series.reduce((sum, s) => sum + s.at, 0) / n;
  const meanR = series.reduce((sum, s) => sum + s.rss, 0) / n;
  const cov = series.reduce((sum, s) => sum + (s.at - meanT) * (s.rss - meanR), 0);
  const variance = series.reduce((sum, s) => sum + (s.at - meanT) ** 2, 0);
  return (cov / variance) * 600;
}

export const soakScenario = (stack: SignedInStack) =>
  scenario(
    '4',
    `soak: ${stack.options.soakConnections} connections × ${stack.options.soakMinutes} min, RSS per instance`,
    async (f) => {
      const seconds = Math.round(stack.options.soakMinutes * 60);
      const intervalMs = seconds >= 600 ? 10_000 : 2_000;
      const samples = stack.instances.map(() => [] as { at: number; rss: number }[]);
      const load = startLoad({
        url: stack.nginx.https,
        connections: stack.options.soakConnections,
        seconds,
        requests: stack.mix,
      });
      await load.started;
      const began = performance.now();
      const sampler = setInterval(() => {
        stack.instances.forEach((instance, i) => {
          const rss = instance.rssMb();
          if (rss !== undefined) samples[i]!.push({ at: (performance.now() - began) / 1000, rss });
        });
      }, intervalMs);
      let result;
      try {
        result = await load.done;
      } finally {
        clearInterval(sampler);
      }
      const total = totalTally(result.byKind);
      const bad = countWhere(total, (s) => s < 200 || s > 299);
      f.figure(
        'requests',
        `${num.format(result.requestsTotal)} (${num.format(result.requestsPerSecond)}/s), p99 ${ms(result.latencyP99Ms)}`,
      );
      f.figure('answers', formatTally(total));
      f.check(result.errors === 0 && bad === 0, `${result.errors} errors and ${bad} non-2xx answers during the soak`);
      // Warm-up: the first sixth, but at least a minute (half of a short soak): V8's heap grows to its working
      // size first. Then the median of the next sixth against the median of the last sixth.
      const warmup = Math.max(seconds / 6, Math.min(60, seconds / 2));
      const window = seconds / 6;
      const growths: number[] = [];
      stack.instances.forEach((instance, i) => {
        const series = samples[i]!;
        const after = series.filter((s) => s.at >= warmup && s.at < warmup + window).map((s) => s.rss);
        const end = series.filter((s) => s.at >= seconds - window).map((s) => s.rss);
        if (after.length === 0 || end.length === 0) {
          f.check(false, `${instance.name}: too few RSS samples (${series.length})`);
          return;
        }
        const base = median(after);
        const last = median(end);
        const growth = last / base - 1;
        growths.push(growth);
        const peak = Math.max(...series.map((s) => s.rss));
        f.figure(
          `${instance.name} RSS`,
          `after warm-up ${mb(base)}, end ${mb(last)} (${pct(growth)}), peak ${mb(peak)}, ` +
            `trend ${num.format(slopePer10Min(series.filter((s) => s.at >= warmup)))} MB per 10 min, ${series.length} samples`,
        );
        f.check(
          growth <= RSS_GROWTH_LIMIT,
          `${instance.name}: RSS grew ${pct(growth)} after the warm-up (limit +10 %)`,
        );
      });
      f.figure(
        'warm-up, windows',
        `${num.format(warmup)} s; compared: ${num.format(warmup)}–${num.format(warmup + window)} s against the last ${num.format(window)} s; samples every ${intervalMs / 1000} s`,
      );
      f.headline = `RSS growth ${growths.map(pct).join(', ')} (limit +10 %), ${bad} non-2xx`;
    },
  );
