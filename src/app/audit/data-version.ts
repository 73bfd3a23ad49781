import { readRepos, type AppContext } from '../context.js';

/**
 * A number that changes whenever recorded data changes: the audit trail's last position. Every change
 * writes its event in the same transaction, so whatever is cached under this number (whole public
 * pages) is never stale, on any number of app instances.
 */
export const dataVersion = (ctx: AppContext): Promise<number> => readRepos(ctx).audit.headId();
