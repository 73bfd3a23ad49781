/**
 * PostgreSQL's COPY for bulk writes (pg-copy-streams), on the connection of the caller's Kysely
 * transaction: what is copied belongs to that transaction and is rolled back with it.
 *
 * Kysely does not hand out its pg client, so each pool of ours keeps its clients by server process id
 * (`trackCopyClients`, called where the pool is made) and `copyClientOf` asks the transaction's
 * connection for its `pg_backend_pid()`.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../schema.js';

/** Clients of our pools by their server process id (several servers may in theory share an id). */
const clientsByPid = new Map<number, Set<pg.Client>>();

/** pg sets `processID` from the server's BackendKeyData when it connects; its types leave it out. */
const pidOf = (client: pg.Client): number | null => (client as pg.Client & { processID: number | null }).processID;

/** Remembers the pool's clients while they are connected, so a transaction's own client can be found. */
export function trackCopyClients(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const pid = pidOf(client);
    if (pid === null) return;
    let clients = clientsByPid.get(pid);
    if (!clients) clientsByPid.set(pid, (clients = new Set()));
    clients.add(client);
  });
  pool.on('remove', (client) => {
    const pid = pidOf(client);
    const clients = pid === null ? undefined : clientsByPid.get(pid);
    if (!clients) return;
    clients.delete(client);
    if (clients.size === 0) clientsByPid.delete(pid!);
  });
}

/**
 * The pg client behind `db`'s connection: call with a Kysely transaction (or a connection held with
 * `db.connection()`), never with a pool-wide Kysely, whose next query may run on another connection.
 */
export async function copyClientOf(db: Kysely<Database>): Promise<pg.Client> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  const pid = rows[0]!.pid;
  const clients = [...(clientsByPid.get(pid) ?? [])];
  if (clients.length !== 1)
    throw new Error(
      `COPY: ${clients.length === 0 ? 'ingen' : 'mer än en'} pg-klient med serverprocess ${pid} (öppnades anslutningen med openPostgres?)`,
    );
  return clients[0]!;
}

/** A value in COPY's text format: `\N` for null; backslash, tab, newline and carriage return escaped. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** About this many characters per chunk written to the server: few enough writes, little memory. */
const CHUNK_CHARS = 1 << 16;

/** Joins lines of COPY text (each ending in a newline) into chunks of about CHUNK_CHARS. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Streams `lines` (COPY text, each line ending in `\n`) into `table (columns)` on `client`; returns the
 * rows the server took. A failure (of the server, or of the iterator) aborts the COPY and with it the
 * transaction it runs in.
 */
export async function copyLines(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
): Promise<number> {
  const copy = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunked(lines)), copy);
  return copy.rowCount;
}
