/**
 * Reading a V8 CPU profile (`node --cpu-prof`, or the inspector's Profiler as bench/profile-routes.ts
 * takes it): self time per function and per file, and the time spent inside each group of code
 * (kysely, the SQLite driver, hono, our storage, web, …) counted once per sample however deep.
 *
 *   node --import tsx bench/cpu-profile.ts some.cpuprofile [top]
 */
import { readFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/**
 * Puts the source's own line numbers in the profile's frames, in the process that ran the code: tsx
 * hands V8 each file transformed (on one line) with a source map, and V8's profile has the transformed
 * positions. Frames whose file has no source map are left as they are.
 */
export function mapSources(profile: CpuProfile): CpuProfile {
  for (const node of profile.nodes) {
    const f = node.callFrame;
    if (!f.url.startsWith('file://') || f.lineNumber < 0) continue;
    const entry = findSourceMap(f.url)?.findEntry(f.lineNumber, f.columnNumber);
    if (entry && 'originalLine' in entry) {
      f.lineNumber = entry.originalLine;
      f.columnNumber = entry.originalColumn;
    }
  }
  return profile;
}

/** Where a frame's code lives, short: `src/web/layout.tsx`, `kysely`, `node:internal/…`. */
export function fileOf(url: string): string {
  if (url === '') return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (modules) return modules[1]!;
  const own = /\/((?:src|bench|test)\/.*)$/.exec(path);
  return own ? own[1]! : path;
}

/** The groups inclusive time is reported for, first match wins (checked innermost frame outwards). */
const GROUPS: [string, (file: string, fn: string) => boolean][] = [
  ['SQLite driver (better-sqlite3)', (f) => f === 'better-sqlite3'],
  ['pg driver', (f) => f === 'pg' || f === 'pg-protocol' || f === 'pg-pool'],
  ['kysely (building, compiling, running)', (f) => f === 'kysely'],
  ['hono', (f) => f === 'hono' || f === '@hono/node-server'],
  ['src/storage', (f) => f.startsWith('src/storage/')],
  ['src/web (pages, layout, rendering)', (f) => f.startsWith('src/web/')],
  ['src/app', (f) => f.startsWith('src/app/')],
  ['src/domain', (f) => f.startsWith('src/domain/')],
  ['src/http', (f) => f.startsWith('src/http/')],
  ['garbage collection', (_f, fn) => fn === '(garbage collector)'],
];

export interface Summary {
  totalMs: number;
  idleMs: number;
  selfByFunction: { name: string; ms: number; share: number }[];
  selfByFile: { name: string; ms: number; share: number }[];
  /** Time with at least one frame of the group on the stack, as a share of the busy time. */
  inclusiveByGroup: { name: string; ms: number; share: number }[];
  /** Inclusive time of our own functions (src/), the top ones. */
  inclusiveByOwnFunction: { name: string; ms: number; share: number }[];
  /** For the top self functions outside src/: the nearest frame of src/ that called them, by time. */
  ownCallers: { name: string; callers: { name: string; ms: number; share: number }[] }[];
}

export function summarise(profile: CpuProfile, top = 25): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const label = (f: CallFrame) =>
    `${f.functionName || '(anonymous)'} ${fileOf(f.url)}${f.lineNumber >= 0 ? `:${f.lineNumber + 1}` : ''}`;
  // Not the app's work: waiting, and the profiler's own calls.
  const idle = new Set(['(idle)', '(program)']);
  const profiler = (f: CallFrame) => f.url === 'node:inspector';
  let idleMs = 0;
  const fnSelf = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  const groups = new Map<string, number>();
  const own = new Map<string, number>();
  const callers = new Map<string, Map<string, number>>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    if (idle.has(frame.functionName) || profiler(frame)) {
      idleMs += ms;
      continue;
    }
    fnSelf.set(label(frame), (fnSelf.get(label(frame)) ?? 0) + ms);
    const file = fileOf(frame.url);
    fileSelf.set(file, (fileSelf.get(file) ?? 0) + ms);
    // Walk the stack once: each group and each own function counts once per sample.
    const seenGroups = new Set<string>();
    const seenOwn = new Set<string>();
    let nearestOwn: string | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const ff = fileOf(f.url);
      const group = GROUPS.find(([, test]) => test(ff, f.functionName));
      if (group) seenGroups.add(group[0]);
      if (ff.startsWith('src/')) {
        seenOwn.add(label(f));
        nearestOwn ??= label(f);
      }
    }
    if (!file.startsWith('src/')) {
      const byCaller = callers.get(label(frame)) ?? new Map<string, number>();
      byCaller.set(nearestOwn ?? '(none of ours)', (byCaller.get(nearestOwn ?? '(none of ours)') ?? 0) + ms);
      callers.set(label(frame), byCaller);
    }
    for (const g of seenGroups) groups.set(g, (groups.get(g) ?? 0) + ms);
    for (const o of seenOwn) own.set(o, (own.get(o) ?? 0) + ms);
  }
  const busy = totalMs - idleMs;
  const list = (m: Map<string, number>, n = top) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms, share: ms / busy }));
  const selfByFunction = list(fnSelf);
  return {
    totalMs,
    idleMs,
    selfByFunction,
    selfByFile: list(fileSelf),
    inclusiveByGroup: list(groups, GROUPS.length),
    inclusiveByOwnFunction: list(own),
    ownCallers: selfByFunction
      .filter((f) => callers.has(f.name))
      .slice(0, 8)
      .map((f) => ({ name: f.name, callers: list(callers.get(f.name)!, 4) })),
  };
}

export function formatSummary(s: Summary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  const rows = (title: string, items: Summary['selfByFunction']) => [
    title,
    ...items.map((i) => `  ${pct(i.share)}  ${i.ms.toFixed(0).padStart(7)} ms  ${i.name}`),
  ];
  return [
    `busy ${(s.totalMs - s.idleMs).toFixed(0)} ms of ${s.totalMs.toFixed(0)} ms (idle ${s.idleMs.toFixed(0)} ms); shares of the busy time`,
    ...rows('inclusive, by group (a sample counts for every group on its stack):', s.inclusiveByGroup),
    ...rows('self, by file:', s.selfByFile),
    ...rows('self, by function:', s.selfByFunction),
    ...rows('inclusive, our own functions (src/):', s.inclusiveByOwnFunction),
    'who in src/ calls the top functions outside it:',
    ...s.ownCallers.flatMap((c) => [`  ${c.name}`, ...c.callers.map((i) => `    ${pct(i.share)}  ${i.name}`)]),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('Usage: node --import tsx bench/cpu-profile.ts <file.cpuprofile> [top]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(formatSummary(summarise(profile, top ? Number(top) : 25)));
}
