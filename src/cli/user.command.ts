import type { Command } from 'commander';
import { addUser, createSignInLink, disableUser, listUsers } from '../app/auth/users.js';
import { exportPersonalData } from '../app/auth/personal-data.js';
import { getCollaboration } from '../app/collaboration.js';
import { createContext } from '../app/context.js';
import { ROLE_LABELS, ROLES } from '../domain/auth/roles.js';
import { DomainError } from '../domain/errors.js';
import { loadConfig } from '../config/env.js';
import { createDb } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';

/** Runs `work` against the configured database as the system, printing domain errors in Swedish. */
async function withContext(work: (ctx: ReturnType<typeof createContext>) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const storage = createDb(config.DATABASE_URL);
  try {
    await migrateToLatest(storage);
    await work(createContext(storage));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error([error.message, ...error.problems.map((p) => `  ${p.field}: ${p.message}`)].join('\n'));
    process.exitCode = 1;
  } finally {
    await storage.db.destroy();
  }
}

const linkText = (token: string) =>
  `Engångslänk för inloggning (giltig i 24 timmar; lösenordet väljs sedan under "Mitt konto"):\n  ${
    process.env.PUBLIC_URL ?? `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '3000'}`
  }/logga-in/lank/${token}`;

/** `samverkan user add|list|disable|reset-password`. Passwords are never given on the command line. */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Hanterar konton och roller.');

  user
    .command('add')
    .description('Lägger till ett konto med en roll och skriver ut en engångslänk för inloggning.')
    .requiredOption('--email <adress>', 'e-postadress')
    .requiredOption('--name <namn>', 'namn')
    .requiredOption('--role <roll>', `roll: ${ROLES.join(', ')}`)
    .option('--member <kommunkod>', 'medlemskommunens kod, för member_officer')
    .option('--network <nyckel>', 'nätverkets nyckel, för network_lead och network_member')
    .action((options: { email: string; name: string; role: string; member?: string; network?: string }) =>
      withContext(async (ctx) => {
        await addUser(ctx, options);
        console.log(`Kontot ${options.email} är skapat.`);
        console.log(linkText(await createSignInLink(ctx, options.email)));
      }),
    );

  user
    .command('list')
    .description('Listar konton, status och roller.')
    .action(() =>
      withContext(async (ctx) => {
        const [users, { members, networks }] = await Promise.all([listUsers(ctx), getCollaboration(ctx)]);
        for (const u of users) {
          const roles = u.grants.map((g) => {
            const scope =
              members.find((m) => m.id === g.memberId)?.code ?? networks.find((n) => n.id === g.networkId)?.key;
            return scope ? `${g.role}:${scope}` : g.role;
          });
          console.log(`${u.email}\t${u.name}\t${u.status === 'active' ? 'aktivt' : 'avstängt'}\t${roles.join(', ')}`);
        }
        console.log(`${users.length} konton. Roller: ${ROLES.map((r) => `${r} = ${ROLE_LABELS[r]}`).join('; ')}.`);
      }),
    );

  user
    .command('disable')
    .description('Stänger av ett konto och avslutar dess sessioner. Kontot och dess historik finns kvar.')
    .argument('<email>')
    .action((email: string) =>
      withContext(async (ctx) => {
        await disableUser(ctx, email);
        console.log(`Kontot ${email} är avstängt.`);
      }),
    );

  user
    .command('export')
    .description('Skriver ut allt tjänsten har om en person som JSON (registerutdrag enligt GDPR art. 15).')
    .argument('<email>')
    .action((email: string) =>
      withContext(async (ctx) => {
        console.log(JSON.stringify(await exportPersonalData(ctx, email), null, 2));
      }),
    );

  user
    .command('reset-password')
    .description('Skriver ut en engångslänk med vilken personen loggar in och väljer ett nytt lösenord.')
    .argument('<email>')
    .action((email: string) =>
      withContext(async (ctx) => {
        console.log(linkText(await createSignInLink(ctx, email)));
      }),
    );
}
