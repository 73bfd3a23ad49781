/**
 * Reminders about late reports, sent through nodemailer to a real SMTP server started by the test
 * (smtp-server on a free port): recipients, subject and Swedish body as received, what is recorded,
 * and what happens when the server refuses a recipient.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { readRepos } from '../../src/app/context.js';
import { lateReports } from '../../src/app/follow-up/late-reports.js';
import { sendReminders } from '../../src/app/follow-up/reminders.js';
import { loadConfig } from '../../src/config/env.js';
import { DomainError } from '../../src/domain/errors.js';
import { createMailer, type Mailer } from '../../src/mail/mailer.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { actAs, eventsOf, makeActivity, makePlan, makeRound, networkByKey } from '../support/plans.js';

const at = (ctx: AppContext, iso: string): AppContext => ({ ...ctx, now: () => new Date(iso) });
const FROM = 'Samverkan <uppfoljning@samverkan.test>';

describe('the mailer’s configuration', () => {
  it('is absent without SMTP_URL, and needs MAIL_FROM with it', () => {
    expect(createMailer({})).toBeUndefined();
    expect(createMailer({ SMTP_URL: '' })).toBeUndefined();
    expect(() => createMailer({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(/MAIL_FROM behövs/);
    expect(() => createMailer({ SMTP_URL: 'http://x', MAIL_FROM: FROM })).toThrow(/smtp:\/\/ eller smtps:\/\//);
    const mailer = createMailer({ SMTP_URL: 'smtps://user:secret@mail.example.test:465', MAIL_FROM: FROM });
    expect(mailer?.from).toBe(FROM);
    mailer?.close();
  });

  it('is checked when the configuration is read', () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://localhost:25', MAIL_FROM: FROM })).toMatchObject({
      SMTP_URL: 'smtp://localhost:25',
      MAIL_FROM: FROM,
    });
    expect(() => loadConfig({ SMTP_URL: 'smtp://localhost:25' })).toThrow(/MAIL_FROM: behövs när SMTP_URL är satt/);
    expect(() => loadConfig({ SMTP_URL: 'localhost:25', MAIL_FROM: FROM })).toThrow(
      /SMTP_URL: ska börja med smtp:\/\//,
    );
  });
});

describe.each(testDialects)('reminders by e-mail on %s', (dialect) => {
  let t: TestContext;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  beforeAll(async () => {
    t = await openTestContext(dialect);
    smtp = await startSmtpServer({ reject: ['sparrad@test.invalid'] });
    mailer = createMailer({ SMTP_URL: smtp.url, MAIL_FROM: FROM })!;
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await t?.close();
  });
  afterEach(() => {
    smtp.messages.length = 0;
  });

  it('writes to the owner’s account, or to the network’s leads, in Swedish, and records it', async () => {
    const year = 2070;
    const now = at(t.ctx, `${year}-05-20T08:00:00Z`);
    const round = await makeRound(t.ctx, year, {
      name: 'Tertial 1',
      periodEnd: `${year}-04-30`,
      dueDate: `${year}-05-15`,
    });
    const owner = await actAs(t.ctx, 'network_member', 'planeringschefer', `agare-${dialect}@test.invalid`);
    const lead1 = await actAs(t.ctx, 'network_lead', 'planeringschefer', `ledare-a-${dialect}@test.invalid`);
    const lead2 = await actAs(t.ctx, 'network_lead', 'planeringschefer', `ledare-b-${dialect}@test.invalid`);
    const plan = await makePlan(t.ctx, { networkKey: 'planeringschefer', year, isExample: true });
    const owned = await makeActivity(t.ctx, plan, {
      title: 'Gemensam bostadsförsörjningsanalys',
      ownerName: 'Anna Ägare',
      ownerUserId: owner.userId,
    });
    const unowned = await makeActivity(t.ctx, plan, {
      title: 'Stationsnära planering',
      ownerName: 'Planeringschef, Botkyrka',
    });

    const result = await sendReminders(now, mailer, { year, baseUrl: 'https://samverkan.example.se/' });
    expect(result.sent.map((o) => [o.item.activity.title, o.to, o.recipients])).toEqual([
      ['Gemensam bostadsförsörjningsanalys', 'owner', [owner.email]],
      ['Stationsnära planering', 'leads', [lead1.email, lead2.email].sort()],
    ]);
    expect(result.failed).toEqual([]);

    expect(smtp.messages).toHaveLength(2);
    const [toOwner, toLeads] = smtp.messages;
    expect(toOwner!.envelopeTo).toEqual([owner.email]);
    expect(toOwner!.envelopeFrom).toBe('uppfoljning@samverkan.test');
    expect(toOwner!.subject).toBe(
      '[Exempel] Påminnelse: rapport saknas för ”Gemensam bostadsförsörjningsanalys” (Tertial 1 2070)',
    );
    expect(toOwner!.text).toContain('Hej!');
    expect(toOwner!.text).toContain(
      `Du står som ansvarig för aktiviteten ”Gemensam bostadsförsörjningsanalys” i ${plan.title} (Planeringschefer).`,
    );
    expect(toOwner!.text).toContain(
      'Rapporten för Tertial 1 2070 saknas. Sista dag var 2070-05-15 – det är 5 dagar sedan.',
    );
    expect(toOwner!.text).toContain(
      `Rapportera här: https://samverkan.example.se/planer/${plan.id}/aktiviteter/${owned.id}/rapport?omgang=${round.id}`,
    );
    expect(toOwner!.text).toContain('Exempel: planen är påhittad för att visa tjänsten');
    expect(toLeads!.envelopeTo.sort()).toEqual([lead1.email, lead2.email].sort());
    expect(toLeads!.text).toContain('Hej nätverksledare!');
    expect(toLeads!.text).toContain('har ingen ansvarig med konto i tjänsten (ansvarig: Planeringschef, Botkyrka)');

    const reminders = await readRepos(t.ctx).followUp.remindersFor([round.id]);
    expect(reminders.map((r) => [r.activityId, r.recipient, r.sentAt])).toEqual([
      [owned.id, owner.email, `${year}-05-20T08:00:00.000Z`],
      [unowned.id, [lead1.email, lead2.email].sort()[0], `${year}-05-20T08:00:00.000Z`],
      [unowned.id, [lead1.email, lead2.email].sort()[1], `${year}-05-20T08:00:00.000Z`],
    ]);
    const event = (await eventsOf(t.ctx, 'reminders.sent')).at(-1)!;
    expect(event).toMatchObject({ entity_type: 'follow_up_round', entity_id: String(round.id) });
    expect(event.summary).toBe('Skickade påminnelser om 2 saknade rapporter för Tertial 1 2070 till 3 mottagare.');
    expect(JSON.parse(event.after_json!)).toEqual({
      activities: ['Gemensam bostadsförsörjningsanalys', 'Stationsnära planering'],
      recipients: 3,
    });
    expect(event.after_json).not.toContain('@');
    expect((await lateReports(now, { year })).items.map((i) => i.lastReminderAt)).toEqual([
      `${year}-05-20T08:00:00.000Z`,
      `${year}-05-20T08:00:00.000Z`,
    ]);

    // Not twice the same day; again the next.
    const again = await sendReminders(at(t.ctx, `${year}-05-20T20:00:00Z`), mailer, { year });
    expect(again.sent).toEqual([]);
    expect(again.remindedToday).toHaveLength(2);
    expect(smtp.messages).toHaveLength(2);
    const nextDay = await sendReminders(at(t.ctx, `${year}-05-21T07:00:00Z`), mailer, { year });
    expect(nextDay.sent).toHaveLength(2);
    expect(smtp.messages).toHaveLength(4);
    expect(smtp.messages[2]!.text).toContain(`Rapportera här: /planer/${plan.id}/aktiviteter/${owned.id}/rapport`);
  });

  it('reports a mail the server refuses, records only what was sent, and tries it again next time', async () => {
    const year = 2071;
    const now = at(t.ctx, `${year}-06-01T08:00:00Z`);
    const round = await makeRound(t.ctx, year, {
      name: 'Tertial 1',
      periodEnd: `${year}-04-30`,
      dueDate: `${year}-05-15`,
    });
    const blocked = await actAs(t.ctx, 'network_member', 'klimatstrateger', 'sparrad@test.invalid');
    const fine = await actAs(t.ctx, 'network_member', 'klimatstrateger', `fungerar-${dialect}@test.invalid`);
    const plan = await makePlan(t.ctx, { networkKey: 'klimatstrateger', year });
    const refused = await makeActivity(t.ctx, plan, { title: 'Spärrad', ownerUserId: blocked.userId });
    const accepted = await makeActivity(t.ctx, plan, { title: 'Fungerar', ownerUserId: fine.userId });

    const result = await sendReminders(now, mailer, { year });
    expect(result.sent.map((o) => o.item.activity.id)).toEqual([accepted.id]);
    expect(result.failed.map((f) => [f.item.activity.id, f.recipients])).toEqual([
      [refused.id, ['sparrad@test.invalid']],
    ]);
    expect(result.failed[0]!.error).toMatch(/^E-postservern tog inte emot meddelandet \(.*550/);
    expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([[fine.email]]);
    const reminders = await readRepos(t.ctx).followUp.remindersFor([round.id]);
    expect(reminders.map((r) => r.activityId)).toEqual([accepted.id]);
    expect(JSON.parse((await eventsOf(t.ctx, 'reminders.sent')).at(-1)!.after_json!)).toEqual({
      activities: ['Fungerar'],
      recipients: 1,
    });
    const late = await lateReports(now, { year });
    expect(late.items.find((i) => i.activity.id === refused.id)!.lastReminderAt).toBeNull();
    // The refused one is tried again the same day; the one sent is not.
    const retry = await sendReminders(at(t.ctx, `${year}-06-01T09:00:00Z`), mailer, { year });
    expect(retry.failed.map((f) => f.item.activity.id)).toEqual([refused.id]);
    expect(retry.remindedToday.map((i) => i.activity.id)).toEqual([accepted.id]);
  });

  it('has nobody to write to without an owner account or a lead, and sends nothing then', async () => {
    const year = 2072;
    await makeRound(t.ctx, year, { name: 'Tertial 1', periodEnd: `${year}-04-30`, dueDate: `${year}-05-15` });
    const plan = await makePlan(t.ctx, { networkKey: 'etablering-sodertorn', year });
    await makeActivity(t.ctx, plan, { title: 'Utan mottagare' });
    const before = (await eventsOf(t.ctx, 'reminders.sent')).length;
    const result = await sendReminders(at(t.ctx, `${year}-06-01T08:00:00Z`), mailer, { year });
    expect(result.sent).toEqual([]);
    expect(result.noRecipient.map((i) => i.activity.title)).toEqual(['Utan mottagare']);
    expect(smtp.messages).toEqual([]);
    expect(await eventsOf(t.ctx, 'reminders.sent')).toHaveLength(before);
  });

  it('lets a lead remind their own network only; a member may not, and nothing is sent', async () => {
    const year = 2073;
    const now = `${year}-06-01T08:00:00Z`;
    await makeRound(t.ctx, year, { name: 'Tertial 1', periodEnd: `${year}-04-30`, dueDate: `${year}-05-15` });
    const yh = await networkByKey(t.ctx, 'yh-natverket');
    const lead = await actAs(at(t.ctx, now), 'network_lead', 'naringslivschefer', `nlead-${dialect}@test.invalid`);
    await actAs(t.ctx, 'network_lead', 'yh-natverket', `yhlead-${dialect}@test.invalid`);
    await makeActivity(t.ctx, await makePlan(t.ctx, { networkKey: 'naringslivschefer', year }), {
      title: 'Näringsliv',
    });
    await makeActivity(t.ctx, await makePlan(t.ctx, { networkKey: 'yh-natverket', year }), { title: 'YH' });

    const member = await actAs(at(t.ctx, now), 'network_member', 'naringslivschefer');
    const refused = await sendReminders(member.ctx, mailer, { year }).catch((e: unknown) => e);
    expect((refused as DomainError).code).toBe('forbidden');
    const foreign = await sendReminders(lead.ctx, mailer, { year, networkId: yh.id }).catch((e: unknown) => e);
    expect((foreign as DomainError).code).toBe('forbidden');
    expect(smtp.messages).toEqual([]);

    const result = await sendReminders(lead.ctx, mailer, { year });
    expect(result.sent.map((o) => [o.item.activity.title, o.recipients])).toEqual([['Näringsliv', [lead.email]]]);
    expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([[lead.email]]);
    const event = (await eventsOf(t.ctx, 'reminders.sent')).at(-1)!;
    expect(event.actor_user_id).toBe(lead.userId);
  });
});
