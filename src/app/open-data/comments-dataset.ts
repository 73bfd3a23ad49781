/**
 * The published comments of every consultation (samråd), a row per comment, with the secretariat's
 * published answers beside it. Only what the consultation pages show the public: a comment whose author
 * has not confirmed it, or that is hidden, is never included; answers only once published. Names are left
 * out (the commenters' display names, like every person's name in the open data) and e-mail addresses
 * are never read. The part commented on is named by the programme dataset's id (`mal-12`), so the rows
 * join that table.
 */
import { ANSWER_OUTCOME_LABELS, answersFor, type PartKind } from '../../domain/consultation/consultation.js';
import { findPart, programmeParts } from '../../domain/consultation/parts.js';
import type { ExportRow } from '../../exports/table.js';
import { readRepos, type AppContext } from '../context.js';
import { dateSpan, latest, type DatasetTable } from './dataset-table.js';

const COLUMNS = [
  { key: 'samrad_id', header: 'Samråd (id)' },
  { key: 'program', header: 'Program (id)' },
  { key: 'programnamn', header: 'Programnamn' },
  { key: 'samradet_borjar', header: 'Samrådet börjar' },
  { key: 'samradet_slutar', header: 'Samrådet slutar' },
  { key: 'kommentar_id', header: 'Kommentar (id)' },
  { key: 'del_id', header: 'Del (id)' },
  { key: 'deltyp', header: 'Del' },
  { key: 'delens_text', header: 'Delens text' },
  { key: 'publicerad', header: 'Publicerad' },
  { key: 'kommentar', header: 'Kommentar' },
  { key: 'tema', header: 'Tema' },
  { key: 'svar', header: 'Svar' },
  { key: 'tas_om_hand', header: 'Tas om hand' },
];

/** The programme dataset's id of a part (see programmes-dataset.ts). */
const PART_IDS: Record<PartKind, { prefix: string; label: string }> = {
  focus_area: { prefix: 'fokusomrade', label: 'Fokusområde' },
  goal: { prefix: 'mal', label: 'Mål' },
  strategy: { prefix: 'strategi', label: 'Strategi' },
};

export async function commentsDataset(ctx: AppContext): Promise<DatasetTable> {
  const repos = readRepos(ctx);
  const consultations = await repos.consultations.list();
  const rows: ExportRow[] = [];
  const published: string[] = [];
  const answered: string[] = [];
  const shown: string[] = [];
  for (const consultation of consultations) {
    const programme = await repos.programmes.get(consultation.programmeId);
    // A consultation is on a proposed version; a draft is never public, whatever it holds.
    if (!programme || programme.state === 'draft') continue;
    const [all, themes, answers] = await Promise.all([
      repos.consultations.comments(consultation.id),
      repos.consultations.themes(consultation.id),
      repos.consultations.answers(consultation.id),
    ]);
    const parts = programmeParts(programme);
    const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
    // Hiding a comment changes the dataset too (it leaves it).
    published.push(...all.flatMap((c) => (c.hiddenAt ? [c.hiddenAt] : [])));
    const comments = all.filter((c) => c.status === 'published');
    for (const comment of comments) {
      const part = findPart(parts, comment.part);
      const replies = answersFor(comment, answers);
      const at = comment.confirmedAt ?? comment.createdAt;
      published.push(at);
      shown.push(at.slice(0, 10));
      answered.push(...replies.map((a) => a.publishedAt ?? a.updatedAt));
      rows.push({
        samrad_id: consultation.id,
        program: programme.slug,
        programnamn: programme.name,
        samradet_borjar: consultation.startDate,
        samradet_slutar: consultation.endDate,
        kommentar_id: comment.id,
        del_id: `${PART_IDS[comment.part.kind].prefix}-${comment.part.id}`,
        deltyp: PART_IDS[comment.part.kind].label,
        delens_text: part?.text ?? null,
        publicerad: at,
        kommentar: comment.body,
        tema: comment.themeId === null ? null : (themeTitle.get(comment.themeId) ?? null),
        svar: replies.map((a) => a.body).join('\n\n'),
        tas_om_hand: replies.map((a) => ANSWER_OUTCOME_LABELS[a.outcome]).join('; '),
      });
    }
  }
  return {
    columns: COLUMNS,
    rows,
    modified: latest([...published, ...answered]),
    temporal: dateSpan(shown),
    notices: [],
  };
}
