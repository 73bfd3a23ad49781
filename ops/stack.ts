/**
 * What the scenarios run against: the suite's own PostgreSQL, three instances of the compiled server
 * on it, nginx in front with the deployment guide's configuration, and an account with a session and
 * an API token. Everything lives in one temp directory and is undone by the cleanup steps.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newAccount, signIn, createApiToken, type Account } from './accounts.js';
import { onCleanup } from './cleanup.js';
import { createClient, type Client } from './http-client.js';
import { Instance } from './instances.js';
import type { LoadRequest } from './load.js';
import { startNginx, type Nginx } from './nginx.js';
import type { Options } from './options.js';
import { startCluster, type Cluster } from './postgres-cluster.js';
import { freePort } from './processes.js';
import { writeTargets, reportBody, reportPath, type WriteTarget } from './writes.js';

export const INSTANCE_COUNT = 3;

export interface Stack {
  options: Options;
  dir: string;
  cluster: Cluster;
  instances: Instance[];
  publicUrl: string;
  metricsToken: string;
  /** Where nginx will listen (127.0.0.1). */
  nginxPorts: { http: number; https: number };
}

export interface SignedInStack extends Stack {
  nginx: Nginx;
  /** Through nginx, without cookies: as the public. */
  viaNginx: Client;
  /** Makes a client of `base` (nginx's https address or an instance) that checks the suite's certificate. */
  clientOf: (base: string) => Client;
  account: Account;
  /** The session cookie of the account signed in through nginx (`__Host-samverkan=…`). */
  sessionCookie: string;
  apiToken: string;
  /** Activities the writers report on (one writer each); the load's writes use another one. */
  targets: WriteTarget[];
  /** Public pages, signed-in pages, API reads and an API write. */
  mix: LoadRequest[];
  /** The same without the write. */
  readMix: LoadRequest[];
}

/** The temp directory (readable by the postgres and www-data users, who work in it) and the cluster. */
export async function prepareStack(options: Options): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-ops-'));
  chmodSync(dir, 0o755);
  onCleanup('temp directory', () => {
    if (options.keep) console.error(`Kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  console.error(`Temp directory ${dir}; starting PostgreSQL …`);
  const cluster = await startCluster(join(dir, 'postgres'), options.pgPort);
  onCleanup('PostgreSQL', () => cluster.stop());
  const ports: number[] = [];
  for (let i = 0; i < INSTANCE_COUNT + 2; i++) {
    ports.push(await freePort(i < INSTANCE_COUNT ? 23001 + i : i === INSTANCE_COUNT ? 18443 : 18080, ports));
  }
  const httpsPort = ports[INSTANCE_COUNT]!;
  const publicUrl = `https://127.0.0.1:${httpsPort}`;
  const metricsToken = randomBytes(24).toString('base64url');
  const instances = ports.slice(0, INSTANCE_COUNT).map(
    (port, i) =>
      new Instance(
        {
          name: `instance-${i + 1}`,
          port,
          env: {
            DATABASE_URL: cluster.url,
            TRUST_PROXY: 'true',
            PUBLIC_URL: publicUrl,
            SEED_DEMO: i === 0 ? 'true' : 'false',
            LOG_LEVEL: 'info',
            METRICS_TOKEN: metricsToken,
          },
        },
        dir,
      ),
  );
  return {
    options,
    dir,
    cluster,
    instances,
    publicUrl,
    metricsToken,
    nginxPorts: { http: ports[INSTANCE_COUNT + 1]!, https: httpsPort },
  };
}

/** nginx in front of the instances (with the deployed configuration), then the account, its session and token. */
export async function completeStack(stack: Stack): Promise<SignedInStack> {
  const nginx = await startNginx(join(stack.dir, 'nginx'), {
    upstreamPorts: stack.instances.map((i) => i.port),
    httpPort: stack.nginxPorts.http,
    httpsPort: stack.nginxPorts.https,
  });
  const clientOf = (base: string) => createClient(base, { ca: nginx.pem });
  const viaNginx = clientOf(nginx.https);
  const setup = clientOf(nginx.https);
  const account = await newAccount(stack.cluster.url, setup, 'load');
  await signIn(setup, account);
  const cookieName = [...setup.cookies.keys()].find((name) => name.includes('samverkan'));
  if (!cookieName) throw new Error('Signing in through nginx gave no session cookie.');
  const sessionCookie = `${cookieName}=${setup.cookies.get(cookieName)}`;
  const apiToken = await createApiToken(setup, 'driftprov');
  const all = await writeTargets(viaNginx, 7);
  const loadTarget = all[0]!;
  const targets = all.slice(1);
  const browser = { 'accept-encoding': 'gzip, br', accept: 'text/html' };
  const signedIn = { ...browser, cookie: sessionCookie };
  const api = { accept: 'application/json', 'accept-encoding': 'gzip' };
  const bearer = { ...api, authorization: `Bearer ${apiToken}` };
  const readMix: LoadRequest[] = [
    { kind: 'public', path: '/', headers: browser },
    { kind: 'public', path: '/program/sup-2035', headers: browser },
    { kind: 'public', path: '/planer/1', headers: browser },
    { kind: 'public', path: '/nyckeltal/sm-folkmangd', headers: browser },
    { kind: 'public', path: '/framsteg/sup-2035/mal/6', headers: browser },
    { kind: 'api-read', path: '/api/v1/programmes', headers: api },
    { kind: 'signed-in', path: '/', headers: signedIn },
    { kind: 'signed-in', path: '/program/sup-2035', headers: signedIn },
    { kind: 'signed-in', path: '/planer/1', headers: signedIn },
    { kind: 'signed-in', path: '/antagande', headers: signedIn },
    { kind: 'signed-in', path: '/konto', headers: signedIn },
    { kind: 'api-read', path: '/api/v1/plans/1', headers: bearer },
    { kind: 'public', path: '/antagande', headers: browser },
    { kind: 'public', path: '/evenemang', headers: browser },
    { kind: 'signed-in', path: '/nyckeltal/sm-folkmangd', headers: signedIn },
    { kind: 'api-read', path: '/api/v1/programmes/sup-2035/adoption', headers: api },
  ];
  const write: LoadRequest = {
    kind: 'api-write',
    method: 'POST',
    path: reportPath(loadTarget),
    headers: { ...bearer, 'content-type': 'application/json' },
    body: JSON.stringify(reportBody(loadTarget, 'Driftprov: last genom nginx')),
  };
  // About one write in a hundred requests: officers read far more than they report.
  const mix = [...Array.from({ length: 6 }, () => readMix).flat(), write];
  await preflight(viaNginx, [...readMix, write]);
  return { ...stack, nginx, viaNginx, clientOf, account, sessionCookie, apiToken, targets, mix, readMix };
}

/** Each request of the mix once through nginx: it must answer 2xx, or the load's figures would mislead. */
async function preflight(client: Client, mix: LoadRequest[]): Promise<void> {
  const refused: string[] = [];
  for (const r of mix) {
    const answer = await client.request(r.path, {
      method: r.method ?? 'GET',
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
    });
    if (answer.status < 200 || answer.status > 299)
      refused.push(`${r.method ?? 'GET'} ${r.path} (${r.kind}): ${answer.status}`);
  }
  if (refused.length) throw new Error(`The load mix has requests that do not answer 2xx:\n  ${refused.join('\n  ')}`);
}
