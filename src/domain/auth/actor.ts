/**
 * Who is acting: a signed-in user, an API token on a user's behalf, the system itself (migrations,
 * demo seed, CLI), or nobody known (a visitor). Every recorded change names its actor.
 */
export type Actor =
  | { kind: 'user'; userId: number; name: string }
  | { kind: 'token'; userId: number; tokenId: number; name: string }
  | { kind: 'system'; name: string }
  | { kind: 'anonymous' };

export const SYSTEM: Actor = { kind: 'system', name: 'samverkan' };
export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** How an actor is named in history and logs. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.name;
    case 'token':
      return `${actor.name} (API-nyckel)`;
    case 'system':
      return `Systemet (${actor.name})`;
    case 'anonymous':
      return 'Okänd besökare';
  }
}
