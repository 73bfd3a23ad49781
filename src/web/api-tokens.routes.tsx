import { Hono, type Context } from 'hono';
import { createApiToken, grantKey, listApiTokens, revokeApiToken } from '../app/auth/api-tokens.js';
import { getCollaboration } from '../app/collaboration.js';
import type { AppContext } from '../app/context.js';
import { ROLE_LABELS, type RoleGrant } from '../domain/auth/roles.js';
import { notFound, unauthenticated, type FieldProblem } from '../domain/errors.js';
import { statusOf } from '../http/error-mapping.js';
import { requirePolicy } from '../http/require-policy.js';
import { ApiTokenCreatedPage, ApiTokensPage } from './pages/api-tokens.page.js';
import { attempt, formValues, html } from './render.js';

const BASE = '/konto/api-nycklar';

/** The account's API tokens: list, create (the token shown once, in the answer), revoke. Policy: signed_in. */
export function apiTokenRoutes(ctx: AppContext): Hono {
  const web = new Hono();

  for (const path of [BASE, `${BASE}/*`]) {
    web.use(path, requirePolicy(ctx, 'signed_in'));
    // A page that shows a token must not be kept by the browser or a proxy; the list is private too.
    web.use(path, async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    });
  }

  const roleLabel = async () => {
    const { members, networks } = await getCollaboration(ctx);
    return (g: RoleGrant) => {
      const scope =
        (g.memberId != null ? members.find((m) => m.id === g.memberId)?.name : undefined) ??
        (g.networkId != null ? networks.find((n) => n.id === g.networkId)?.name : undefined);
      return scope ? `${ROLE_LABELS[g.role]} (${scope})` : ROLE_LABELS[g.role];
    };
  };

  const page = async (
    c: Context,
    form: { values?: { name?: string; grant?: string }; problems?: FieldProblem[] } = {},
  ) => {
    const signedIn = c.var.signedIn;
    if (!signedIn) throw unauthenticated();
    const [tokens, label] = await Promise.all([listApiTokens(ctx), roleLabel()]);
    return {
      tokens,
      label,
      props: {
        tokens: tokens.map((t) => ({
          id: t.id,
          name: t.name,
          role: label(t.grant),
          createdAt: t.createdAt,
          lastUsedAt: t.lastUsedAt,
          revokedAt: t.revokedAt,
        })),
        grants: signedIn.user.grants.map((g) => ({ value: grantKey(g), label: label(g) })),
        ...form,
      },
    };
  };

  web.get(BASE, async (c) => {
    const { tokens, props } = await page(c);
    const revokedId = Number(c.req.query('aterkallad'));
    const revoked = tokens.find((t) => t.id === revokedId && t.revokedAt !== null)?.name;
    return html(c, <ApiTokensPage {...props} revoked={revoked} />);
  });

  web.post(BASE, async (c) => {
    const values = await formValues(c);
    const input = { name: values.name ?? '', grant: values.grant ?? '' };
    const result = await attempt(() => createApiToken(ctx, input));
    if (!result.ok) {
      const { props } = await page(c, { values: input, problems: result.problems });
      return html(c, <ApiTokensPage {...props} />, statusOf[result.error.code]);
    }
    // Shown in this answer and nowhere else: no redirect, so the token is in no URL, session or log.
    const created = (await listApiTokens(ctx)).find((t) => t.id === result.value.id)!;
    const label = await roleLabel();
    return html(
      c,
      <ApiTokenCreatedPage name={created.name} role={label(created.grant)} token={result.value.token} />,
      201,
    );
  });

  web.post(`${BASE}/:id/aterkalla`, async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,9}$/.test(id)) throw notFound('API-nyckeln');
    await revokeApiToken(ctx, Number(id));
    return c.redirect(`${BASE}?aterkallad=${id}`, 303);
  });

  return web;
}
