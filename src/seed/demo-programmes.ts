/**
 * The five Södertörn programmes of the demo file, mapped to the domain's Programme and Decision. Each
 * mapping takes from the file what it states and nothing more; what a source does not state stays empty
 * and the programme's note says so.
 */
import type { BodyKind, Decision, DecisionDate } from '../domain/adoption/decision.js';
import type { FocusArea, Goal, Perspective, Programme } from '../domain/programme/programme.js';
import { goalsOf } from '../domain/programme/programme.js';
import type { RawDemo, RawFocusArea, RawProgramme, SourceKey } from './demo-json.js';
import { NOTES_SV, PERSPECTIVE_NAMES_SV, TRUNCATION_MARKER } from './demo-texts-sv.js';

/**
 * A decision ready to insert. `memberId` is the member's index + 1 in the dataset's `members` and
 * `bodyId` is null: the seeder resolves the body from `bodyKey` (a key in the dataset's `bodies`), or,
 * when that is null (the member is not named), leaves it unresolved.
 */
export interface DemoDecision extends Decision {
  memberCode: string | null;
  bodyKey: string | null;
}

export interface ProgrammeMappingContext {
  raw: RawDemo;
  /** Source keys expanded to their texts. */
  source: (keys: readonly SourceKey[]) => string;
  /** Network id (index + 1 in the dataset's `networks`) for a network named in a programme. */
  networkId: (name: string) => number;
  nextId: () => number;
  recordedAt: string;
}

const SLUGS = ['sup-2013', 'sup-2035-proposal', 'sup-2035', 'sup-2035-rev-2021', 'sup-2023'] as const;
type Slug = (typeof SLUGS)[number];

export function mapProgrammes(ctx: ProgrammeMappingContext): { programmes: Programme[]; decisions: DemoDecision[] } {
  const raws = new Map(ctx.raw.programmes.map((p) => [p.id, p]));
  const rawOf = (slug: Slug): RawProgramme => {
    const raw = raws.get(slug);
    if (!raw) throw new Error(`Demodatafilen saknar programmet ${slug}.`);
    return raw;
  };
  // Programme ids first, so links between programmes never depend on the order of the mapping.
  const ids = new Map<Slug, number>(SLUGS.map((slug) => [slug, ctx.nextId()]));
  const idOf = (slug: Slug): number => ids.get(slug) ?? 0;

  const mapper = new ProgrammeMapper(ctx, idOf);
  const sup2013 = mapper.sup2013(rawOf('sup-2013'));
  const proposal = mapper.sup2035Proposal(rawOf('sup-2035-proposal'));
  const sup2035 = mapper.sup2035(rawOf('sup-2035'), proposal, sup2013);
  const rev2021 = mapper.sup2035Rev2021(rawOf('sup-2035-rev-2021'), sup2035);
  const sup2023 = mapper.sup2023(rawOf('sup-2023'));
  return { programmes: [sup2013, proposal, sup2035, rev2021, sup2023], decisions: mapper.decisions };
}

const sv = (text: string): string => (NOTES_SV[text] ?? text).replace(TRUNCATION_MARKER.en, TRUNCATION_MARKER.sv);

class ProgrammeMapper {
  readonly decisions: DemoDecision[] = [];

  constructor(
    private readonly ctx: ProgrammeMappingContext,
    private readonly idOf: (slug: Slug) => number,
  ) {}

  sup2013(raw: RawProgramme): Programme {
    const id = this.idOf('sup-2013');
    const goalsNote =
      'Programmet anger inget målår. Dess åtta mål publicerades som "Mål 2020" på webbplatsen 2008–2014 och som ' +
      '"Mål 2025" på webbplatsen 2021; det är samma åtta mål.';
    const note = [
      `Reviderat ${raw.revised ?? 2013}. ${goalsNote}`,
      ['Mål 2025:', ...(raw.goals_2025 ?? [])].join('\n'),
    ].join('\n\n');

    const example = raw.adopted_example;
    if (example) {
      this.decide(id, {
        member: null,
        bodyKind: 'board',
        bodyKey: null,
        decided: { precision: 'exact', date: example.date },
        paragraph: example.paragraph,
        note: 'Kommunstyrelsen i den kommun som skrev tjänsteskrivelsen; kommunen namnges inte i källan.',
        source: this.ctx.source(example.source),
      });
    }
    return this.programme(raw, id, {
      targetYear: null,
      vision: raw.vision ?? '',
      note,
      focusAreas: this.focusAreas(raw, []),
    });
  }

