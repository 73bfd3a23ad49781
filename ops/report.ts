/** Scenario results: printed as each scenario ends, and the summary table at the end. */

export type Verdict = 'PASS' | 'FAIL';

export interface ScenarioResult {
  id: string;
  title: string;
  verdict: Verdict;
  /** Label and value, in the order printed. */
  figures: [string, string][];
  /** Why it failed (empty when it passed). */
  problems: string[];
  /** What the reader should know that is neither a figure nor a failure (e.g. a fallback used). */
  notes: string[];
  /** The one figure for the summary table. */
  headline: string;
  seconds: number;
}

export const num = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
export const ms = (value: number): string => `${num.format(value)} ms`;
export const mb = (value: number): string => `${num.format(value)} MB`;
export const pct = (value: number): string => `${value >= 0 ? '+' : ''}${num.format(value * 100)} %`;

export function printResult(result: ScenarioResult): void {
  const lines = [`${result.verdict}  (${result.id}) ${result.title}  [${num.format(result.seconds)} s]`];
  const width = Math.max(0, ...result.figures.map(([label]) => label.length));
  for (const [label, value] of result.figures) lines.push(`      ${label.padEnd(width)}  ${value}`);
  for (const note of result.notes) lines.push(`      note: ${note}`);
  for (const problem of result.problems) lines.push(`      FAIL: ${problem}`);
  console.log(lines.join('\n'));
}

export function printSummary(results: ScenarioResult[]): void {
  const rows = results.map((r) => [r.id, r.title, r.verdict, r.headline, `${num.format(r.seconds)} s`]);
  const header = ['#', 'scenario', 'result', 'figures', 'time'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(['', 'Summary', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
  const failed = results.filter((r) => r.verdict === 'FAIL').length;
  console.log(
    failed === 0 ? `\nAll ${results.length} scenarios passed.` : `\n${failed} of ${results.length} scenarios failed.`,
  );
}

/** Collects a scenario's figures and problems; `check` records a problem when a condition fails. */
export class Findings {
  readonly figures: [string, string][] = [];
  readonly problems: string[] = [];
  readonly notes: string[] = [];
  headline = '';

  figure(label: string, value: string | number): void {
    this.figures.push([label, typeof value === 'number' ? num.format(value) : value]);
  }

  check(ok: boolean, problem: string): boolean {
    if (!ok) this.problems.push(problem);
    return ok;
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

/** Runs a scenario; an exception is a FAIL with its message, never the end of the suite. */
export async function scenario(
  id: string,
  title: string,
  body: (findings: Findings) => Promise<void>,
): Promise<ScenarioResult> {
  const findings = new Findings();
  const started = performance.now();
  console.error(`\n… (${id}) ${title}`);
  try {
    await body(findings);
  } catch (error) {
    findings.problems.push(`aborted: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result: ScenarioResult = {
    id,
    title,
    verdict: findings.problems.length === 0 ? 'PASS' : 'FAIL',
    figures: findings.figures,
    problems: findings.problems,
    notes: findings.notes,
    headline: findings.headline,
    seconds: (performance.now() - started) / 1000,
  };
  printResult(result);
  return result;
}
