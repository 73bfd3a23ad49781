/**
 * The samrådsredogörelse: how the consultation went, then per part of the programme the comments, the
 * position the secretariat took (its published answers), what the next version changed in that part
 * (the diff of the two versions narrowed to the part) and, for what is not met, why; with every comment
 * in an annex. Built as one document model (page, Word, PDF) and as a CSV of the comments. Boverket's
 * content list for PBL's samrådsredogörelse is the model, used here as voluntary practice. Anyone may read
 * it once the consultation has closed; before that only the secretariat, marked as a draft.
 */
import { allows } from '../../domain/auth/policies.js';
import {
  ANSWER_OUTCOME_LABELS,
  answersFor,
  samePart,
  type Answer,
  type ConsultationComment,
  type Theme,
} from '../../domain/consultation/consultation.js';
import { partChangesSv } from '../../domain/consultation/part-changes.js';
import { partHeadingSv, type ProgrammePart } from '../../domain/consultation/parts.js';
import { DomainError } from '../../domain/errors.js';
import { diffProgrammes } from '../../domain/programme/programme-diff.js';
import type { Programme } from '../../domain/programme/programme.js';
import type { Block, Content, DocumentModel, Inline } from '../../documents/document-model.js';
import type { ExportColumn, ExportRow } from '../../exports/table.js';
import { authorize } from '../auth/authorize.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, today, type AppContext } from '../context.js';
import { documentSlug } from '../documents/file-names.js';
import { loadConsultation, type ConsultationSubject } from './consultation-access.js';

export interface ReportData extends ConsultationSubject {
  /** Published and hidden comments in the order they came: the annex's numbering. */
  comments: ConsultationComment[];
  unconfirmed: number;
  themes: Theme[];
  /** Published answers only. */
  answers: Answer[];
  /** The newest version derived from the consulted one that the reader may see (a draft only for the cooperation's people). */
  next: Programme | undefined;
}

const notYet = (endDate: string) =>
  new DomainError(
    'conflict',
    `Samrådsredogörelsen publiceras när samrådet har avslutats. Samrådet pågår till och med ${endDate}.`,
  );

export async function loadReportData(ctx: AppContext, ref: string): Promise<ReportData> {
  const repos = readRepos(ctx);
  const subject = await loadConsultation(ctx, repos, ref);
  if (subject.phase !== 'closed') {
    if (!allows(ctx.principal, 'run_consultation')) throw notYet(subject.consultation.endDate);
    authorize(ctx, 'run_consultation');
  }
  const id = subject.consultation.id;
  const collaboration = await currentCollaboration(repos);
  const [all, themes, answers, programmes] = await Promise.all([
    repos.consultations.comments(id),
    repos.consultations.themes(id),
    repos.consultations.answers(id),
    repos.programmes.list(collaboration.id),
  ]);
  const internal = allows(ctx.principal, 'read_internal');
  const nextSummary = programmes
    .filter((p) => p.derivedFromProgrammeId === subject.programme.id && (internal || p.state !== 'draft'))
    .sort((a, b) => b.id - a.id)[0];
  const comments = all.filter((c) => c.status !== 'unconfirmed');
  return {
    ...subject,
    comments,
    unconfirmed: all.length - comments.length,
    themes,
    answers: answers.filter((a) => a.status === 'published'),
    next: nextSummary && (await repos.programmes.get(nextSummary.id)),
  };
}

const placeholder = (text: string): Inline => ({ text, placeholder: true });
const numberOf = (data: ReportData, comment: ConsultationComment) => data.comments.indexOf(comment) + 1;
const listOfNumbers = (numbers: readonly number[]) =>
  numbers.length === 1 ? `kommentar ${numbers[0]}` : `kommentarerna ${numbers.join(', ')}`;
const versionName = (p: Programme) => `${p.name} (version ${p.version}${p.state === 'draft' ? ', utkast' : ''})`;

/** The comment's text as the report shows it: a hidden one is named as hidden, its text withheld. */
const shownText = (c: ConsultationComment): string =>
  c.status === 'hidden' ? 'Dold av en moderator. Texten finns kvar som allmän handling och kan begäras ut.' : c.body;

interface PartSection {
  part: ProgrammePart;
  comments: ConsultationComment[];
}

function partSections(data: ReportData): PartSection[] {
  return data.parts
    .map((part) => ({ part, comments: data.comments.filter((c) => samePart(c.part, part)) }))
    .filter((s) => s.comments.length > 0);
}

