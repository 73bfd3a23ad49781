import type { Command } from 'commander';
import { createContext, readRepos, type AppContext } from '../app/context.js';
import { currentCollaboration } from '../app/collaboration.js';
import { sendReminders, type ReminderOutcome } from '../app/follow-up/reminders.js';
import { loadConfig } from '../config/env.js';
import { DomainError } from '../domain/errors.js';
import { roundTitle } from '../domain/plans/follow-up-rules.js';
import { createMailer } from '../mail/mailer.js';
import { createDb } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';
import { daysText } from '../domain/plans/follow-up-summary-sv.js';

const describe = (o: Pick<ReminderOutcome, 'item'>) =>
  `${roundTitle(o.item.round)}: ”${o.item.activity.title}” (${o.item.network.name}, ${daysText(o.item.daysLate)} sen)`;

async function networkIdOf(ctx: AppContext, key: string | undefined): Promise<number | undefined> {
  if (key === undefined) return undefined;
  const repos = readRepos(ctx);
  const networks = await repos.collaboration.networks((await currentCollaboration(repos)).id);
  const network = networks.find((n) => n.key === key);
  if (!network)
    throw new DomainError(
      'not_found',
      `Nätverket ”${key}” finns inte. Nätverken är: ${networks.map((n) => n.key).join(', ')}.`,
    );
  return network.id;
}

/** `samverkan follow-up remind`: e-mail reminders about late reports, for cron. */
export function registerFollowUpCommands(program: Command): void {
  const followUp = program.command('follow-up').description('Uppföljningen av planerna: omgångar och rapporter.');

  followUp
    .command('remind')
    .description(
      'Skickar en påminnelse per e-post om varje sen rapport (sista dagen har passerat) till aktivitetens ' +
        'ansvarige, eller till nätverkets ledare när den ansvarige saknar konto. Den som redan fått en påminnelse ' +
        'om samma rapport i dag får ingen ny, så kommandot kan köras dagligen (cron). Kräver SMTP_URL och MAIL_FROM. ' +
        'Avslutar med felkod om något e-brev inte kunde skickas.',
    )
    .option('--network <key>', 'bara det här nätverkets sena rapporter (till exempel planeringschefer)')
    .option('--year <year>', 'bara omgångarna för det här planåret')
    .option('--base-url <url>', 'tjänstens adress (https://…), för en fullständig länk till rapportformuläret')
    .action(async (options: { network?: string; year?: string; baseUrl?: string }) => {
      const config = loadConfig();
      const mailer = createMailer(config);
      if (!mailer) {
        console.error('E-postpåminnelser är inte inställda (SMTP_URL saknas). Ange SMTP_URL och MAIL_FROM.');
        process.exitCode = 1;
        return;
      }
      if (options.year !== undefined && !/^\d{4}$/.test(options.year)) {
        console.error('--year anges med fyra siffror, till exempel 2026.');
        process.exitCode = 1;
        mailer.close();
        return;
      }
      const storage = createDb(config.DATABASE_URL);
      try {
        await migrateToLatest(storage);
        const ctx = createContext(storage);
        const networkId = await networkIdOf(ctx, options.network);
        const result = await sendReminders(ctx, mailer, {
          ...(networkId === undefined ? {} : { networkId }),
          ...(options.year === undefined ? {} : { year: Number(options.year) }),
          ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
        });
        for (const o of result.sent) console.log(`Skickad: ${describe(o)} till ${o.recipients.join(', ')}`);
        for (const o of result.failed)
          console.error(`Kunde inte skickas: ${describe(o)} till ${o.recipients.join(', ')}: ${o.error}`);
        for (const item of result.noRecipient)
          console.error(
            `Ingen mottagare: ${describe({ item })}: den ansvarige saknar konto och nätverket saknar ledare.`,
          );
        const total =
          result.sent.length + result.failed.length + result.noRecipient.length + result.remindedToday.length;
        console.log(
          total === 0
            ? 'Inga rapporter är sena; inga påminnelser skickades.'
            : `${result.sent.length} påminnelser skickade, ${result.failed.length} misslyckades, ` +
                `${result.noRecipient.length} utan mottagare, ${result.remindedToday.length} redan påminda i dag.`,
        );
        if (result.failed.length > 0) process.exitCode = 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        console.error([error.message, ...error.problems.map((p) => `  ${p.message}`)].join('\n'));
        process.exitCode = 1;
      } finally {
        mailer.close();
        await storage.db.destroy();
      }
    });
}
