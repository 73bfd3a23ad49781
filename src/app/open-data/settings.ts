/**
 * The one setting of the open data: OPEN_DATA_CONTACT_EMAIL, the address the data catalogue gives as its
 * contact point (vcard:hasEmail), e.g. `oppnadata@kommun.se`. DCAT-AP-SE requires one before the data
 * portal harvests the catalogue; nothing in the sources names such an address, so none is invented:
 * without the variable the catalogue's contact point has the service's "Om tjänsten" page only.
 *
 * The variable is checked at boot (src/config/env.ts spreads `openDataVariables`); read here again so the
 * catalogue needs no configuration object passed down, and a bad value (only possible when the server was
 * not started by env.ts, as in tests) is left out and said so on the page rather than published.
 */
import { z } from 'zod';
import { openDataVariables } from '../../config/open-data.js';

const schema = z.object(openDataVariables);

export interface OpenDataSettings {
  /** The catalogue's contact address, or null when none (or no valid one) is configured. */
  contactEmail: string | null;
  /** A configured value that is not an e-mail address (so left out). */
  invalidContactEmail: boolean;
}

export function openDataSettings(env: NodeJS.ProcessEnv = process.env): OpenDataSettings {
  const parsed = schema.safeParse({ OPEN_DATA_CONTACT_EMAIL: env.OPEN_DATA_CONTACT_EMAIL });
  if (!parsed.success) return { contactEmail: null, invalidContactEmail: true };
  return { contactEmail: parsed.data.OPEN_DATA_CONTACT_EMAIL ?? null, invalidContactEmail: false };
}