  sup2035Proposal(raw: RawProgramme): Programme {
    const note = [
      `Förslaget togs fram av Södertörns samarbetskommitté tillsammans med ledningsgruppen.`,
      `Programmet konkretiseras i verksamhetsplaner och handlingsplaner som årligen tas fram av chefsnätverken.`,
      raw.valid?.kind === 'mandatperiod'
        ? `Giltighetsperioden är mandatperioden ${raw.valid.from}–${raw.valid.to}.`
        : '',
      raw.adoption_rule ? `Programmet ${raw.adoption_rule}.` : '',
    ]
      .filter((line) => line !== '')
      .join(' ');
    return this.programme(raw, this.idOf('sup-2035-proposal'), {
      replacesProgrammeId: this.idOf('sup-2013'),
      derivedFromProgrammeId: this.idOf('sup-2013'),
      statedChanges: raw.changes_from_previous ?? [],
      note,
      perspectives: this.perspectives(raw.cross_cutting ?? []),
      focusAreas: this.focusAreas(raw, []),
    });
  }

  sup2035(raw: RawProgramme, proposal: Programme, predecessor: Programme): Programme {
    const id = this.idOf('sup-2035');
    for (const member of this.ctx.raw.collaboration.members) {
      this.decide(id, {
        member: member.code,
        bodyKind: 'board',
        bodyKey: boardKey(member.code),
        decided: { precision: 'on_or_before', date: '2019-10-11' },
        paragraph: '',
        note: 'Exakt datum och paragraf är inte kända; alla åtta kommunstyrelser hade antagit programmet senast 2019-10-11.',
        source: this.ctx.source(['so-2019-news']),
      });
    }
    const note =
      'Den version som publicerades efter antagandet; samtliga åtta kommuner hade antagit programmet senast ' +
      '2019-10-11 (hösten 2019). Den publicerade versionen är den antagna texten av förslaget i tjänsteskrivelsen, ' +
      'därför är giltighetsperioden, det övergripande målet och perspektiven hämtade därifrån. ' +
      'Hur varje mål bidrar till perspektiven anges inte i källorna.';
    return this.programme(raw, id, {
      validFromYear: proposal.validFromYear,
      validToYear: proposal.validToYear,
      overarchingGoal: proposal.overarchingGoal,
      replacesProgrammeId: this.idOf('sup-2013'),
      derivedFromProgrammeId: proposal.id,
      note,
      source: this.ctx.source([...raw.source, 'memo']),
      perspectives: proposal.perspectives.map((p) => ({ ...p, id: this.ctx.nextId() })),
      focusAreas: this.focusAreas(raw, goalsOf(predecessor)),
    });
  }

  sup2035Rev2021(raw: RawProgramme, predecessor: Programme): Programme {
    const id = this.idOf('sup-2035-rev-2021');
    const decided = raw.decided;
    if (decided) {
      this.decide(id, {
        member: null,
        bodyKind: 'committee',
        bodyKey: 'samarbetskommitten',
        decided: { precision: 'exact', date: decided.date },
        paragraph: '',
        note: 'Justering av utvecklingsprogrammet.',
        source: this.ctx.source(['so-2021']),
      });
    }
    return this.programme(raw, id, {
      adoptionRule: 'committee',
      replacesProgrammeId: predecessor.id,
      derivedFromProgrammeId: predecessor.id,
      note:
        'En justering av Södertörns utvecklingsprogram 2035, beslutad av Södertörns samarbetskommitté 2021-01-14. ' +
        'Giltighetsperiod, övergripande mål och perspektiv anges inte i källan.',
      focusAreas: this.focusAreas(raw, goalsOf(predecessor)),
    });
  }

