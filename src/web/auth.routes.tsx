import { isIP } from 'node:net';
import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { endSession, type SignedIn } from '../app/auth/sessions.js';
import { signInWithLink, signInWithPassword } from '../app/auth/sign-in.js';
import { setPassword } from '../app/auth/users.js';
import { getCollaboration } from '../app/collaboration.js';
import type { AppContext } from '../app/context.js';
import { allows } from '../domain/auth/policies.js';
import { ROLE_LABELS } from '../domain/auth/roles.js';
import { unauthenticated } from '../domain/errors.js';
import { statusOf } from '../http/error-mapping.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../http/session.js';
import { AccountPage, SignInPage } from './pages/sign-in.page.js';
import { attempt, formValues, html } from './render.js';

/** Only same-site paths: a sign-in never redirects to another site. */
export const safeReturn = (path: string | undefined) => (path && /^\/(?!\/)[^\s\\]*$/.test(path) ? path : '/');

/**
 * The client's address, for throttling and the sign-in log. Behind our proxy (TRUST_PROXY=true) the
 * address it appended last to X-Forwarded-For (earlier entries are the client's own claims);
 * otherwise the connection's, whatever the headers say.
 */
export function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  const forwarded = c.var.trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
  if (forwarded && isIP(forwarded)) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'okänd';
  } catch {
    return 'okänd';
  }
}

/** Sign-in, sign-out, one-time links and the account page; `oidc` adds the organisation's sign-in button. */
export function authRoutes(ctx: AppContext, oidc?: { displayName: string }): Hono {
  const web = new Hono();

  web.get('/logga-in', (c) =>
    html(
      c,
      <SignInPage
        values={{ till: c.req.query('till') }}
        problems={[]}
        signedOut={c.req.query('utloggad') === '1'}
        oidc={oidc}
      />,
    ),
  );

  web.post('/logga-in', async (c) => {
    const values = await formValues(c);
    const result = await attempt(() => signInWithPassword(ctx, values, clientAddress(c)));
    if (!result.ok) {
      return html(
        c,
        <SignInPage values={{ email: values.email, till: values.till }} problems={result.problems} oidc={oidc} />,
        statusOf[result.error.code],
      );
    }
    setSessionCookie(c, result.value);
    return c.redirect(safeReturn(values.till), 303);
  });

  web.get('/logga-in/lank/:token', async (c) => {
    const result = await attempt(() => signInWithLink(ctx, c.req.param('token')));
    if (!result.ok) return html(c, <SignInPage values={{}} problems={result.problems} />, 401);
    setSessionCookie(c, result.value);
    return c.redirect('/konto', 303);
  });

  web.post('/logga-ut', async (c) => {
    await endSession(ctx, sessionToken(c));
    clearSessionCookie(c);
    return c.redirect('/logga-in?utloggad=1', 303);
  });

  web.get('/konto', async (c) => {
    const signedIn = c.var.signedIn;
    if (!signedIn) throw unauthenticated();
    return html(c, await accountPage(ctx, signedIn.user, [], c.req.query('sparat') === '1'));
  });

  web.post('/konto/losenord', async (c) => {
    const signedIn = c.var.signedIn;
    if (!signedIn) throw unauthenticated();
    const values = await formValues(c);
    const result = await attempt(() => setPassword(ctx, signedIn.user.email, values.password ?? ''));
    if (!result.ok) return html(c, await accountPage(ctx, signedIn.user, result.problems), statusOf[result.error.code]);
    clearSessionCookie(c);
    return c.redirect('/logga-in?utloggad=1', 303);
  });

  return web;
}

async function accountPage(
  ctx: AppContext,
  user: SignedIn['user'],
  problems: { field: string; message: string }[],
  saved = false,
) {
  const { members, networks } = await getCollaboration(ctx);
  const roles = user.grants.map((g) => {
    const scope = members.find((m) => m.id === g.memberId)?.name ?? networks.find((n) => n.id === g.networkId)?.name;
    return scope ? `${ROLE_LABELS[g.role]} (${scope})` : ROLE_LABELS[g.role];
  });
  return (
    <AccountPage
      name={user.name}
      email={user.email}
      roles={roles}
      problems={problems}
      saved={saved}
      mayManageJobs={allows(ctx.principal, 'manage_jobs')}
    />
  );
}
