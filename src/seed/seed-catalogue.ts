import { hasKoladaCatalogue, updateKoladaCatalogue } from '../app/indicators/catalogue.js';
import type { AppContext } from '../app/context.js';
import { shippedAreas, shippedGroups, shippedKpis } from './kolada-catalogue-files.js';

/**
 * Loads the shipped copy of Kolada's catalogue (6 099 KPIs, 312 areas, 3 630 groups) when none is
 * stored yet; a later `samverkan kolada sync` replaces it with the live one. Returns whether it loaded.
 */
export async function seedKoladaCatalogue(ctx: AppContext): Promise<boolean> {
  if (await hasKoladaCatalogue(ctx)) return false;
  await updateKoladaCatalogue(ctx, {
    kpis: shippedKpis(),
    areas: shippedAreas(),
    groups: shippedGroups(),
    sourceName: 'den medföljande kopian (data/kolada/, Källa: Kolada)',
  });
  return true;
}
