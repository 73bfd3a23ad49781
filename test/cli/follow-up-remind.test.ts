/**
 * `samverkan follow-up remind` as cron runs it: the real command line as a child process against an
 * SQLite file, sending through a real SMTP server the test starts. (The use case runs on both databases
 * in test/follow-up/reminders.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, readRepos } from '../../src/app/context.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { createDb } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { actAs, makeActivity, makePlan, makeRound } from '../support/plans.js';
import { cli } from '../support/cli.js';
import { TEST_NOW } from '../support/context.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

describe('samverkan follow-up remind', () => {
  let dir: string;
  let file: string;
  let smtp: TestSmtpServer;
  let ids: { planId: number; activityId: number; roundId: number; owner: string; lead: string };

  /** The command with SMTP_URL and MAIL_FROM set (or not) for the child process only. */
  async function remind(env: Record<string, string | undefined>, ...args: string[]) {
    const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
    Object.assign(process.env, { SMTP_URL: '', MAIL_FROM: '' }, env);
    try {
      return await cli(file, 'follow-up', 'remind', ...args);
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-remind-'));
    file = join(dir, 'samverkan.sqlite');
    smtp = await startSmtpServer();
    const storage = createDb(file);
    try {
      await migrateToLatest(storage);
      const ctx = createContext(storage, () => TEST_NOW);
      await seedDemo(ctx);
      // A year long past, whatever the machine's clock says: its deadline has passed.
      const year = 2021;
      const round = await makeRound(ctx, year, {
        name: 'Tertial 1',
        periodEnd: `${year}-04-30`,
        dueDate: `${year}-05-15`,
      });
      const owner = await actAs(ctx, 'network_member', 'planeringschefer', 'agare@kommun.test');
      const lead = await actAs(ctx, 'network_lead', 'klimatstrateger', 'ledare@kommun.test');
      const plan = await makePlan(ctx, { networkKey: 'planeringschefer', year });
      const activity = await makeActivity(ctx, plan, { title: 'Regional bostadsanalys', ownerUserId: owner.userId });
      const climatePlan = await makePlan(ctx, { networkKey: 'klimatstrateger', year });
      await makeActivity(ctx, climatePlan, { title: 'Skyfallskartering' });
      ids = { planId: plan.id, activityId: activity.id, roundId: round.id, owner: owner.email, lead: lead.email };
      expect(await readRepos(ctx).followUp.remindersFor([round.id])).toEqual([]);
    } finally {
      await storage.db.destroy();
    }
  }, 120_000);
  afterAll(async () => {
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so and fails without SMTP_URL', async () => {
    const run = await remind({}, '--year', '2021');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('E-postpåminnelser är inte inställda (SMTP_URL saknas).');
    expect(smtp.messages).toEqual([]);
  });

  it('sends one reminder per late report, prints what was sent, and not twice a day', async () => {
    const env = { SMTP_URL: smtp.url, MAIL_FROM: 'Samverkan <uppfoljning@kommun.test>' };
    const run = await remind(env, '--year', '2021', '--base-url', 'https://samverkan.kommun.test');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain(
      `Skickad: Tertial 1 2021: ”Regional bostadsanalys” (Planeringschefer, ${lines[0]!.match(/([\d\u00a0]+) dagar sen/)![1]} dagar sen) till ${ids.owner}`,
    );
    expect(
      lines.some(
        (l) =>
          l.startsWith('Skickad: Tertial 1 2021: ”Skyfallskartering” (Klimatstrateger,') &&
          l.endsWith(`till ${ids.lead}`),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toBe('2 påminnelser skickade, 0 misslyckades, 0 utan mottagare, 0 redan påminda i dag.');

    expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([[ids.owner], [ids.lead]]);
    expect(smtp.messages[0]!.subject).toBe('Påminnelse: rapport saknas för ”Regional bostadsanalys” (Tertial 1 2021)');
    expect(smtp.messages[0]!.text).toContain(
      `Rapportera här: https://samverkan.kommun.test/planer/${ids.planId}/aktiviteter/${ids.activityId}/rapport?omgang=${ids.roundId}`,
    );

    const again = await remind(env, '--year', '2021');
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(
      '0 påminnelser skickade, 0 misslyckades, 0 utan mottagare, 2 redan påminda i dag.',
    );
    expect(smtp.messages).toHaveLength(2);

    const storage = createDb(file);
    try {
      const reminders = await readRepos(createContext(storage)).followUp.remindersFor([ids.roundId]);
      expect(reminders.map((r) => r.recipient)).toEqual([ids.owner, ids.lead]);
    } finally {
      await storage.db.destroy();
    }
  });

  it('refuses an unknown network by name', async () => {
    const run = await remind({ SMTP_URL: smtp.url, MAIL_FROM: 'uppfoljning@kommun.test' }, '--network', 'okänt');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nätverket ”okänt” finns inte. Nätverken är: planeringschefer');
  });
});
