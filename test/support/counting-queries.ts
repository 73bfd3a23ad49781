import type { KyselyPlugin, RootOperationNode } from 'kysely';
import type { AppContext } from '../../src/app/context.js';

/**
 * The context with a record of the queries it runs: how many, and how many touch a given table
 * (found by name anywhere in the query's tree: joins and subqueries count).
 */
export function counting(ctx: AppContext): {
  ctx: AppContext;
  count: () => number;
  countOf: (table: string) => number;
} {
  const nodes: RootOperationNode[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      nodes.push(args.node);
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return {
    ctx: { ...ctx, storage: { ...ctx.storage, db: ctx.storage.db.withPlugin(plugin) } },
    count: () => nodes.length,
    countOf: (table) => nodes.filter((node) => JSON.stringify(node).includes(`"name":"${table}"`)).length,
  };
}
