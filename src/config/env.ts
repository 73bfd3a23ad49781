import { existsSync } from 'node:fs';
import { z } from 'zod';
import { KOLADA_BASE_URL } from '../imports/kolada/kolada-client.js';
import { cronProblem } from '../jobs/schedule.js';
import { checkOidcVariables, oidcVariables } from './oidc.js';
import { openDataVariables } from './open-data.js';

/** Where Chromium is looked for when CHROMIUM_PATH is not set: Debian's package, Ubuntu's, Google's. */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

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
    /**
     * Outgoing e-mail for the follow-up's reminders (optional): `smtp://host:port` or
     * `smtps://user:password@host:465`. Without it no reminders are sent and the pages say so.
     */
    SMTP_URL: z
      .string()
      .trim()
      .regex(/^smtps?:\/\/[^/\s]+/i, {
        error: 'ska börja med smtp:// eller smtps://, till exempel smtp://localhost:25',
      })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** The sender of those e-mails, e.g. `Samverkan <uppfoljning@kommun.se>`; required with SMTP_URL. */
    MAIL_FROM: z
      .string()
      .trim()
      .min(3)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /**
     * Chromium, which prints documents to PDF (optional): default the first of CHROMIUM_CANDIDATES that
     * exists, else none, and documents are then offered as HTML and Word only.
     */
    CHROMIUM_PATH: z
      .string()
      .trim()
      .refine((path) => path === '' || existsSync(path), {
        error: 'finns inte: ange sökvägen till Chromium, till exempel /usr/bin/chromium, eller lämna den tom',
      })
      .optional()
      .transform((path) => path || (CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null)),
    /**
     * The bearer token `/metrics` requires (optional): at least 32 characters without spaces, e.g. from
     * `openssl rand -hex 32`. Without it `/metrics` answers 404 and no request metrics are kept.
     */
    METRICS_TOKEN: z
      .string()
      .trim()
      .min(32, { error: 'ska vara minst 32 tecken, till exempel från openssl rand -hex 32, eller tom' })
      .regex(/^\S+$/, { error: 'får inte innehålla mellanslag' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /**
     * On SIGTERM or SIGINT: seconds requests already under way may take to finish before their connections
     * are closed and the process exits.
     */
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
    /**
     * `on`: this instance runs the scheduled jobs (Kolada's sync, reminders, clearing what has expired). On
     * PostgreSQL each run happens once however many instances have it on; `off` runs none here.
     */
    JOBS: z.enum(['on', 'off']).default('on'),
    /** When Kolada's values are fetched: a cron expression in Swedish time (default 03:15 nightly), or `off`. */
    KOLADA_SYNC_SCHEDULE: z
      .string()
      .trim()
      .default('15 3 * * *')
      .superRefine((value, ctx) => {
        const problem = value === 'off' ? null : cronProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    /** Kolada's API, which the nightly sync asks. */
    KOLADA_BASE_URL: z.url({ protocol: /^https?$/, error: 'ska vara en http(s)-adress' }).default(KOLADA_BASE_URL),
    /** OpenID Connect sign-in (optional; all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET or none): see oidc.ts. */
    ...oidcVariables,
    ...openDataVariables,
  })
  .superRefine(checkOidcVariables)
  .superRefine((env, ctx) => {
    if (env.SMTP_URL && !env.MAIL_FROM)
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'behövs när SMTP_URL är satt: avsändaradressen, till exempel Samverkan <uppfoljning@kommun.se>',
      });
  });

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ogiltig konfiguration i miljövariablerna:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
