import { allows } from '../../domain/auth/policies.js';
import { DomainError, unauthenticated, validationFailed, type FieldProblem } from '../../domain/errors.js';
import {
  GENDERS,
  YEAR_MAX,
  YEAR_MIN,
  type Indicator,
  type ValueKey,
  type ValueRow,
} from '../../domain/indicators/indicator.js';
import { recordEvent, type ChangeToRecord } from '../audit/record-event.js';
import { inTransaction, readRepos, timestamp, type AppContext, type Repositories } from '../context.js';

export type ImportKind = 'kolada_api' | 'kolada_file' | 'csv' | 'xlsx' | 'demo';

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  kolada_api: 'Koladas API',
  kolada_file: 'Kolada-fil (JSON)',
  csv: 'CSV-fil',
  xlsx: 'Excel-fil',
  demo: 'Demodata',
};

export interface ValueImport {
  kind: ImportKind;
  /** File name or address, shown in the import list and the audit trail. */
  sourceName: string;
  sha256: string | null;
  rows: readonly ValueRow[];
  /** Values the source reports deleted (Kolada's incremental updates). */
  deleted?: readonly ValueKey[];
}

export interface ImportSummary {
  importId: number;
  status: 'succeeded' | 'unchanged';
  rowsRead: number;
  rowsChanged: number;
  rowsDeleted: number;
  indicatorKeys: string[];
}

const MAX_PROBLEMS = 50;
const keyOf = (k: ValueKey) => `${k.indicatorKey}|${k.areaCode}|${k.year}|${k.gender}`;

/**
 * What is wrong with the rows, as Swedish problems; empty when every row names a known indicator
 * and area, a year in range, a gender the indicator has, and no row repeats another.
 */
function problemsWith(
  rows: readonly ValueKey[],
  indicators: Map<string, Indicator>,
  areaCodes: Set<string>,
  what: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const add = (i: number, message: string) =>
    problems.length < MAX_PROBLEMS && problems.push({ field: `${what}.${i}`, message });
  rows.forEach((r, i) => {
    const indicator = indicators.get(r.indicatorKey);
    if (!indicator) add(i, `Nyckeltalet ”${r.indicatorKey}” finns inte här. Lägg till det innan värden läses in.`);
    if (!areaCodes.has(r.areaCode)) add(i, `Området med kod ”${r.areaCode}” finns inte i Koladas förteckning.`);
    if (!Number.isInteger(r.year) || r.year < YEAR_MIN || r.year > YEAR_MAX)
      add(i, `Året ${r.year} ligger inte mellan ${YEAR_MIN} och ${YEAR_MAX}.`);
    if (!GENDERS.includes(r.gender)) add(i, `Könet ”${r.gender}” är inte T, K eller M.`);
    else if (indicator && !indicator.byGender && r.gender !== 'T')
      add(i, `Nyckeltalet ”${r.indicatorKey}” redovisas inte per kön; ange bara totalt (T).`);
    const key = keyOf(r);
    if (seen.has(key)) add(i, `Värdet för ${r.areaCode} år ${r.year} (${r.gender}) finns två gånger.`);
    seen.add(key);
  });
  return problems;
}

/** Member officers enter their own member's values of local indicators; the secretariat enters any. */
async function authorizeRows(
  ctx: AppContext,
  repos: Repositories,
  lists: readonly (readonly ValueKey[])[],
  indicators: Map<string, Indicator>,
): Promise<void> {
  if (!ctx.principal.signedIn) throw unauthenticated();
  if (allows(ctx.principal, 'manage_indicators')) return;
  const rows = lists.flat();
  const collaboration = await repos.collaboration.first();
  const members = collaboration ? await repos.collaboration.members(collaboration.id) : [];
  const memberIdByCode = new Map(members.map((m) => [m.code, m.id]));
  for (const r of rows) {
    const memberId = memberIdByCode.get(r.areaCode) ?? null;
    const local = indicators.get(r.indicatorKey)?.origin === 'local';
    if (!local || !allows(ctx.principal, 'import_indicator_values', { memberId })) {
      throw new DomainError(
        'foreign_member',
        local
          ? `Du kan bara lägga in värden för din egen kommun; filen innehåller värden för ${r.areaCode}. Ingenting har sparats.`
          : `Värden för Koladas nyckeltal (${r.indicatorKey}) hämtas från Kolada av sekretariatet. Ingenting har sparats.`,
      );
    }
  }
}

/** Checks who imports what, and every row; returns the indicators the rows name. Changes nothing. */
export async function checkImport(
  ctx: AppContext,
  repos: Repositories,
  input: ValueImport,
): Promise<Map<string, Indicator>> {
  const deleted = input.deleted ?? [];
  const keys = new Set<string>();
  for (const r of input.rows) keys.add(r.indicatorKey);
  for (const r of deleted) keys.add(r.indicatorKey);
  const indicators = new Map((await repos.indicators.byKeys([...keys])).map((i) => [i.key, i]));
  await authorizeRows(ctx, repos, [input.rows, deleted], indicators);
  const areaCodes = new Set((await repos.catalogue.areas()).map((a) => a.code));
  const problems = [
    ...problemsWith(input.rows, indicators, areaCodes, 'rader'),
    ...problemsWith(deleted, indicators, areaCodes, 'borttagna'),
  ];
  if (problems.length > 0) throw validationFailed(problems);
  return indicators;
}

