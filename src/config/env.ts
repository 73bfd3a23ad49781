import { z } from 'zod';
import { checkOidcVariables, oidcVariables } from './oidc.js';

/**
 * The one place configuration is read. Every variable has a default so `npm start`
 * needs none; a bad value stops the boot with a message naming the variable.
 */
const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** `postgres://…` selects PostgreSQL; anything else is an SQLite file path (or `sqlite:` URL). */
    DATABASE_URL: z.string().min(1).default('./data/samverkan.sqlite'),
    /** Seed the shipped real demo (Södertörn) into an empty database at start. */
    SEED_DEMO: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** Least level written to the log (JSON lines on standard output); `silent` writes none. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * `true` only when exactly one reverse proxy of ours stands in front, sets X-Forwarded-Proto and
     * appends the client's address to X-Forwarded-For: then HTTPS (HSTS, the __Host- cookie) and the
     * throttling address are taken from those headers. Otherwise they are ignored, as anyone can send them.
     */
    TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** OpenID Connect sign-in (optional; all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET or none): see oidc.ts. */
    ...oidcVariables,
  })
  .superRefine(checkOidcVariables);

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ogiltig konfiguration i miljövariablerna:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
