/**
 * The suite's own PostgreSQL cluster: Debian's server binaries, a data directory in the suite's temp
 * directory, trust on 127.0.0.1 only, its own port. The suite restarts it under load; the machine's
 * shared cluster (5432) is never touched.
 */
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { asUser, freePort, isRoot, run } from './processes.js';

const POSTGRES_USER = 'postgres';

export interface Cluster {
  /** `postgres://postgres@127.0.0.1:PORT/samverkan` */
  url: string;
  port: number;
  version: string;
  /** `pg_ctl restart -m fast`: seconds until it accepts connections again. */
  restart: () => Promise<number>;
  stop: () => Promise<void>;
  query: <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;
  /** The same in another database of the cluster. */
  queryIn: <R extends pg.QueryResultRow>(database: string, sql: string, params?: unknown[]) => Promise<R[]>;
  /** The URL of another database of the cluster. */
  urlOf: (database: string) => string;
}

/** The newest /usr/lib/postgresql/<version>/bin with initdb and pg_ctl (or PG_BIN). */
export function postgresBinaries(): string | undefined {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'pg_ctl')) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** initdb into `dir` (owned by the postgres user when running as root), start on a free port, create the database. */
export async function startCluster(dir: string, preferredPort: number): Promise<Cluster> {
  const bin = postgresBinaries();
  if (!bin) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/<version>/bin. ' +
        'Debian: apt-get install postgresql (the suite uses only the binaries; it starts its own cluster). ' +
        'Elsewhere set PG_BIN to the directory with initdb and pg_ctl.',
    );
  }
  const data = join(dir, 'data');
  const sockets = join(dir, 'sockets');
  mkdirSync(dir, { recursive: true });
  mkdirSync(sockets, { recursive: true });
  if (isRoot()) {
    const { stdout } = await run('id', ['-u', POSTGRES_USER]);
    const { stdout: gid } = await run('id', ['-g', POSTGRES_USER]);
    for (const path of [dir, sockets]) chownSync(path, Number(stdout.trim()), Number(gid.trim()));
  }
  const as = (command: string, args: string[]) => {
    const [cmd, argv] = asUser(POSTGRES_USER, join(bin, command), args);
    return run(cmd, argv, { timeoutMs: 120_000 });
  };
  await as('initdb', ['-D', data, '-U', POSTGRES_USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort(preferredPort);
  const serverOptions = [
    `-c port=${port}`,
    `-c listen_addresses=127.0.0.1`,
    `-c unix_socket_directories=${sockets}`,
    '-c max_connections=200',
    '-c shared_buffers=128MB',
  ].join(' ');
  const log = join(dir, 'postgres.log');
  await as('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', serverOptions]);
  const url = `postgres://${POSTGRES_USER}@127.0.0.1:${port}/samverkan`;
  const admin = async <T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({
      connectionString: `postgres://${POSTGRES_USER}@127.0.0.1:${port}/${database}`,
      connectionTimeoutMillis: 5000,
    });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  await admin('postgres', (c) => c.query('create database samverkan'));
  const version = await admin('postgres', async (c) => (await c.query('show server_version')).rows[0].server_version);
  return {
    url,
    port,
    version: String(version),
    restart: async () => {
      const started = performance.now();
      await as('pg_ctl', ['restart', '-D', data, '-l', log, '-m', 'fast', '-w', '-t', '60', '-o', serverOptions]);
      return (performance.now() - started) / 1000;
    },
    stop: async () => {
      const stopped = await as('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '30']).catch(() => null);
      if (!stopped) await as('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => undefined);
    },
    query: (sql, params) => admin('samverkan', async (c) => (await c.query(sql, params)).rows),
    queryIn: (database, sql, params) => admin(database, async (c) => (await c.query(sql, params)).rows),
    urlOf: (database) => `postgres://${POSTGRES_USER}@127.0.0.1:${port}/${database}`,
  };
}