/** The answers that apply to a part's comments, each once, with the comments it answers. */
function answersOfSection(data: ReportData, section: PartSection): { answer: Answer; numbers: number[] }[] {
  const found = new Map<number, { answer: Answer; numbers: number[] }>();
  for (const comment of section.comments) {
    for (const answer of answersFor(comment, data.answers)) {
      const entry = found.get(answer.id) ?? { answer, numbers: [] };
      entry.numbers.push(numberOf(data, comment));
      found.set(answer.id, entry);
    }
  }
  return [...found.values()];
}

function answerItem(data: ReportData, entry: { answer: Answer; numbers: number[] }): Content {
  const theme = entry.answer.themeId === null ? undefined : data.themes.find((t) => t.id === entry.answer.themeId);
  const label = theme
    ? `Temat ”${theme.title}” (${listOfNumbers(entry.numbers)})`
    : `${listOfNumbers(entry.numbers).replace(/^k/, 'K')}`;
  return [
    { text: `${label}: `, strong: true },
    entry.answer.body,
    ` (${ANSWER_OUTCOME_LABELS[entry.answer.outcome].toLowerCase()})`,
  ];
}

function sectionBlocks(data: ReportData, section: PartSection): Block[] {
  const { part } = section;
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: partHeadingSv(part) }];
  if (part.kind === 'strategy')
    blocks.push({ kind: 'paragraph', content: `Strategin: ”${part.text.trim()}”`, style: 'note' });
  const numbers = section.comments.map((c) => numberOf(data, c));
  blocks.push({
    kind: 'paragraph',
    content: `${section.comments.length === 1 ? 'En kommentar' : `${section.comments.length} kommentarer`}: ${listOfNumbers(numbers)} i bilagan.`,
  });

  blocks.push({ kind: 'heading', level: 4, text: 'Ställningstagande' });
  const entries = answersOfSection(data, section);
  const unanswered = section.comments.filter((c) => answersFor(c, data.answers).length === 0);
  const items: Content[] = entries.map((e) => answerItem(data, e));
  if (unanswered.length > 0)
    items.push([
      `${listOfNumbers(unanswered.map((c) => numberOf(data, c))).replace(/^k/, 'K')}: `,
      placeholder('ställningstagande saknas'),
    ]);
  blocks.push({ kind: 'list', ordered: false, items });

  blocks.push({ kind: 'heading', level: 4, text: 'Ändringar i nästa version' });
  if (!data.next) {
    blocks.push({ kind: 'paragraph', content: 'Det finns ingen senare version av programmet ännu.' });
  } else {
    const diff = diffProgrammes(data.programme, data.next);
    const changes = partChangesSv(diff, part, part.goal?.id);
    blocks.push(
      changes.length > 0
        ? { kind: 'list', ordered: false, items: changes.map((c) => c.charAt(0).toUpperCase() + c.slice(1)) }
        : { kind: 'paragraph', content: `${versionName(data.next)} ändrar inte den här delen.` },
    );
  }

  const notMet = entries.filter((e) => e.answer.outcome === 'not_accommodated' || e.answer.outcome === 'partly');
  if (notMet.length > 0) {
    blocks.push({ kind: 'heading', level: 4, text: 'Det som inte tillgodoses, och varför' });
    blocks.push({ kind: 'list', ordered: false, items: notMet.map((e) => answerItem(data, e)) });
  }
  return blocks;
}

