/**
 * Consultations on proposed versions, on both databases, through the use cases: opening one (the
 * secretariat only, never on a draft), comments stored unconfirmed and confirmed by a link mailed through
 * a real SMTP server, personnummer refused, the flood limits counted in the database, reports that hide a
 * comment by themselves, moderators hiding and restoring with a mail to the author, themes and answers
 * (draft, then published), and the samrådsredogörelse with the next version's changes and its CSV.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, readRepos, type AppContext } from '../../src/app/context.js';
import { getAnswering, groupInTheme, saveAnswer } from '../../src/app/consultation/answers.js';
import { confirmComment, getConfirmation, submitComment } from '../../src/app/consultation/comments.js';
import { getConsultationCsvTable, getConsultationReport } from '../../src/app/consultation/consultation-report.js';
import { FLOOD_LIMITS } from '../../src/app/consultation/flood-limits.js';
import { getConsultationPage, getPartPage } from '../../src/app/consultation/get-consultation.js';
import { getModeration, hideComment, reportComment, restoreComment } from '../../src/app/consultation/moderation.js';
import { openConsultation, updateConsultation } from '../../src/app/consultation/open-consultation.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { ANONYMOUS } from '../../src/domain/auth/actor.js';
import { PUBLIC_PRINCIPAL } from '../../src/domain/auth/policies.js';
import { partKey } from '../../src/domain/consultation/consultation.js';
import { contentText, type Block, type DocumentModel } from '../../src/documents/document-model.js';
import type { Mailer } from '../../src/mail/mailer.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { openTestContext, type TestContext } from '../support/context.js';
import {
  confirmationLink,
  consultationOn,
  firstGoal,
  mailerFor,
  nextVersion,
  type ConsultationFixture,
} from '../support/consultation.js';
import { testDialects } from '../support/databases.js';
import { eventsOf, rejection } from '../support/plans.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

const OPEN = { startDate: '2026-11-20', endDate: '2026-12-10' };
const BASE_URL = 'https://samverkan.example.se';
const at = (ctx: AppContext, iso: string): AppContext => ({ ...ctx, now: () => new Date(iso) });
const asPublic = (ctx: AppContext) => actingAs(ctx, ANONYMOUS, PUBLIC_PRINCIPAL);
const asRole = (ctx: AppContext, role: 'member_officer' | 'reader' | 'admin', memberId: number | null = null) =>
  actingAs(
    ctx,
    { kind: 'user', userId: 1, name: `Test ${role}` },
    { signedIn: true, grants: [{ role, memberId, networkId: null }] },
  );

const textOf = (block: Block): string => {
  switch (block.kind) {
    case 'paragraph':
      return contentText(block.content);
    case 'list':
      return block.items.map(contentText).join('\n');
    case 'heading':
      return block.text;
    case 'table':
      return block.rows.map((r) => r.join(' | ')).join('\n');
    case 'notice':
      return block.text;
    default:
      return '';
  }
};
const allText = (doc: DocumentModel) => doc.blocks.map(textOf).join('\n');

let addressCounter = 0;
const origin = () => ({ address: `192.0.2.${++addressCounter % 250}`, baseUrl: BASE_URL });

describe.each(testDialects)('consultations on %s', (dialect) => {
  let t: TestContext;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let ctx: AppContext;
  let f: ConsultationFixture;
  let goalKey: string;

  beforeAll(async () => {
    t = await openTestContext(dialect);
    smtp = await startSmtpServer({ reject: ['finns-inte@test.invalid'] });
    mailer = mailerFor(smtp);
    ctx = { ...t.ctx, mailer };
    f = await consultationOn(ctx, OPEN);
    goalKey = partKey({ kind: 'goal', id: firstGoal(f.programme).id });
  }, 60_000);
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await t?.close();
  });
  afterEach(() => {
    smtp.messages.length = 0;
  });

  /** Comments as a member of the public, and returns the comment and the token from its mail. */
  async function comment(body: string, fields: Partial<Record<'displayName' | 'email', string>> = {}, key = goalKey) {
    const before = smtp.messages.length;
    const stored = await submitComment(
      asPublic(ctx),
      f.slug,
      key,
      { displayName: 'Anna i Huddinge', email: `anna-${dialect}@test.invalid`, body, ...fields },
      origin(),
    );
    const mail = smtp.messages[before]!;
    const token = confirmationLink(mail.text).split('/').at(-1)!;
    return { stored, mail, token };
  }

  describe('opening', () => {
    it('is the secretariat’s, on a proposed version, once', async () => {
      expect(f.consultation).toMatchObject({ ...OPEN, responsible: 'Huddinge kommun', reportsToHide: 3, version: 1 });
      const opened = (await eventsOf(t.ctx, 'consultation.opened')).at(-1)!;
      expect(opened.summary).toBe(`Öppnade samråd om ”${f.programme.name}” 2026-11-20–2026-12-10.`);
      const again = await rejection(openConsultation(ctx, f.slug, { ...OPEN, responsible: 'X', version: '0' }));
      expect(again.code).toBe('conflict');
    });

    it('refuses a draft, the public and a member’s officer', async () => {
      const { slug: draft } = await createDraft(ctx, { from: 'sup-2035', name: 'Utkast för samråd' });
      const settings = { ...OPEN, responsible: 'Huddinge kommun', version: '0' };
      expect((await rejection(openConsultation(ctx, draft, settings))).code).toBe('not_proposed');
      expect((await rejection(openConsultation(asPublic(ctx), 'sup-2035', settings))).code).toBe('unauthenticated');
      expect((await rejection(openConsultation(asRole(ctx, 'member_officer', 1), 'sup-2035', settings))).code).toBe(
        'forbidden',
      );
      expect((await rejection(openConsultation(asRole(ctx, 'reader'), 'sup-2035', settings))).code).toBe('forbidden');
    });

    it('names every mistake in the settings and stores nothing', async () => {
      const before = await contentFingerprint(t.storage);
      const error = await rejection(
        openConsultation(ctx, 'sup-2035', {
          startDate: '2027-02-30',
          endDate: 'i morgon',
          responsible: '',
          reportsToHide: '0',
          version: '0',
        }),
      );
      expect(error.problems.map((p) => p.field)).toEqual(['startDate', 'endDate', 'responsible', 'reportsToHide']);
      const backwards = await rejection(
        openConsultation(ctx, 'sup-2035', {
          startDate: '2027-03-10',
          endDate: '2027-03-01',
          responsible: 'X',
          version: '0',
        }),
      );
      expect(backwards.problems).toEqual([
        { field: 'endDate', message: 'Sista dagen kan inte komma före första dagen.' },
      ]);
      expect(await contentFingerprint(t.storage)).toEqual(before);
    });

    it('is changed with the version it was opened at', async () => {
      const changed = await updateConsultation(ctx, f.slug, {
        ...OPEN,
        endDate: '2026-12-12',
        responsible: 'Huddinge kommun',
        description: 'Förlängt.',
        reportsToHide: '3',
        version: String(f.consultation.version),
      });
      expect(changed).toMatchObject({ endDate: '2026-12-12', version: 2 });
      const stale = await rejection(
        updateConsultation(ctx, f.slug, { ...OPEN, responsible: 'X', version: String(f.consultation.version) }),
      );
      expect(stale.code).toBe('conflict');
      f.consultation = changed;
    });
  });

  describe('comments', () => {
    it('are stored unconfirmed, mailed a link, shown once confirmed and never with the address', async () => {
      const { stored, mail, token } = await comment('Bra mål, men skriv ut vilka stråk som avses.');
      expect(stored).toMatchObject({ status: 'unconfirmed', confirmedAt: null });
      expect(mail.envelopeTo).toEqual([`anna-${dialect}@test.invalid`]);
      expect(mail.subject).toBe(`Bekräfta din kommentar om ${f.programme.name}`);
      expect(mail.text).toContain('Hej Anna i Huddinge!');
      expect(mail.text).toContain(`Bekräfta här: ${BASE_URL}/samrad/bekrafta/${token}`);
      expect(mail.text).toContain('Kommentaren blir en allmän handling hos Huddinge kommun.');
      // Only the hash of the token is stored.
      const row = await t.storage.db
        .selectFrom('consultation_comments')
        .select('confirm_token_hash')
        .where('id', '=', stored.id)
        .executeTakeFirstOrThrow();
      expect(row.confirm_token_hash).not.toBe(token);
      expect(row.confirm_token_hash).toMatch(/^[0-9a-f]{64}$/);

      expect((await getPartPage(asPublic(ctx), f.slug, goalKey)).comments.map((c) => c.id)).not.toContain(stored.id);
      expect((await getConfirmation(asPublic(ctx), token)).comment.body).toBe(stored.body);
      const confirmed = await confirmComment(asPublic(ctx), token);
      expect(confirmed.comment).toMatchObject({ id: stored.id, displayName: 'Anna i Huddinge' });
      const page = await getPartPage(asPublic(ctx), f.slug, goalKey);
      expect(page.comments.find((c) => c.id === stored.id)).toMatchObject({ status: 'published', body: stored.body });
      expect(JSON.stringify(page)).not.toContain('@test.invalid');

      // The link is spent.
      expect((await rejection(confirmComment(asPublic(ctx), token))).code).toBe('not_found');
      const events = await eventsOf(t.ctx, 'consultation_comment.submitted');
      expect(events.at(-1)!.after_json).not.toContain('@');
      expect(events.at(-1)!.after_json).not.toContain('Anna');
      expect(events.at(-1)!.actor_kind).toBe('anonymous');
    });

    it('expire unconfirmed after the link’s days', async () => {
      const { token } = await comment('Glömde bekräfta.');
      const later = at(asPublic(ctx), '2026-12-05T10:00:00Z');
      expect((await rejection(confirmComment(later, token))).code).toBe('not_found');
    });

    it.each([
      ['with dash', 'Kontakta mig, 811218-9876.'],
      ['with century, no dash', 'Mitt personnummer är 198112189876'],
    ])('refuse a personnummer %s, storing nothing', async (_, body) => {
      const before = await contentFingerprint(t.storage);
      const error = await rejection(
        submitComment(asPublic(ctx), f.slug, goalKey, { displayName: 'A', email: 'a@test.invalid', body }, origin()),
      );
      expect(error.problems).toEqual([
        {
          field: 'body',
          message:
            'Texten innehåller ett personnummer. Ta bort det: kommentarer publiceras och blir allmänna handlingar.',
        },
      ]);
      expect(await contentFingerprint(t.storage)).toEqual(before);
      expect(smtp.messages).toHaveLength(0);
    });

    it('name every mistake: no name, an address as the name, a bad address, an empty text', async () => {
      const error = await rejection(
        submitComment(
          asPublic(ctx),
          f.slug,
          goalKey,
          { displayName: 'x@y.se', email: 'inte en adress', body: ' ' },
          origin(),
        ),
      );
      expect(error.problems.map((p) => p.field)).toEqual(['displayName', 'email', 'body']);
      expect(error.problems[0]!.message).toBe('Skriv ett namn, inte en e-postadress: namnet visas för alla.');
    });

    it('are refused before the start, after the end, on an unknown part and without a mailer', async () => {
      const fields = { displayName: 'B', email: 'b@test.invalid', body: 'Text' };
      const early = await rejection(
        submitComment(at(asPublic(ctx), '2026-11-19T10:00:00Z'), f.slug, goalKey, fields, origin()),
      );
      expect(early.message).toBe('Samrådet har inte börjat. Du kan kommentera från 2026-11-20.');
      const late = await rejection(
        submitComment(at(asPublic(ctx), '2026-12-13T10:00:00Z'), f.slug, goalKey, fields, origin()),
      );
      expect(late.message).toBe('Samrådet är avslutat sedan 2026-12-12. Inga fler kommentarer tas emot.');
      expect((await rejection(submitComment(asPublic(ctx), f.slug, 'goal-999999', fields, origin()))).code).toBe(
        'not_found',
      );
      const noMail = await rejection(submitComment(asPublic(t.ctx), f.slug, goalKey, fields, origin()));
      expect(noMail.message).toMatch(/^Det går inte att kommentera just nu/);
      expect((await getConsultationPage(asPublic(t.ctx), f.slug)).mailAvailable).toBe(false);
    });

    it('tell the writer when the mail server refuses the address', async () => {
      const error = await rejection(
        submitComment(
          asPublic(ctx),
          f.slug,
          goalKey,
          { displayName: 'C', email: 'finns-inte@test.invalid', body: 'Text' },
          origin(),
        ),
      );
      expect(error.problems[0]).toMatchObject({ field: 'email' });
      expect(error.problems[0]!.message).toMatch(/^Vi kunde inte skicka bekräftelsen/);
    });
  });

  describe('flood limits', () => {
    it('count per e-mail address and per client address in the database, hashed', async () => {
      await t.storage.db.deleteFrom('consultation_attempts').execute();
      const send = (email: string, address: string, c: AppContext = ctx) =>
        submitComment(
          asPublic(c),
          f.slug,
          goalKey,
          { displayName: 'D', email, body: 'Flod' },
          { address, baseUrl: BASE_URL },
        );
      for (let i = 0; i < FLOOD_LIMITS.commentsPerEmail; i++) await send('flod@test.invalid', `198.51.100.${i}`);
      const byEmail = await rejection(send('FLOD@test.invalid', '198.51.100.200'));
      expect(byEmail.code).toBe('rate_limited');
      expect(byEmail.message).toMatch(/med den här e-postadressen/);

      for (let i = 0; i < FLOOD_LIMITS.commentsPerAddress; i++) await send(`flod-${i}@test.invalid`, '203.0.113.7');
      const byAddress = await rejection(send('ny@test.invalid', '203.0.113.7'));
      expect(byAddress.code).toBe('rate_limited');
      expect(byAddress.message).toMatch(/från din anslutning/);

      const keys = await t.storage.db.selectFrom('consultation_attempts').select('key').execute();
      expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.key))).toBe(true);
      // An hour later both may send again.
      await send('ny@test.invalid', '203.0.113.7', at(ctx, '2026-11-27T11:01:00Z'));
    });
  });

  describe('reports and moderation', () => {
    let commentId: number;
    beforeAll(async () => {
      const { stored, token } = await comment('Det här är en kommentar som någon anmäler.', {
        displayName: 'Bertil',
        email: `bertil-${dialect}@test.invalid`,
      });
      await confirmComment(asPublic(ctx), token);
      commentId = stored.id;
    });

    it('count one report per address, and hide the comment at the threshold, telling its author', async () => {
      smtp.messages.length = 0;
      const report = (address: string) =>
        reportComment(
          asPublic(ctx),
          f.slug,
          commentId,
          { reason: 'hate', details: '' },
          { address, baseUrl: BASE_URL },
        );
      expect(await report('198.51.100.1')).toEqual({ alreadyReported: false, hidden: false });
      expect(await report('198.51.100.1')).toEqual({ alreadyReported: true, hidden: false });
      expect(await report('198.51.100.2')).toEqual({ alreadyReported: false, hidden: false });
      expect(smtp.messages).toHaveLength(0);
      expect(await report('198.51.100.3')).toEqual({ alreadyReported: false, hidden: true });
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]!.envelopeTo).toEqual([`bertil-${dialect}@test.invalid`]);
      expect(smtp.messages[0]!.text).toContain('har anmälts av flera besökare');

      const shown = (await getPartPage(asPublic(ctx), f.slug, goalKey)).comments.find((c) => c.id === commentId)!;
      expect(shown).toMatchObject({ status: 'hidden', displayName: '', body: '' });
      expect((await rejection(report('198.51.100.4'))).code).toBe('conflict');
      const reports = await t.storage.db.selectFrom('consultation_reports').select('reporter_hash').execute();
      expect(reports.every((r) => /^[0-9a-f]{64}$/.test(r.reporter_hash))).toBe(true);
    });

    it('is the secretariat’s: the public and a member’s officer may not hide or restore', async () => {
      const reason = { reason: 'Skäl' };
      expect((await rejection(restoreComment(asPublic(ctx), f.slug, commentId, reason, BASE_URL))).code).toBe(
        'unauthenticated',
      );
      expect(
        (await rejection(hideComment(asRole(ctx, 'member_officer', 1), f.slug, commentId, reason, BASE_URL))).code,
      ).toBe('forbidden');
      expect((await rejection(getModeration(asPublic(ctx), f.slug))).code).toBe('unauthenticated');
    });

    it('restores and hides with a reason the author is mailed; hiding never deletes', async () => {
      const empty = await rejection(restoreComment(ctx, f.slug, commentId, { reason: '' }, BASE_URL));
      expect(empty.problems).toEqual([{ field: 'reason', message: 'Skriv skälet.' }]);

      const restored = await restoreComment(
        ctx,
        f.slug,
        commentId,
        { reason: 'Kommentaren bryter inte mot reglerna.' },
        BASE_URL,
      );
      expect(restored).toMatchObject({ mailed: true, comment: { status: 'published', reportCount: 0 } });
      expect(smtp.messages.at(-1)!.subject).toBe(`Din kommentar om ${f.programme.name} visas igen`);
      expect(smtp.messages.at(-1)!.text).toContain('Skäl: Kommentaren bryter inte mot reglerna.');

      const restoreAgain = await rejection(restoreComment(ctx, f.slug, commentId, { reason: 'x' }, BASE_URL));
      expect(restoreAgain.code).toBe('conflict');

      const hidden = await hideComment(
        ctx,
        f.slug,
        commentId,
        { reason: 'Kommentaren innehåller en kränkning.' },
        BASE_URL,
      );
      expect(hidden).toMatchObject({
        mailed: true,
        comment: { status: 'hidden', hiddenReason: 'Kommentaren innehåller en kränkning.' },
      });
      expect(smtp.messages.at(-1)!.text).toContain('En moderator har dolt din kommentar');
      expect(smtp.messages.at(-1)!.text).toContain('Skäl: Kommentaren innehåller en kränkning.');

      const row = (await getModeration(ctx, f.slug)).rows.find((r) => r.comment.id === commentId)!;
      expect(row.comment.body).toBe('Det här är en kommentar som någon anmäler.');
      expect(row.reports.map((r) => r.reason)).toEqual(['hate', 'hate', 'hate']);
      expect(row.history.map((h) => h.action)).toEqual(['auto_hidden', 'restored', 'hidden']);
      expect(row.history[2]!.actorName).toBe('Systemet (samverkan)');
      for (const action of [
        'consultation_comment.reported',
        'consultation_comment.hidden',
        'consultation_comment.restored',
      ])
        expect((await eventsOf(t.ctx, action)).length, action).toBeGreaterThan(0);
    });
  });

  describe('answers and the samrådsredogörelse', () => {
    let first: number;
    let second: number;
    let strategyComment: number;
    beforeAll(async () => {
      const a = await comment('Målet saknar kollektivtrafiken.', { displayName: 'Cecilia' });
      await confirmComment(asPublic(ctx), a.token);
      const b = await comment('Håller med om kollektivtrafiken.', { displayName: 'David' });
      await confirmComment(asPublic(ctx), b.token);
      const strategy = firstGoal(f.programme).strategies[0]!;
      const s = await comment(
        'Strategin är otydlig.',
        { displayName: 'Eva' },
        partKey({ kind: 'strategy', id: strategy.id }),
      );
      await confirmComment(asPublic(ctx), s.token);
      [first, second, strategyComment] = [a.stored.id, b.stored.id, s.stored.id];
    });

    it('groups comments under a theme and answers it, a draft first, published separately', async () => {
      const theme = await groupInTheme(ctx, f.slug, {
        themeId: '',
        title: 'Kollektivtrafik',
        commentIds: [String(first), String(second)],
      });
      const draft = await saveAnswer(
        ctx,
        f.slug,
        { themeId: theme.id },
        {
          body: 'Kollektivtrafiken läggs till i målet.',
          outcome: 'accommodated',
          action: 'draft',
          version: '0',
        },
      );
      expect(draft).toMatchObject({ status: 'draft', publishedAt: null });
      expect((await getConsultationPage(asPublic(ctx), f.slug)).answers).toEqual([]);
      const published = await saveAnswer(
        ctx,
        f.slug,
        { themeId: theme.id },
        {
          body: 'Kollektivtrafiken läggs till i målet.',
          outcome: 'accommodated',
          action: 'publish',
          version: String(draft.version),
        },
      );
      expect(published).toMatchObject({ status: 'published', version: 2 });
      expect((await getConsultationPage(asPublic(ctx), f.slug)).answers.map((a) => a.id)).toEqual([published.id]);
      const stale = await rejection(
        saveAnswer(ctx, f.slug, { themeId: theme.id }, { body: 'x', outcome: 'noted', action: 'draft', version: '1' }),
      );
      expect(stale.code).toBe('conflict');

      await saveAnswer(
        ctx,
        f.slug,
        { commentId: strategyComment },
        {
          body: 'Strategin behålls; den preciseras i handlingsplanerna.',
          outcome: 'not_accommodated',
          action: 'publish',
          version: '0',
        },
      );
      const bad = await rejection(
        saveAnswer(ctx, f.slug, { commentId: first }, { body: '', outcome: 'kanske', action: 'x', version: '0' }),
      );
      expect(bad.problems.map((p) => p.field)).toEqual(['body', 'outcome', 'action']);
      expect((await rejection(getAnswering(asRole(ctx, 'member_officer', 1), f.slug))).code).toBe('forbidden');
    });

    it('is the secretariat’s draft while the consultation runs, and anyone’s once it has closed', async () => {
      expect((await rejection(getConsultationReport(asPublic(ctx), f.slug))).message).toBe(
        'Samrådsredogörelsen publiceras när samrådet har avslutats. Samrådet pågår till och med 2026-12-12.',
      );
      const draft = await getConsultationReport(ctx, f.slug);
      expect(draft.blocks.some((b) => b.kind === 'notice' && b.text.startsWith('Utkast'))).toBe(true);
    });

    it('sums up per part with the position, the next version’s changes and why not, every comment in the annex', async () => {
      const goal = firstGoal(f.programme);
      const reworded = `${goal.title} med kollektivtrafik`;
      const next = await nextVersion(ctx, f.slug, reworded);
      const closed = at(ctx, '2026-12-13T09:00:00Z');

      const doc = await getConsultationReport(closed, f.slug);
      expect(doc).toMatchObject({
        kind: 'consultation-report',
        title: `Samrådsredogörelse: ${f.programme.name}`,
        issuer: 'Huddinge kommun',
      });
      expect(doc.fileName).toMatch(/^samradsredogorelse-/);
      const text = allText(doc);
      expect(text).toContain('Så gick samrådet till');
      expect(text).toContain(`Målet ”${goal.title}”`);
      expect(text).toContain('Ställningstagande');
      expect(text).toMatch(
        /Temat ”Kollektivtrafik” \(kommentarerna \d+, \d+\): Kollektivtrafiken läggs till i målet\. \(tillgodoses\)/,
      );
      expect(text).toContain(`Målet ”${goal.title}” formuleras om till ”${reworded}”`);
      expect(text).toContain('Det som inte tillgodoses, och varför');
      expect(text).toContain('Strategin behålls; den preciseras i handlingsplanerna. (tillgodoses inte)');
      expect(text).toContain('ställningstagande saknas');
      expect(text).toContain('Dold av en moderator');
      expect(text).not.toContain('Det här är en kommentar som någon anmäler.');
      expect(text).not.toContain('@test.invalid');
      const annex = doc.blocks.find((b) => b.kind === 'table')!;
      expect(annex.kind === 'table' && annex.head).toEqual(['Nr', 'Del', 'Namn', 'Publicerad', 'Kommentar']);
      const published = (await readRepos(ctx).consultations.comments(f.consultation.id)).filter(
        (c) => c.status !== 'unconfirmed',
      );
      expect(annex.kind === 'table' && annex.rows.length).toBe(published.length);
      expect(doc.header.find((h) => h.term === 'Nästa version')!.value).toMatch(/utkast/);

      // The public sees no draft: the next version is not named to them.
      const forPublic = await getConsultationReport(at(asPublic(ctx), '2026-12-13T09:00:00Z'), f.slug);
      expect(allText(forPublic)).toContain('Det finns ingen senare version av programmet ännu.');
      expect(JSON.stringify(forPublic)).not.toContain(next);

      const csv = await getConsultationCsvTable(at(asPublic(ctx), '2026-12-13T09:00:00Z'), f.slug);
      expect(csv.columns.map((c) => c.header)).toEqual([
        'Nr',
        'Del',
        'Delens text',
        'Namn',
        'Publicerad',
        'Status',
        'Tema',
        'Kommentar',
        'Svar',
        'Tas om hand',
      ]);
      expect(csv.rows).toHaveLength(published.length);
      expect(JSON.stringify(csv.rows)).not.toContain('@');
      expect(csv.fileName).toMatch(/-kommentarer\.csv$/);
    });
  });
});
