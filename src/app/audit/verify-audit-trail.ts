import { chainVerifier, type ChainVerdict } from '../../domain/audit/audit-chain.js';
import { readRepos, type AppContext } from '../context.js';

/**
 * Checks the whole audit trail, oldest first, streaming it through the chain verifier. Appends made
 * meanwhile only add rows at the end, so reading page by page outside a transaction is sound.
 */
export async function verifyAuditTrail(ctx: AppContext): Promise<ChainVerdict> {
  const verifier = chainVerifier();
  for await (const record of readRepos(ctx).audit.all()) if (!verifier.push(record)) break;
  return verifier.verdict();
}