  sup2023(raw: RawProgramme): Programme {
    const id = this.idOf('sup-2023');
    for (const member of this.ctx.raw.collaboration.members) {
      this.decide(id, {
        member: member.code,
        bodyKind: 'board',
        bodyKey: boardKey(member.code),
        decided: { precision: 'unknown' },
        paragraph: '',
        note: 'Antaget av samtliga medlemskommuners kommunstyrelser enligt källan; datum och paragraf är inte kända.',
        source: this.ctx.source(raw.source),
      });
    }
    return this.programme(raw, id, {
      targetYear: null,
      replacesProgrammeId: this.idOf('sup-2035-rev-2021'),
      derivedFromProgrammeId: null,
      note:
        'Skrevs 2022–våren 2023 med stöd av konsulter; fokus på ett hållbart och tillgängligt transportsystem. ' +
        'Målens texter finns inte i källan.',
    });
  }

  private programme(raw: RawProgramme, id: number, fields: Partial<Programme>): Programme {
    return {
      id,
      collaborationId: 1,
      slug: raw.id,
      name: raw.name,
      targetYear: raw.target_year ?? null,
      validFromYear: raw.valid?.from ?? null,
      validToYear: raw.valid?.to ?? null,
      vision: '',
      overarchingGoal: raw.overarching_goal ?? '',
      state: 'proposed',
      adoptionRule: 'all_members',
      replacesProgrammeId: null,
      derivedFromProgrammeId: null,
      statedChanges: [],
      note: '',
      source: this.ctx.source(raw.source),
      perspectives: [],
      focusAreas: [],
      version: 1,
      createdAt: this.ctx.recordedAt,
      updatedAt: this.ctx.recordedAt,
      ...fields,
    };
  }

  private perspectives(sentences: readonly string[]): Perspective[] {
    return sentences.map((sentence, position) => ({
      id: this.ctx.nextId(),
      position,
      name: PERSPECTIVE_NAMES_SV[sentence] ?? sentence,
      description: sentence,
    }));
  }

  /** Lineage is recorded only where a predecessor goal has the identical title: the sources state no more. */
  private focusAreas(raw: RawProgramme, predecessorGoals: readonly Goal[]): FocusArea[] {
    return (raw.focus_areas ?? []).map((entry, position) => {
      const area: RawFocusArea = typeof entry === 'string' ? { name: entry, goals: [] } : entry;
      const id = this.ctx.nextId();
      const areaNetworkId = area.network ? this.ctx.networkId(area.network) : null;
      const areaNote = area.note ? sv(area.note) : '';
      return {
        id,
        position,
        name: area.name,
        description: '',
        networkId: areaNetworkId,
        note: areaNote,
        goals: area.goals.map((goal, goalPosition): Goal => ({
          id: this.ctx.nextId(),
          focusAreaId: id,
          position: goalPosition,
          title: goal.title,
          description: '',
          networkId: goal.network ? this.ctx.networkId(goal.network) : areaNetworkId,
          statements: {},
          predecessorGoalIds: predecessorGoals.filter((p) => p.title === goal.title).map((p) => p.id),
          strategies: goal.strategies.map((text, strategyPosition) => ({
            id: this.ctx.nextId(),
            position: strategyPosition,
            text: sv(text),
          })),
          // The missing strategies are a gap in the goal's record, so the goal carries the note too.
          note: goal.strategies.length === 0 ? areaNote : '',
        })),
      };
    });
  }

  private decide(
    programmeId: number,
    d: {
      member: string | null;
      bodyKind: BodyKind;
      bodyKey: string | null;
      decided: DecisionDate;
      paragraph: string;
      note: string;
      source: string;
    },
  ): void {
    const members = this.ctx.raw.collaboration.members;
    const index = d.member === null ? -1 : members.findIndex((m) => m.code === d.member);
    this.decisions.push({
      id: this.ctx.nextId(),
      programmeId,
      memberId: index === -1 ? null : index + 1,
      bodyId: null,
      bodyKind: d.bodyKind,
      decided: d.decided,
      paragraph: d.paragraph,
      outcome: 'adopted',
      note: d.note,
      source: d.source,
      recordedAt: this.ctx.recordedAt,
      memberCode: d.member,
      bodyKey: d.bodyKey,
    });
  }
}

export const boardKey = (memberCode: string): string => `kommunstyrelse-${memberCode}`;
export const boardCommitteeKey = (memberCode: string): string => `kommunstyrelsens-utskott-${memberCode}`;
