/**
 * Fetching from Kolada's API: the catalogue (KPIs, municipalities and regions, municipality groups)
 * and the values of the KPIs the cooperation follows.
 *
 * Everything is fetched before anything is stored, so a Kolada that fails half-way (after the
 * client's retries) leaves the stored catalogue and values exactly as they were; a failed values
 * fetch is still recorded in the import list, so the secretariat sees that the last sync failed.
 */
import { createHash } from 'node:crypto';
import { DomainError, validationFailed, type FieldProblem } from '../../domain/errors.js';
import type { Aggregation, Area, Indicator, ValueKey, ValueRow } from '../../domain/indicators/indicator.js';
import {
  createKoladaClient,
  KOLADA_BASE_URL,
  KoladaError,
  type KoladaClient,
  type KoladaClientOptions,
  type KoladaProgress,
} from '../../imports/kolada/kolada-client.js';
import { KoladaFormatError, type KoladaKpi as FetchedKpi } from '../../imports/kolada/kolada-format.js';
import type { NewIndicator } from '../../storage/indicator.repository.js';
import type { AreaGroup, KoladaKpi } from '../../storage/kolada-catalogue.repository.js';
import { recordEvent } from '../audit/record-event.js';
import { authorize } from '../auth/authorize.js';
import { inTransaction, readRepos, timestamp, type AppContext, type Repositories } from '../context.js';
import { updateKoladaCatalogue } from './catalogue.js';
import { indicatorSnapshot } from './define-indicator.js';
import { importValues, recordFailedImport, type ImportSummary, type ValueImport } from './import-values.js';

/** A Kolada client together with where it asks and how many requests it has sent. */
export interface KoladaConnection {
  client: KoladaClient;
  /** The API's base address without trailing slash; named as the source of what is stored. */
  baseUrl: string;
  /** HTTP requests sent so far, retries included. */
  requests(): number;
  /** Passes the client's progress to `listener` until the returned function is called. */
  watch(listener: (progress: KoladaProgress) => void): () => void;
}

