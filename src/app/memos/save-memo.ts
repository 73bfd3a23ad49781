import { DomainError, validationFailed } from '../../domain/errors.js';
import type { Memo, MemoSettings, MemoTexts } from '../../domain/memos/memo.js';
import { MEMO_STATUS_LABELS, signatoryLine } from '../../domain/memos/memo.js';
import type { Snapshot } from '../../domain/audit/snapshots.js';
import { recordEvent } from '../audit/record-event.js';
import { authorize } from '../auth/authorize.js';
import { inTransaction, timestamp, type AppContext } from '../context.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { loadMemoSubject } from './memo-access.js';
import { memoInput, type MemoInput } from './memo-input.js';

export const memoConflict = (): DomainError =>
  new DomainError(
    'conflict',
    'Tjänsteskrivelsen har ändrats av någon annan sedan du öppnade sidan. Dina ändringar har inte sparats. Jämför med de senaste uppgifterna och försök igen.',
  );

const textsOf = (input: MemoInput): MemoTexts => ({
  diarienummer: input.diarienummer,
  officer: input.officer,
  summary: input.summary,
  assessment: input.assessment,
  consequences: {
    economy: input.consequenceEconomy,
    climate: input.consequenceClimate,
    gender_equality: input.consequenceGenderEquality,
    children: input.consequenceChildren,
  },
  recipients: input.recipients,
  signatories: input.signatories,
});

function snapshot(memo: Memo, settings: MemoSettings, names: { programme: string; member: string }): Snapshot {
  return {
    programme: names.programme,
    member: names.member,
    memoStatus: memo.status,
    diarienummer: memo.diarienummer,
    officer: memo.officer,
    committee: settings.committee,
    administration: settings.administration,
    consequenceKinds: settings.consequences.join(', '),
    summary: memo.summary,
    assessment: memo.assessment,
    consequenceEconomy: memo.consequences.economy,
    consequenceClimate: memo.consequences.climate,
    consequenceGenderEquality: memo.consequences.gender_equality,
    consequenceChildren: memo.consequences.children,
    recipients: memo.recipients.join('\n'),
    signatories: memo.signatories.map(signatoryLine).join('\n'),
  };
}

/**
 * Saves a member's memo on a proposed version, and the member's memo settings with it. Only the member's
 * own officers and the secretariat may; the form carries the version it was rendered with (0 for a memo
 * not saved before): if someone saved since, nothing is saved and the person is told (conflict).
 */
export async function saveMemo(ctx: AppContext, ref: string, memberCode: string, raw: unknown): Promise<Memo> {
  return inTransaction(ctx, async (repos) => {
    const subject = await loadMemoSubject(repos, ref, memberCode);
    authorize(ctx, 'edit_memo', { memberId: subject.member.id });
    const { values, problems } = parseEachField(memoInput, raw);
    if (problems.length > 0) throw validationFailed(inFieldOrder(memoInput, problems));
    const input = values as MemoInput;
    const at = timestamp(ctx);
    const texts = textsOf(input);
    const before = subject.memo;
    const saved =
      input.version === 0
        ? before === undefined
          ? await repos.memos.insert(subject.programme.id, subject.member.id, input.status, texts, at)
          : undefined
        : before !== undefined
          ? await repos.memos.update(before.id, input.status, texts, input.version, at)
          : undefined;
    if (!saved) throw memoConflict();
    const settings: MemoSettings = {
      memberId: subject.member.id,
      committee: input.committee,
      administration: input.administration,
      consequences: input.consequenceKinds,
    };
    await repos.memos.saveSettings(settings, at);
    const names = { programme: subject.programme.name, member: subject.member.name };
    await recordEvent(ctx, repos, {
      action: 'memo.saved',
      entityType: 'memo',
      entityId: saved.id,
      summary: `Sparade tjänsteskrivelsen för ${subject.member.name} om ”${subject.programme.name}” (${MEMO_STATUS_LABELS[saved.status].toLowerCase()}).`,
      before: before ? snapshot(before, subject.settings, names) : null,
      after: snapshot(saved, settings, names),
    });
    return saved;
  });
}
