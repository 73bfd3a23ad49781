/**
 * A real OpenID Connect provider for tests: panva's oidc-provider (the certified implementation),
 * in this process, on 127.0.0.1 at a free port. One confidential client (client_secret_post, PKCE
 * required), RS256 ID tokens signed with a key made at start, and a login page of our own that the
 * tests fill in with a form post, as a person would; consent is given by the organisation in
 * advance, as in Entra ID. The people it knows are a mutable map, so a test can change a claim.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestPerson {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** By subject; change an entry to change what the provider says about that person next time. */
  people: Map<string, TestPerson>;
  close: () => Promise<void>;
}

export interface TestProviderOptions {
  redirectUri: string;
  /**
   * `true` (default): the e-mail claims are in the ID token, as Entra ID sends them. `false`: only at
   * the userinfo endpoint, as a provider that keeps to the letter of OpenID Connect Core does.
   */
  emailInIdToken?: boolean;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const loginPage = (uid: string, problem?: string) => `<!doctype html>
<html lang="sv"><head><title>Testleverantören</title></head><body>
<h1>Logga in hos testleverantören</h1>
${problem ? `<p>${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Användare</label><input id="login" name="login">
<button type="submit">Logga in</button>
<button type="submit" name="abort" value="1">Avbryt</button>
</form></body></html>`;

export async function startOidcProvider({
  redirectUri,
  emailInIdToken = true,
}: TestProviderOptions): Promise<TestProvider> {
  const people = new Map<string, TestPerson>();
  const clientId = 'samverkan-test';
  const clientSecret = randomBytes(24).toString('base64url');

  // The issuer must be known before the provider exists, so listen first and route afterwards.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'test-1' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: !emailInIdToken,
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const person = people.get(sub);
      if (!person) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...people.get(sub) }) };
    },
  });

  async function interaction(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const uid = details.uid;
    if (req.method === 'GET' && details.prompt.name === 'login') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(loginPage(uid));
      return;
    }
    if (req.method === 'GET' && details.prompt.name === 'consent') {
      const accountId = details.session?.accountId;
      if (!accountId) throw new Error('Samtycke utan inloggning');
      const grant = new provider.Grant({ accountId, clientId });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    if (req.method === 'POST' && path.endsWith('/login')) {
      const form = await formBody(req);
      if (form.get('abort')) {
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'End-User aborted interaction' },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const login = form.get('login') ?? '';
      if (!people.has(login)) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(loginPage(uid, 'Okänd användare.'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(405).end();
  }

  const callback = provider.callback();
  handle = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (!path.startsWith('/interaction/')) {
      callback(req, res);
      return;
    }
    interaction(req, res, path).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(error instanceof Error ? error.message : String(error));
    });
  };

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Goes through the provider as a browser would, from the authorization URL the app redirected to
 * until the provider redirects back to `redirectUri`: follows its redirects, keeps its cookies,
 * and on its login page posts `login` (or presses "Avbryt" when `abort`). Returns the URL the
 * provider sent the browser back to.
 */
export async function throughProvider(
  authorizationUrl: string,
  redirectUri: string,
  action: { login: string } | { abort: true },
): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(`${redirectUri}?`)) return new URL(url);
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form } : {}),
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, at).trim(), pair!.slice(at + 1).trim()];
      if (value && !/expires=Thu, 01 Jan 1970/i.test(header)) jar.set(name, value);
      else jar.delete(name);
    }
    const body = await res.text();
    form = undefined;
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      continue;
    }
    const loginForm = res.status === 200 ? /<form method="post" action="([^"]+)"/.exec(body) : null;
    if (loginForm) {
      url = new URL(loginForm[1]!, url).href;
      form = new URLSearchParams('abort' in action ? { abort: '1' } : { login: action.login });
      continue;
    }
    throw new Error(`Testleverantören svarade ${res.status} på ${url}: ${body.slice(0, 500)}`);
  }
  throw new Error('För många steg hos testleverantören.');
}
