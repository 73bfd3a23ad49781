/**
 * The programmes with their structure as one table, a row per part: the cooperation's networks, then
 * per programme the programme itself, its perspectives, focus areas, goals, each goal's strategies and
 * its contribution to each perspective. `id` names a part and `overordnat_id` the part it belongs to, so
 * the tree can be rebuilt from the rows. Drafts are never included, whoever asks.
 */
import type { Programme } from '../../domain/programme/programme.js';
import { programmeStatusLabel } from '../../domain/programme/programme-status.js';
import type { ExportRow } from '../../exports/table.js';
import type { Network } from '../../domain/collaboration.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, today, type AppContext } from '../context.js';
import { loadRegister } from '../programmes/list-programmes.js';
import { latest, yearSpan, type DatasetTable } from './dataset-table.js';

const COLUMNS = [
  { key: 'typ', header: 'Typ' },
  { key: 'id', header: 'Id' },
  { key: 'overordnat_id', header: 'Överordnat id' },
  { key: 'program', header: 'Program (id)' },
  { key: 'programnamn', header: 'Programnamn' },
  { key: 'ordning', header: 'Ordning' },
  { key: 'namn', header: 'Namn eller lydelse' },
  { key: 'beskrivning', header: 'Beskrivning' },
  { key: 'natverk_id', header: 'Nätverk (id)' },
  { key: 'natverk', header: 'Nätverk' },
  { key: 'foregaende_mal', header: 'Föregående mål (id)' },
  { key: 'status', header: 'Status' },
  { key: 'giltigt_fran_ar', header: 'Giltigt från år' },
  { key: 'giltigt_till_ar', header: 'Giltigt till år' },
  { key: 'malar', header: 'Målår' },
  { key: 'vision', header: 'Vision' },
  { key: 'overgripande_mal', header: 'Övergripande mål' },
  { key: 'ersatter', header: 'Ersätter (id)' },
  { key: 'anteckning', header: 'Anteckning' },
  { key: 'kalla', header: 'Källa' },
];

export const TYPE_LABELS = {
  network: 'Nätverk',
  programme: 'Program',
  perspective: 'Perspektiv',
  focusArea: 'Fokusområde',
  goal: 'Mål',
  strategy: 'Strategi',
  statement: 'Bidrag till perspektiv',
} as const;

const networkId = (n: Network) => `natverk-${n.key}`;
const perspectiveId = (id: number) => `perspektiv-${id}`;
const focusAreaId = (id: number) => `fokusomrade-${id}`;
const goalId = (id: number) => `mal-${id}`;

function programmeRows(
  programme: Programme,
  status: string,
  networks: ReadonlyMap<number, Network>,
  slugOf: ReadonlyMap<number, string>,
): ExportRow[] {
  const common = { program: programme.slug, programnamn: programme.name };
  const network = (id: number | null) => {
    const n = id === null ? undefined : networks.get(id);
    return n ? { natverk_id: networkId(n), natverk: n.name } : {};
  };
  const perspectives = new Map(programme.perspectives.map((p) => [p.id, p]));
  return [
    {
      ...common,
      typ: TYPE_LABELS.programme,
      id: programme.slug,
      namn: programme.name,
      status,
      giltigt_fran_ar: programme.validFromYear,
      giltigt_till_ar: programme.validToYear,
      malar: programme.targetYear,
      vision: programme.vision,
      overgripande_mal: programme.overarchingGoal,
      ersatter: programme.replacesProgrammeId === null ? null : (slugOf.get(programme.replacesProgrammeId) ?? null),
      anteckning: programme.note,
      kalla: programme.source,
    },
    ...programme.perspectives.map((p, i) => ({
      ...common,
      typ: TYPE_LABELS.perspective,
      id: perspectiveId(p.id),
      overordnat_id: programme.slug,
      ordning: i + 1,
      namn: p.name,
      beskrivning: p.description,
    })),
    ...programme.focusAreas.flatMap((area, i) => [
      {
        ...common,
        typ: TYPE_LABELS.focusArea,
        id: focusAreaId(area.id),
        overordnat_id: programme.slug,
        ordning: i + 1,
        namn: area.name,
        beskrivning: area.description,
        ...network(area.networkId),
        anteckning: area.note,
      },
      ...area.goals.flatMap((goal, j) => [
        {
          ...common,
          typ: TYPE_LABELS.goal,
          id: goalId(goal.id),
          overordnat_id: focusAreaId(area.id),
          ordning: j + 1,
          namn: goal.title,
          beskrivning: goal.description,
          ...network(goal.networkId),
          foregaende_mal: goal.predecessorGoalIds.map(goalId).join(' '),
          anteckning: goal.note,
        },
        ...goal.strategies.map((s, k) => ({
          ...common,
          typ: TYPE_LABELS.strategy,
          id: `strategi-${s.id}`,
          overordnat_id: goalId(goal.id),
          ordning: k + 1,
          namn: s.text,
        })),
        ...Object.entries(goal.statements)
          .filter(([pid, text]) => perspectives.has(Number(pid)) && text.trim() !== '')
          .map(([pid, text]) => ({
            ...common,
            typ: TYPE_LABELS.statement,
            id: `${goalId(goal.id)}-${perspectiveId(Number(pid))}`,
            overordnat_id: goalId(goal.id),
            namn: perspectives.get(Number(pid))!.name,
            beskrivning: text,
          })),
      ]),
    ]),
  ];
}

/** Every programme that is not a draft, oldest first, with its structure; and the networks. */
export async function programmesDataset(ctx: AppContext): Promise<DatasetTable> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const [register, networks] = await Promise.all([
    loadRegister(repos, today(ctx)),
    repos.collaboration.networks(collaboration.id),
  ]);
  const published = register.items.filter((i) => i.programme.state !== 'draft');
  const programmes = (await Promise.all(published.map((i) => repos.programmes.get(i.programme.id)))).filter(
    (p): p is Programme => p !== undefined,
  );
  const slugOf = new Map(published.map((i) => [i.programme.id, i.programme.slug]));
  const statusOf = new Map(published.map((i) => [i.programme.id, programmeStatusLabel(i.status)]));
  const networkById = new Map(networks.map((n) => [n.id, n]));
  const rows: ExportRow[] = [
    ...networks.map((n, i) => ({
      typ: TYPE_LABELS.network,
      id: networkId(n),
      ordning: i + 1,
      namn: n.name,
      beskrivning: n.area,
      kalla: n.source,
    })),
    ...programmes.flatMap((p) => programmeRows(p, statusOf.get(p.id) ?? '', networkById, slugOf)),
  ];
  return {
    columns: COLUMNS,
    rows,
    modified: latest(programmes.map((p) => p.updatedAt)),
    temporal: yearSpan(programmes.flatMap((p) => [p.validFromYear, p.validToYear ?? p.targetYear])),
    notices: [],
  };
}
