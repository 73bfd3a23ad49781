/**
 * Accounts as an IT department makes them: `samverkan user add` prints a one-time link; the person
 * opens it, chooses a password under "Mitt konto", signs in with the sign-in form, and creates an API
 * token under "Mitt konto → API-nycklar" (forms with the session's CSRF token).
 */
import { randomBytes } from 'node:crypto';
import { csrfToken, type Client } from './http-client.js';
import { run } from './processes.js';

export interface Account {
  email: string;
  name: string;
  password: string;
}

/** `node dist/cli/samverkan.js user add …` against `databaseUrl`; returns the one-time link's token. */
export async function addUser(databaseUrl: string, email: string, name: string, role = 'admin'): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['dist/cli/samverkan.js', 'user', 'add', '--email', email, '--name', name, '--role', role],
    { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' } },
  );
  const match = /\/logga-in\/lank\/(\S+)/.exec(stdout);
  if (!match) throw new Error(`user add printed no sign-in link:\n${stdout}`);
  return match[1]!;
}

/** A password the strength check accepts: random, long, mixed. */
export const strongPassword = (): string => `Drift-${randomBytes(12).toString('base64url')}-prov`;

function expectStatus(what: string, status: number, expected: number, body: string): void {
  if (status !== expected)
    throw new Error(`${what}: expected ${expected}, got ${status}: ${body.replace(/\s+/g, ' ').slice(0, 300)}`);
}

/** Opens the one-time link (the client gets a session) and sets the password; the link's session ends. */
export async function choosePassword(client: Client, linkToken: string, password: string): Promise<void> {
  const link = await client.get(`/logga-in/lank/${linkToken}`);
  expectStatus('one-time link', link.status, 303, link.body);
  const account = await client.get('/konto');
  expectStatus('GET /konto', account.status, 200, account.body);
  const saved = await client.postForm('/konto/losenord', { _csrf: csrfToken(account.body), password });
  expectStatus('POST /konto/losenord', saved.status, 303, saved.body);
}

/** The sign-in form (email and password); the client holds the new session cookie afterwards. */
export async function signIn(client: Client, account: Account): Promise<void> {
  const form = await client.get('/logga-in');
  expectStatus('GET /logga-in', form.status, 200, form.body);
  const answer = await client.postForm('/logga-in', { email: account.email, password: account.password });
  expectStatus('POST /logga-in', answer.status, 303, answer.body);
}

/** Creates an API token with the account's admin role under "Mitt konto → API-nycklar"; returns `sv_…`. */
export async function createApiToken(client: Client, name: string): Promise<string> {
  const page = await client.get('/konto/api-nycklar');
  expectStatus('GET /konto/api-nycklar', page.status, 200, page.body);
  const created = await client.postForm('/konto/api-nycklar', { _csrf: csrfToken(page.body), name, grant: 'admin' });
  expectStatus('POST /konto/api-nycklar', created.status, 201, created.body);
  const token = /\bsv_[A-Za-z0-9_-]+/.exec(created.body)?.[0];
  if (!token) throw new Error('The created API token is not on the page.');
  return token;
}

/** A new admin account with a password, via the CLI and the instance `client` talks to. */
export async function newAccount(databaseUrl: string, client: Client, label: string): Promise<Account> {
  const email = `drift-${label}-${randomBytes(3).toString('hex')}@example.se`;
  const account = { email, name: `Driftprov ${label}`, password: strongPassword() };
  await choosePassword(client, await addUser(databaseUrl, email, account.name), account.password);
  client.cookies.clear();
  return account;
}
