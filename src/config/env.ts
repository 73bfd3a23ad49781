import { z } from 'zod';

/**
 * The one place configuration is read. Every variable has a default so `npm start`
 * needs none; a bad value stops the boot with a message naming the variable.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** `postgres://…` selects PostgreSQL; anything else is an SQLite file path (or `sqlite:` URL). */
  DATABASE_URL: z.string().min(1).default('./data/samverkan.sqlite'),
  /** Seed the shipped real demo (Södertörn) into an empty database at start. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
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