function groupByIndicator<T extends ValueKey>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.indicatorKey);
    if (group) group.push(row);
    else groups.set(row.indicatorKey, [row]);
  }
  return groups;
}

const userIdOf = (ctx: AppContext): number | null =>
  ctx.actor.kind === 'user' || ctx.actor.kind === 'token' ? ctx.actor.userId : null;

/**
 * Writes a checked import inside the caller's transaction; returns its summary and the audit event
 * to record (none when nothing changed).
 */
export async function writeImport(
  ctx: AppContext,
  tx: Repositories,
  input: ValueImport,
  indicators: Map<string, Indicator>,
  startedAt: string,
): Promise<{ summary: ImportSummary; event: ChangeToRecord | null }> {
  const deleted = input.deleted ?? [];
  const importId = await tx.indicators.insertImport({
    kind: input.kind,
    sourceName: input.sourceName,
    sha256: input.sha256,
    status: 'succeeded',
    rowsRead: input.rows.length,
    rowsChanged: 0,
    rowsDeleted: 0,
    message: '',
    userId: userIdOf(ctx),
    startedAt,
    finishedAt: startedAt,
  });
  let rowsChanged = 0;
  let rowsDeleted = 0;
  const touched: string[] = [];
  const rowsOf = groupByIndicator(input.rows);
  const deletedOf = groupByIndicator(deleted);
  // One call for the whole import: on PostgreSQL a large one is COPYed and merged in one statement.
  const written = await tx.indicators.writeValues(
    [...indicators].map(([key, indicator]) => ({
      indicatorId: indicator.id,
      values: rowsOf.get(key) ?? [],
      deleted: deletedOf.get(key) ?? [],
    })),
    importId,
  );
  for (const [key, indicator] of indicators) {
    const { changed, deleted: removed } = written.get(indicator.id) ?? { changed: 0, deleted: 0 };
    if (changed + removed > 0) {
      await tx.indicators.bumpDataVersion(indicator.id, timestamp(ctx));
      touched.push(key);
    }
    rowsChanged += changed;
    rowsDeleted += removed;
  }
  const status = rowsChanged + rowsDeleted > 0 ? 'succeeded' : 'unchanged';
  await tx.indicators.finishImport(importId, {
    status,
    rowsChanged,
    rowsDeleted,
    message: '',
    finishedAt: timestamp(ctx),
  });
  const summary: ImportSummary = {
    importId,
    status,
    rowsRead: input.rows.length,
    rowsChanged,
    rowsDeleted,
    indicatorKeys: touched,
  };
  const event: ChangeToRecord | null =
    status === 'unchanged'
      ? null
      : {
          action: 'indicator_values.imported',
          entityType: 'indicator_import',
          entityId: importId,
          summary: `Läste in nyckeltalsvärden från ${IMPORT_KIND_LABELS[input.kind]} ”${input.sourceName}”: ${rowsChanged} nya eller ändrade, ${rowsDeleted} borttagna.`,
          before: null,
          after: {
            kind: input.kind,
            sourceName: input.sourceName,
            sha256: input.sha256,
            rowsRead: input.rows.length,
            rowsChanged,
            rowsDeleted,
            indicators: touched,
          },
        };
  return { summary, event };
}

/**
 * Stores an import's values all-or-nothing: checked first (bad input changes nothing), then written
 * in one transaction with one audit event; a failure half-way leaves the data as it was and is
 * recorded as a failed import. Re-importing the same values changes nothing (idempotent).
 */
export async function importValues(ctx: AppContext, input: ValueImport): Promise<ImportSummary> {
  const startedAt = timestamp(ctx);
  const indicators = await checkImport(ctx, readRepos(ctx), input);
  try {
    return await inTransaction(ctx, async (tx) => {
      const { summary, event } = await writeImport(ctx, tx, input, indicators, startedAt);
      if (event) await recordEvent(ctx, tx, event);
      return summary;
    });
  } catch (error) {
    await recordFailedImport(ctx, input, startedAt, error);
    throw error;
  }
}

/** A failed import leaves no values, but its attempt stays visible in the import list. */
export async function recordFailedImport(
  ctx: AppContext,
  input: Pick<ValueImport, 'kind' | 'sourceName' | 'sha256'> & { rows?: readonly unknown[] },
  startedAt: string,
  error: unknown,
): Promise<void> {
  const message = error instanceof DomainError ? error.message : 'Inläsningen avbröts av ett tekniskt fel.';
  await readRepos(ctx)
    .indicators.insertImport({
      kind: input.kind,
      sourceName: input.sourceName,
      sha256: input.sha256,
      status: 'failed',
      rowsRead: input.rows?.length ?? 0,
      rowsChanged: 0,
      rowsDeleted: 0,
      message,
      userId: userIdOf(ctx),
      startedAt,
      finishedAt: timestamp(ctx),
    })
    .catch(() => undefined); // the original error is what the caller must see
}
