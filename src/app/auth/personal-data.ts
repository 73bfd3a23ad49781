import { getCollaboration } from '../collaboration.js';
import { readRepos, type AppContext } from '../context.js';
import { notFound } from '../../domain/errors.js';
import { ROLE_LABELS } from '../../domain/auth/roles.js';
import { authorize } from './authorize.js';

/**
 * Everything the service keeps about one person (GDPR art. 15): the account, its roles, and the
 * changes it made. Session and sign-in link tokens are not included: only their hashes are kept,
 * and they identify nothing but the session.
 */
export async function exportPersonalData(ctx: AppContext, email: string) {
  const repos = readRepos(ctx);
  const user = await repos.users.byEmail(email);
  if (!user) throw notFound('Kontot');
  if (!(ctx.actor.kind === 'user' && ctx.actor.userId === user.id)) authorize(ctx, 'manage_users');
  const [{ members, networks }, events, identities] = await Promise.all([
    getCollaboration(ctx),
    repos.audit.byActor(user.id),
    repos.oidc.identitiesOf(user.id),
  ]);
  return {
    exportedAt: ctx.now().toISOString(),
    account: {
      email: user.email,
      name: user.name,
      status: user.status,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
    roles: user.grants.map((g) => ({
      role: g.role,
      label: ROLE_LABELS[g.role],
      member: members.find((m) => m.id === g.memberId)?.name ?? null,
      network: networks.find((n) => n.id === g.networkId)?.name ?? null,
    })),
    /** The identities at OpenID Connect providers the account signs in with. */
    signInIdentities: identities.map((i) => ({ issuer: i.issuer, subject: i.subject, linkedAt: i.createdAt })),
    changes: events.map((e) => ({
      at: e.occurredAt,
      action: e.action,
      record: `${e.entityType}/${e.entityId}`,
      summary: e.summary,
    })),
  };
}
