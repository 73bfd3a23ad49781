import { z } from 'zod';

/**
 * OPEN_DATA_CONTACT_EMAIL: the address the data catalogue gives as its contact point (vcard:hasEmail),
 * e.g. `oppnadata@kommun.se`. DCAT-AP-SE requires one before the data portal harvests the catalogue;
 * nothing in the sources names such an address, so none is invented. Spread into the schema of env.ts,
 * where a bad value stops the boot.
 */
export const openDataVariables = {
  OPEN_DATA_CONTACT_EMAIL: z
    .string()
    .trim()
    .pipe(z.email({ error: 'ska vara en e-postadress, till exempel oppnadata@kommun.se' }))
    .optional()
    .or(z.literal('').transform(() => undefined)),
};