/** Connects to Kolada (the live API unless `baseUrl` says otherwise); nothing is sent until asked. */
export function connectKolada(options: KoladaClientOptions = {}): KoladaConnection {
  const address = options.baseUrl ?? KOLADA_BASE_URL;
  if (!URL.canParse(address)) throw new RangeError(`”${address}” är ingen giltig adress till Koladas API.`);
  const baseFetch = options.fetch ?? globalThis.fetch;
  const listeners = new Set<(progress: KoladaProgress) => void>();
  let requests = 0;
  const countingFetch: typeof fetch = (input, init) => {
    requests += 1;
    return baseFetch(input, init);
  };
  const client = createKoladaClient({
    ...options,
    fetch: countingFetch,
    onProgress: (progress) => {
      options.onProgress?.(progress);
      for (const listener of listeners) listener(progress);
    },
  });
  return {
    client,
    baseUrl: new URL(address).href.replace(/\/+$/, ''),
    requests: () => requests,
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type KoladaSyncStep = 'kpis' | 'areas' | 'groups' | 'values';

export const KOLADA_SYNC_STEP_LABELS: Record<KoladaSyncStep, string> = {
  kpis: 'Nyckeltal',
  areas: 'Kommuner och regioner',
  groups: 'Kommungrupper',
  values: 'Värden',
};

export interface KoladaSyncProgress {
  step: KoladaSyncStep;
  /** Items received in this step (for values: KPI–area–year items, each with up to three genders). */
  done: number;
  /** What Kolada says the step holds; null until it has said. */
  total: number | null;
  /** HTTP requests sent in this sync so far, retries included. */
  requests: number;
}

export interface KoladaCatalogueSyncSummary {
  kpis: number;
  areas: number;
  groups: number;
  requests: number;
  durationMs: number;
}

export interface KoladaValuesSync {
  kpiIds: readonly string[];
  /** Municipality and region codes; the cooperation's members and comparison areas when omitted. */
  areaCodes?: readonly string[];
  /** All years when omitted. */
  years?: readonly number[];
  /** Only what changed at Kolada since this date (YYYY-MM-DD), deletions included. */
  fromDate?: string;
  onProgress?: (progress: KoladaSyncProgress) => void;
}

export interface KoladaValuesSyncSummary extends ImportSummary {
  /** KPIs that were not followed before this sync and now are. */
  indicatorsCreated: string[];
  requests: number;
  durationMs: number;
}

const KPI_ID = /^[A-Z]\d{5}$/;
const SOURCE = (id: string) => `Kolada (RKA), https://www.kolada.se/, KPI ${id}`;
export const KOLADA_LICENCE = 'Fri användning med källhänvisning: Källa: Kolada';
/** How many KPI ids the import list names before it says "and N more". */
const SOURCE_NAME_IDS = 10;

/** The client's KPI keeps "not given" as null; the stored catalogue keeps it as an empty text. */
const toStoredKpi = (k: FetchedKpi): KoladaKpi => ({
  id: k.id,
  title: k.title,
  description: k.description,
  isDividedByGender: k.isDividedByGender,
  municipalityType: k.municipalityType ?? '',
  operatingArea: k.operatingArea ?? '',
  auspice: k.auspice ?? '',
  publPeriod: k.publPeriod ?? '',
  publicationDate: k.publicationDate ?? '',
});

async function collect<T>(
  kolada: KoladaConnection,
  step: KoladaSyncStep,
  pages: AsyncIterable<T[]>,
  progress: ((p: KoladaSyncProgress) => void) | undefined,
  requestsBefore: number,
): Promise<T[]> {
  const items: T[] = [];
  const stop = kolada.watch((p) =>
    progress?.({ step, done: p.done, total: p.total, requests: kolada.requests() - requestsBefore }),
  );
  try {
    for await (const page of pages) items.push(...page);
  } finally {
    stop();
  }
  return items;
}

/**
 * Fetches Kolada's whole catalogue and stores it in one transaction with one audit event. Only the
 * secretariat may; a failing Kolada changes nothing (the previous catalogue stays).
 */
export async function syncKoladaCatalogue(
  ctx: AppContext,
  kolada: KoladaConnection,
  options: { onProgress?: (progress: KoladaSyncProgress) => void } = {},
): Promise<KoladaCatalogueSyncSummary> {
  authorize(ctx, 'manage_indicators');
  const started = performance.now();
  const before = kolada.requests();
  const kpis = await collect(kolada, 'kpis', kolada.client.kpis(), options.onProgress, before);
  const areas: Area[] = await collect(kolada, 'areas', kolada.client.municipalities(), options.onProgress, before);
  const groups: AreaGroup[] = await collect(
    kolada,
    'groups',
    kolada.client.municipalityGroups(),
    options.onProgress,
    before,
  );
  await updateKoladaCatalogue(ctx, { kpis: kpis.map(toStoredKpi), areas, groups, sourceName: kolada.baseUrl });
  return {
    kpis: kpis.length,
    areas: areas.length,
    groups: groups.length,
    requests: kolada.requests() - before,
    durationMs: performance.now() - started,
  };
}

/**
 * Our definition of a Kolada KPI, guessed from its catalogue entry; the secretariat may refine it later.
 * Shares ("(%)", "andel") are in percent and averaged; a count ("antal") that is not a share is summed —
 * "andel av antal dagar (%)" is a share, so the unit decides before the word "antal" does.
 */
export function indicatorFromKoladaKpi(kpi: KoladaKpi): NewIndicator {
  const title = kpi.title.trim();
  const unit = /\(%\)|\bandel/i.test(title) ? 'procent' : /kr\/inv/i.test(title) ? 'kronor per invånare' : '';
  const aggregation: Aggregation = unit === '' && /\bantal\b/i.test(title) ? 'sum' : 'mean';
  return {
    key: kpi.id,
    origin: 'kolada',
    title,
    definition: kpi.description.trim() || title,
    unit,
    decimals: 1,
    aggregation,
    weightKey: null,
    byGender: kpi.isDividedByGender,
    source: SOURCE(kpi.id),
    licence: KOLADA_LICENCE,
  };
}

/** Upper-cased, without repeats; a malformed id is a validation error naming it. */
function normaliseKpiIds(ids: readonly string[]): string[] {
  const normalised = [...new Set(ids.map((id) => id.trim().toUpperCase()).filter((id) => id !== ''))];
  if (normalised.length === 0) {
    throw validationFailed([
      { field: 'kpiIds', message: 'Ange minst ett nyckeltal från Kolada, till exempel N00945.' },
    ]);
  }
  const bad = normalised.filter((id) => !KPI_ID.test(id));
  if (bad.length > 0) {
    throw validationFailed(
      bad.map((id) => ({
        field: 'kpiIds',
        message: `”${id}” är inte ett id för ett nyckeltal i Kolada (en bokstav och fem siffror, till exempel N00945).`,
      })),
    );
  }
  return normalised;
}

/**
 * The definitions to create for KPIs not yet followed. Throws, changing nothing, when a KPI is not in
 * the stored catalogue or its key belongs to one of our own (local) indicators.
 */
async function definitionsToCreate(repos: Repositories, kpiIds: readonly string[]): Promise<NewIndicator[]> {
  const followed = new Map((await repos.indicators.byKeys(kpiIds)).map((i) => [i.key, i]));
  const problems: FieldProblem[] = [];
  const create: NewIndicator[] = [];
  for (const id of kpiIds) {
    const existing = followed.get(id);
    if (existing?.origin === 'kolada') continue;
    if (existing) {
      problems.push({
        field: 'kpiIds',
        message: `”${id}” är ett eget nyckeltal här, inte Koladas; dess värden hämtas inte från Kolada.`,
      });
      continue;
    }
    const kpi = await repos.catalogue.kpi(id);
    if (!kpi) {
      problems.push({
        field: 'kpiIds',
        message: `Nyckeltalet ”${id}” finns inte i Koladas katalog här. Kontrollera id:t, eller uppdatera katalogen från Kolada först.`,
      });
      continue;
    }
    create.push(indicatorFromKoladaKpi(kpi));
  }
  if (problems.length > 0) throw validationFailed(problems);
  return create;
}

async function createIndicators(ctx: AppContext, definitions: readonly NewIndicator[]): Promise<string[]> {
  if (definitions.length === 0) return [];
  return inTransaction(ctx, async (tx) => {
    const now = timestamp(ctx);
    const events = [];
    for (const d of definitions) {
      const id = await tx.indicators.upsert(d, now);
      events.push({
        action: 'indicator.defined' as const,
        entityType: 'indicator' as const,
        entityId: id,
        summary: `Började följa Koladas nyckeltal ${d.key} ”${d.title}”.`,
        before: null,
        after: indicatorSnapshot(d),
      });
    }
    // Appended last: on PostgreSQL the audit chain's lock is then held only until commit.
    for (const event of events) await recordEvent(ctx, tx, event);
    return definitions.map((d) => d.key);
  });
}

/**
 * Starts following Kolada KPIs from the stored catalogue (an indicator of origin `kolada` each, with
 * one audit event each); KPIs already followed are left as they are. Returns the keys created.
 */
export async function followKoladaKpis(ctx: AppContext, kpiIds: readonly string[]): Promise<string[]> {
  authorize(ctx, 'manage_indicators');
  return createIndicators(ctx, await definitionsToCreate(readRepos(ctx), normaliseKpiIds(kpiIds)));
}

/** The Kolada KPIs the cooperation follows: what a sync without named KPIs fetches. */
export async function followedKoladaKpis(ctx: AppContext): Promise<Indicator[]> {
  return (await readRepos(ctx).indicators.list()).filter((i) => i.origin === 'kolada');
}

/** The cooperation's members and comparison areas (Riket, the region): whose values we follow. */
async function defaultAreaCodes(repos: Repositories): Promise<string[]> {
  const collaboration = await repos.collaboration.first();
  if (!collaboration) {
    throw validationFailed([
      { field: 'areaCodes', message: 'Det finns ingen samverkan med medlemmar än; ange vilka områden som ska hämtas.' },
    ]);
  }
  const [members, comparison] = await Promise.all([
    repos.collaboration.members(collaboration.id),
    repos.collaboration.comparisonAreas(collaboration.id),
  ]);
  return [...new Set([...members.map((m) => m.code), ...comparison.map((a) => a.code)])];
}

/** Values are only stored for areas in Kolada's list of municipalities and regions, so ask for no others. */
async function checkAreaCodes(repos: Repositories, areaCodes: readonly string[]): Promise<void> {
  if (areaCodes.length === 0) {
    throw validationFailed([{ field: 'areaCodes', message: 'Ange minst ett område, till exempel 0136.' }]);
  }
  const known = new Set((await repos.catalogue.areas()).map((a) => a.code));
  const unknown = areaCodes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw validationFailed(
      unknown.map((code) => ({
        field: 'areaCodes',
        message: `Området ”${code}” finns inte i Koladas förteckning över kommuner och regioner här (fyrsiffrig kod, till exempel 0136).`,
      })),
    );
  }
}

function sourceNameOf(baseUrl: string, kpiIds: readonly string[], fromDate: string | undefined): string {
  const named = kpiIds.slice(0, SOURCE_NAME_IDS).join(', ');
  const more = kpiIds.length > SOURCE_NAME_IDS ? ` och ${kpiIds.length - SOURCE_NAME_IDS} till` : '';
  const since = fromDate === undefined ? '' : `, ändringar sedan ${fromDate}`;
  return `${baseUrl}: ${named}${more}${since}`;
}

const keyText = (k: ValueKey) => `${k.indicatorKey}|${k.areaCode}|${k.year}|${k.gender}`;

/** Sorted by key, each key built once (a sync may bring hundreds of thousands of values). */
function sortedByKey<T extends ValueKey>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ key: keyText(item), item }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}

