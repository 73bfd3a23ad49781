/**
 * The nightly Kolada sync: the values of the Kolada KPIs the cooperation already follows, for its
 * members and comparison areas — what `samverkan kolada sync` does without --kpi and --area.
 */
import type { AppContext } from '../app/context.js';
import { connectKolada, followedKoladaKpis, syncKoladaValues } from '../app/indicators/sync-kolada.js';
import { formatNumber } from '../domain/format-sv.js';
import type { KoladaClientOptions } from '../imports/kolada/kolada-client.js';
import type { JobResult } from './job.js';

const n = (value: number) => formatNumber(value);

export async function syncFollowedKoladaKpis(ctx: AppContext, kolada: KoladaClientOptions): Promise<JobResult> {
  const kpiIds = (await followedKoladaKpis(ctx)).map((indicator) => indicator.key);
  if (kpiIds.length === 0) {
    return { outcome: 'skipped', message: 'Inga nyckeltal från Kolada följs, så det fanns inget att hämta.' };
  }
  const summary = await syncKoladaValues(ctx, connectKolada(kolada), { kpiIds });
  const kpis = kpiIds.length === 1 ? '1 nyckeltal' : `${n(kpiIds.length)} nyckeltal`;
  return {
    outcome: 'ok',
    message:
      `${kpis}: ${n(summary.rowsRead)} värden lästa, ${n(summary.rowsChanged)} nya eller ändrade, ` +
      `${n(summary.rowsDeleted)} borttagna, ${n(summary.requests)} anrop till Kolada.` +
      (summary.status === 'unchanged' ? ' Inget ändrades: värdena var redan aktuella.' : ''),
  };
}
