/**
 * The adoption record: every recorded decision on a programme that is not a draft, a row per decision,
 * naming the member whose board decided (or none, when the source does not say) and how precisely the
 * date is known. Nothing the sources do not say is filled in: an unknown date stays empty.
 */
import { BODY_KIND_LABELS, OUTCOME_LABELS } from '../../domain/adoption/adoption-sv.js';
import type { DecisionDate } from '../../domain/adoption/decision.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, today, type AppContext } from '../context.js';
import { loadRegister } from '../programmes/list-programmes.js';
import { dateSpan, latest, type DatasetTable } from './dataset-table.js';

const COLUMNS = [
  { key: 'program', header: 'Program (id)' },
  { key: 'programnamn', header: 'Programnamn' },
  { key: 'medlemskod', header: 'Kommunkod' },
  { key: 'medlem', header: 'Kommun' },
  { key: 'organtyp', header: 'Organ' },
  { key: 'organ', header: 'Organets namn' },
  { key: 'beslutsdatum', header: 'Beslutsdatum' },
  { key: 'datumets_precision', header: 'Datumets precision' },
  { key: 'paragraf', header: 'Paragraf' },
  { key: 'utfall', header: 'Utfall' },
  { key: 'anteckning', header: 'Anteckning' },
  { key: 'kalla', header: 'Källa' },
  { key: 'registrerat', header: 'Registrerat' },
];

const PRECISION_LABELS: Record<DecisionDate['precision'], string> = {
  exact: 'exakt',
  on_or_before: 'senast detta datum',
  unknown: 'okänt',
};

export async function decisionsDataset(ctx: AppContext): Promise<DatasetTable> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const [register, members, bodies] = await Promise.all([
    loadRegister(repos, today(ctx)),
    repos.collaboration.members(collaboration.id),
    repos.collaboration.bodies(collaboration.id),
  ]);
  const programmes = new Map(
    register.items.filter((i) => i.programme.state !== 'draft').map((i) => [i.programme.id, i.programme]),
  );
  const memberById = new Map(members.map((m) => [m.id, m]));
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  const decisions = register.decisions.filter((d) => programmes.has(d.programmeId));
  const dateOf = (d: DecisionDate) => (d.precision === 'unknown' ? null : d.date);
  return {
    columns: COLUMNS,
    rows: decisions.map((d) => {
      const programme = programmes.get(d.programmeId)!;
      const member = d.memberId === null ? undefined : memberById.get(d.memberId);
      const body = d.bodyId === null ? undefined : bodyById.get(d.bodyId);
      return {
        program: programme.slug,
        programnamn: programme.name,
        medlemskod: member?.code ?? null,
        medlem: member?.name ?? null,
        organtyp: BODY_KIND_LABELS[d.bodyKind],
        organ: body?.name ?? null,
        beslutsdatum: dateOf(d.decided),
        datumets_precision: PRECISION_LABELS[d.decided.precision],
        paragraf: d.paragraph,
        utfall: OUTCOME_LABELS[d.outcome],
        anteckning: d.note,
        kalla: d.source,
        registrerat: d.recordedAt,
      };
    }),
    modified: latest(decisions.map((d) => d.recordedAt)),
    temporal: dateSpan(decisions.map((d) => dateOf(d.decided))),
    notices: [],
  };
}