/** The same values in any order and paging give the same checksum. */
export function valuesSha256(rows: readonly ValueRow[], deleted: readonly ValueKey[]): string {
  const canonical = {
    rows: sortedByKey(rows).map((r) => [r.indicatorKey, r.areaCode, r.year, r.gender, r.value, r.status]),
    deleted: sortedByKey(deleted).map((k) => [k.indicatorKey, k.areaCode, k.year, k.gender]),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * What the import list says about a failed fetch. recordFailedImport shows only a domain error's
 * message (other errors may hold internals); Kolada's messages are written for people and name the
 * address and what went wrong, which is what the secretariat needs to see.
 */
function failureToRecord(error: unknown): unknown {
  return error instanceof KoladaError || error instanceof KoladaFormatError
    ? new DomainError('conflict', `Hämtningen från Kolada misslyckades: ${error.message}`)
    : error;
}

/**
 * Fetches the values of Kolada KPIs and stores them as one import (all-or-nothing, idempotent, one
 * audit event when anything changed). Only the secretariat may. KPIs not yet followed are followed
 * from the stored catalogue; a KPI not in it is refused before anything is fetched or changed. Every
 * page is fetched before anything is stored: when Kolada fails (after the client's retries) the
 * previous values stay exactly as they were, the failure is recorded in the import list, and the
 * KoladaError (or KoladaFormatError) is thrown.
 */
export async function syncKoladaValues(
  ctx: AppContext,
  kolada: KoladaConnection,
  options: KoladaValuesSync,
): Promise<KoladaValuesSyncSummary> {
  authorize(ctx, 'manage_indicators');
  const started = performance.now();
  const startedAt = timestamp(ctx);
  const before = kolada.requests();
  const repos = readRepos(ctx);

  const kpiIds = normaliseKpiIds(options.kpiIds);
  const definitions = await definitionsToCreate(repos, kpiIds);
  const areaCodes = options.areaCodes
    ? [...new Set(options.areaCodes.map((c) => c.trim()))]
    : await defaultAreaCodes(repos);
  await checkAreaCodes(repos, areaCodes);

  let pages: AsyncIterable<{ rows: ValueRow[]; deleted: ValueKey[] }>;
  try {
    pages = kolada.client.values({ kpiIds, areaCodes, years: options.years, fromDate: options.fromDate });
  } catch (error) {
    // The client checks years and dates before it asks anything; its messages are Swedish.
    if (error instanceof RangeError) throw validationFailed([{ field: 'kolada', message: error.message }]);
    throw error;
  }

  const sourceName = sourceNameOf(kolada.baseUrl, kpiIds, options.fromDate);
  const rows: ValueRow[] = [];
  const deleted: ValueKey[] = [];
  const stop = kolada.watch((p) =>
    options.onProgress?.({ step: 'values', done: p.done, total: p.total, requests: kolada.requests() - before }),
  );
  try {
    for await (const page of pages) {
      rows.push(...page.rows);
      deleted.push(...page.deleted);
    }
  } catch (error) {
    // Nothing was stored; the attempt (and how far it got) stays visible in the import list.
    await recordFailedImport(
      ctx,
      { kind: 'kolada_api', sourceName, sha256: null, rows },
      startedAt,
      failureToRecord(error),
    );
    throw error;
  } finally {
    stop();
  }

  const indicatorsCreated = await createIndicators(ctx, definitions);
  const input: ValueImport = { kind: 'kolada_api', sourceName, sha256: valuesSha256(rows, deleted), rows, deleted };
  const summary = await importValues(ctx, input);
  return {
    ...summary,
    indicatorsCreated,
    requests: kolada.requests() - before,
    durationMs: performance.now() - started,
  };
}
