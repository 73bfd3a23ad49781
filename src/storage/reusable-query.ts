/**
 * A query built and compiled once per database, then run with new values: for the few reads every
 * request makes (the session, the cooperation), where building kysely's query tree and compiling it
 * to SQL on every call cost more than running the statement.
 */
import type { Compilable, CompiledQuery, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Stands, in the query built once, for the argument at `index`; replaced by its value on every run. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * `build` makes the query from its arguments, which it may only pass on as values (in `where`,
 * `limit`, …): they are placeholders when it is built, and a value that shapes the SQL (a list for
 * `in`, a column name) would be fixed at its first value. Checked when first built: each argument
 * must turn up as one parameter of the statement.
 *
 * A database with plugins (tests that count statements) gets the query built on every call, as
 * without this, so that the plugins see every statement.
 */
export function reusableQuery<A extends readonly unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  // Per dialect adapter: one per database handle, shared by its transactions (same SQL).
  const compiled = new WeakMap<object, CompiledQuery<R>>();
  return async (db, ...args) => {
    const executor = db.getExecutor();
    if (executor.plugins.length > 0) return (await db.executeQuery(build(db, ...args))).rows;
    let query = compiled.get(executor.adapter);
    if (!query) {
      const slots = args.map((_, i) => new Slot(i)) as unknown as A;
      query = build(db, ...slots).compile();
      const seen = query.parameters.filter((p) => p instanceof Slot).map((p) => (p as Slot).index);
      if (seen.length !== args.length || new Set(seen).size !== args.length)
        throw new Error(`reusableQuery: every argument must be one value of the statement: ${query.sql}`);
      compiled.set(executor.adapter, query);
    }
    const parameters = query.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