export async function getConsultationReport(ctx: AppContext, ref: string): Promise<DocumentModel> {
  const data = await loadReportData(ctx, ref);
  const { programme, consultation } = data;
  const date = today(ctx);
  const hidden = data.comments.filter((c) => c.status === 'hidden').length;
  const sections = partSections(data);

  const blocks: Block[] = [{ kind: 'contents' }];
  if (data.phase !== 'closed')
    blocks.push({
      kind: 'notice',
      text: `Utkast: samrådet pågår till och med ${consultation.endDate}. Bara samverkans sekretariat ser redogörelsen innan dess.`,
    });

  blocks.push({ kind: 'heading', level: 2, text: 'Så gick samrådet till', id: 'samradet' });
  blocks.push({
    kind: 'paragraph',
    content:
      `Förslaget till ${programme.name} fanns på samverkans webbplats för synpunkter från ${consultation.startDate} ` +
      `till och med ${consultation.endDate}. Vem som helst kunde kommentera varje fokusområde, mål och strategi. ` +
      'En kommentar publicerades när avsändaren hade bekräftat sin e-postadress; adressen visades aldrig. ' +
      'Kommentarerna modererades i efterhand enligt lagen (1998:112) om ansvar för elektroniska anslagstavlor; ' +
      'en dold kommentar finns kvar som allmän handling.',
  });
  for (const p of consultation.description
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean))
    blocks.push({ kind: 'paragraph', content: p });
  blocks.push({
    kind: 'facts',
    items: [
      { term: 'Kommentarer', value: String(data.comments.length) },
      { term: 'Varav dolda av moderator', value: String(hidden) },
      { term: 'Delar med kommentarer', value: String(sections.length) },
      { term: 'Obekräftade (aldrig publicerade)', value: String(data.unconfirmed) },
    ],
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Synpunkter och ställningstaganden per del', id: 'per-del' });
  if (data.next)
    blocks.push({
      kind: 'paragraph',
      content: `Ändringarna jämför det förslag samrådet gällde med ${versionName(data.next)}.`,
    });
  if (sections.length === 0) blocks.push({ kind: 'paragraph', content: 'Inga kommentarer kom in under samrådet.' });
  for (const section of sections) blocks.push(...sectionBlocks(data, section));

  blocks.push({ kind: 'heading', level: 2, text: 'Bilaga: alla kommentarer', id: 'bilaga' });
  blocks.push({
    kind: 'table',
    caption: 'Alla kommentarer som kom in under samrådet, i den ordning de kom',
    head: ['Nr', 'Del', 'Namn', 'Publicerad', 'Kommentar'],
    numericColumns: [0],
    rows: data.comments.map((c, i) => [
      String(i + 1),
      partName(data, c),
      c.status === 'hidden' ? '–' : c.displayName,
      (c.confirmedAt ?? c.createdAt).slice(0, 10),
      shownText(c),
    ]),
  });

  return {
    kind: 'consultation-report',
    title: `Samrådsredogörelse: ${programme.name}`,
    subtitle: `Samråd om förslaget, version ${programme.version}, ${consultation.startDate}–${consultation.endDate}`,
    issuer: consultation.responsible,
    documentType: 'Samrådsredogörelse',
    date,
    fileName: documentSlug(`samrådsredogörelse ${programme.name} ${date}`),
    header: [
      { term: 'Datum', value: date },
      { term: 'Samrådstid', value: `${consultation.startDate}–${consultation.endDate}` },
      { term: 'Förslaget', value: versionName(programme) },
      { term: 'Nästa version', value: data.next ? versionName(data.next) : [placeholder('ingen ännu')] },
      { term: 'Tar emot synpunkterna', value: consultation.responsible },
    ],
    blocks,
    sources: [
      `Kommentarerna och svaren: inkomna och skrivna i samverkan under samrådet ${consultation.startDate}–${consultation.endDate}; bara kommentarer med bekräftad e-postadress och publicerade svar tas med.`,
      `${programme.name}, version ${programme.version} (föreslagen), ur samverkan. ${programme.source}`.trim(),
      ...(data.next ? [`${versionName(data.next)}, ur samverkan: jämförd med förslaget del för del.`] : []),
    ],
  };
}

function partName(data: ReportData, c: ConsultationComment): string {
  const part = data.parts.find((p) => samePart(p, c.part));
  return part ? partHeadingSv(part) : '';
}

/** Every comment as a table: the annex with the answers beside it, for a spreadsheet. Never an address. */
export async function getConsultationCsvTable(
  ctx: AppContext,
  ref: string,
): Promise<{ columns: ExportColumn[]; rows: ExportRow[]; fileName: string }> {
  const data = await loadReportData(ctx, ref);
  const columns: ExportColumn[] = [
    { key: 'number', header: 'Nr' },
    { key: 'part', header: 'Del' },
    { key: 'partText', header: 'Delens text' },
    { key: 'name', header: 'Namn' },
    { key: 'published', header: 'Publicerad' },
    { key: 'status', header: 'Status' },
    { key: 'theme', header: 'Tema' },
    { key: 'comment', header: 'Kommentar' },
    { key: 'answer', header: 'Svar' },
    { key: 'outcome', header: 'Tas om hand' },
  ];
  const rows: ExportRow[] = data.comments.map((c, i) => {
    const part = data.parts.find((p) => samePart(p, c.part));
    const answers = answersFor(c, data.answers);
    return {
      number: i + 1,
      part: partName(data, c),
      partText: part?.text ?? '',
      name: c.status === 'hidden' ? '' : c.displayName,
      published: (c.confirmedAt ?? c.createdAt).slice(0, 10),
      status: c.status === 'hidden' ? 'Dold av moderator' : 'Publicerad',
      theme: data.themes.find((t) => t.id === c.themeId)?.title ?? '',
      comment: shownText(c),
      answer: answers.map((a) => a.body).join('\n\n'),
      outcome: answers.map((a) => ANSWER_OUTCOME_LABELS[a.outcome]).join('; '),
    };
  });
  return {
    columns,
    rows,
    fileName: `${documentSlug(`samrådsredogörelse ${data.programme.name} ${today(ctx)}`)}-kommentarer.csv`,
  };
}
