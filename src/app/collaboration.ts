import { notFound } from '../domain/errors.js';
import type { Collaboration } from '../domain/collaboration.js';
import type { Member } from '../domain/adoption/decision.js';
import type { ProgrammeSummary } from '../domain/programme/programme.js';
import { readRepos, type AppContext, type Repositories } from './context.js';

/** The cooperation this installation serves (the first one; one per installation for now). */
export async function currentCollaboration(repos: Repositories): Promise<Collaboration> {
  const collaboration = await repos.collaboration.first();
  if (!collaboration) throw notFound('Samverkan');
  return collaboration;
}

/** The cooperation with its members, bodies, networks, events and comparison areas. */
export async function getCollaboration(ctx: AppContext) {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const [members, bodies, networks, events, comparisonAreas] = await Promise.all([
    repos.collaboration.members(collaboration.id),
    repos.collaboration.bodies(collaboration.id),
    repos.collaboration.networks(collaboration.id),
    repos.collaboration.events(collaboration.id),
    repos.collaboration.comparisonAreas(collaboration.id),
  ]);
  return { collaboration, members, bodies, networks, events, comparisonAreas };
}

export type CollaborationView = Awaited<ReturnType<typeof getCollaboration>>;

/**
 * The members, and the programmes that are not drafts — what a decision or an event may concern — in the
 * register's order.
 */
export async function membersAndProgrammes(
  ctx: AppContext,
): Promise<{ members: Member[]; programmes: ProgrammeSummary[] }> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const [members, programmes] = await Promise.all([
    repos.collaboration.members(collaboration.id),
    repos.programmes.list(collaboration.id),
  ]);
  return { members, programmes: programmes.filter((p) => p.state !== 'draft') };
}
