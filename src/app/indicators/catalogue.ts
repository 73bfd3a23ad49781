import type { Area } from '../../domain/indicators/indicator.js';
import type { AreaGroup, KoladaKpi } from '../../storage/kolada-catalogue.repository.js';
import { recordEvent } from '../audit/record-event.js';
import { authorize } from '../auth/authorize.js';
import { inTransaction, readRepos, timestamp, type AppContext } from '../context.js';

export interface CatalogueUpdate {
  kpis: readonly KoladaKpi[];
  areas: readonly Area[];
  groups: readonly AreaGroup[];
  /** Where it came from: the shipped files or Kolada's API address. */
  sourceName: string;
}

/** Stores Kolada's catalogue (metadata) in one transaction with one audit event. */
export async function updateKoladaCatalogue(ctx: AppContext, update: CatalogueUpdate): Promise<void> {
  authorize(ctx, 'manage_indicators');
  await inTransaction(ctx, async (tx) => {
    const now = timestamp(ctx);
    await tx.catalogue.upsertKpis(update.kpis, now);
    await tx.catalogue.upsertAreas(update.areas);
    await tx.catalogue.replaceGroups(update.groups);
    await recordEvent(ctx, tx, {
      action: 'kolada_catalogue.updated',
      entityType: 'kolada_catalogue',
      entityId: 'kolada',
      summary: `Uppdaterade Koladas katalog från ${update.sourceName}: ${update.kpis.length} nyckeltal, ${update.areas.length} kommuner och regioner, ${update.groups.length} kommungrupper.`,
      before: null,
      after: {
        sourceName: update.sourceName,
        kpis: update.kpis.length,
        areas: update.areas.length,
        groups: update.groups.length,
      },
    });
  });
}

/** Whether Kolada's KPI catalogue has been loaded at all. */
export async function hasKoladaCatalogue(ctx: AppContext): Promise<boolean> {
  return (await readRepos(ctx).catalogue.kpiCount()) > 0;
}
