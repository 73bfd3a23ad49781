/**
 * The shipped Södertörn demo (data/demo/sodertorn.json) as plain objects ready to insert.
 *
 * Ids: programmes, perspectives, focus areas, goals, strategies and decisions get synthetic ids from one
 * counter starting at 1, unique across the dataset; the five programmes take 1–5. References to rows
 * that have no id here use their position: `networkId` is the network's index + 1 in `networks`, a
 * decision's `memberId` the member's index + 1 in `members`, and `collaborationId` is 1. The seeder
 * maps these to the ids its database assigns. Decisions carry `memberCode` and `bodyKey` (a key in
 * `bodies`) for that purpose; their `bodyId` is null.
 */
import { readFileSync } from 'node:fs';
import type { BodyKind } from '../domain/adoption/decision.js';
import type { Programme } from '../domain/programme/programme.js';
import { parseDemoJson, type RawDemo, type SourceKey } from './demo-json.js';
import { boardCommitteeKey, boardKey, mapProgrammes, type DemoDecision } from './demo-programmes.js';
import {
  BODY_DESCRIPTIONS_SV,
  EVENT_TEXTS_SV,
  SOURCE_CITATIONS_SV,
  boardCommitteeDescriptionSv,
  boardDescriptionSv,
} from './demo-texts-sv.js';

export type { DemoDecision } from './demo-programmes.js';

export interface DemoCollaboration {
  slug: string;
  name: string;
  formalisedYear: number;
  koladaGroupId: string;
  koladaGroupTitle: string;
  source: string;
}

export interface DemoMember {
  /** SCB municipality code. */
  code: string;
  name: string;
}

export interface DemoComparisonArea {
  code: string;
  name: string;
}

export interface DemoBody {
  key: string;
  kind: BodyKind;
  name: string;
  description: string;
  /** The member the body belongs to; null for the collaboration's own bodies. */
  memberCode: string | null;
  source: string;
}

export interface DemoNetwork {
  key: string;
  name: string;
  /** A chief network (chefsnätverk), or a cooperation that owns goals without being one. */
  kind: 'network' | 'cooperation';
  area: string;
  source: string;
}

export interface DemoEvent {
  name: string;
  when: string;
  audience: string;
  content: string;
  memoChange: string;
  source: string;
}

export interface DemoDataset {
  collaboration: DemoCollaboration;
  members: DemoMember[];
  comparisonAreas: DemoComparisonArea[];
  bodies: DemoBody[];
  networks: DemoNetwork[];
  events: DemoEvent[];
  programmes: Programme[];
  decisions: DemoDecision[];
}

export const DEMO_DATA_FILE = new URL('../../data/demo/sodertorn.json', import.meta.url);

/**
 * Reads and maps the demo file; pass its text to skip the file read (tests). `recordedAt` stamps
 * createdAt/updatedAt/recordedAt.
 */
export function loadDemoDataset(jsonText?: string, recordedAt: string = new Date().toISOString()): DemoDataset {
  const raw = parseDemoJson(jsonText ?? readFileSync(DEMO_DATA_FILE, 'utf8'));
  const source = sourceExpander(raw);
  const networks = mapNetworks(raw, source);
  let lastId = 0;

  const { programmes, decisions } = mapProgrammes({
    raw,
    source,
    networkId: networkIdResolver(networks),
    nextId: () => ++lastId,
    recordedAt,
  });

  return {
    collaboration: {
      slug: 'sodertorn',
      name: raw.collaboration.name,
      formalisedYear: raw.collaboration.formalised,
      koladaGroupId: raw.collaboration.kolada_group.id,
      koladaGroupTitle: raw.collaboration.kolada_group.title,
      // The file gives no source for the collaboration as a whole; its organisation is described here.
      source: source(['memo', 'so-org']),
    },
    members: raw.collaboration.members.map(({ code, name }) => ({ code, name })),
    comparisonAreas: raw.collaboration.comparison_areas.map(({ code, name }) => ({ code, name })),
    bodies: mapBodies(raw, source),
    networks,
    events: mapEvents(raw, source),
    programmes,
    decisions,
  };
}

/** Cites each source the way users read it: the Swedish citation, else the file's own text. */
function sourceExpander(raw: RawDemo): (keys: readonly SourceKey[]) => string {
  return (keys) =>
    keys
      .map((key) => {
        const text = raw.sources[key];
        if (text === undefined) throw new Error(`Demodatafilen hänvisar till en okänd källa: ${key}.`);
        return SOURCE_CITATIONS_SV[key] ?? text;
      })
      .join('; ');
}

/** URL-safe key from a Swedish name: "YH-nätverket" → "yh-natverket". */
export function keyOf(name: string): string {
  return name
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function mapNetworks(raw: RawDemo, source: (keys: readonly SourceKey[]) => string): DemoNetwork[] {
  return raw.collaboration.networks.map((n) => ({
    key: keyOf(n.name),
    name: n.name,
    // The file describes a cooperation as "samarbete (cooperation, not a chief network)".
    kind: n.kind?.startsWith('samarbete') ? 'cooperation' : 'network',
    area: n.area,
    source: source(n.source),
  }));
}

/** Programmes may name a network with a qualifier, e.g. "Etablering Södertörn (samarbete)". */
function networkIdResolver(networks: readonly DemoNetwork[]): (name: string) => number {
  return (name) => {
    const bare = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
    const index = networks.findIndex((n) => n.name === name || n.name === bare);
    if (index === -1) throw new Error(`Demodatafilen nämner ett okänt nätverk: ${name}.`);
    return index + 1;
  };
}

function mapBodies(raw: RawDemo, source: (keys: readonly SourceKey[]) => string): DemoBody[] {
  const bodyKinds: Record<string, BodyKind> = { samarbetskommitten: 'committee', ledningsgruppen: 'management_group' };
  const own = raw.collaboration.bodies.flatMap((b): DemoBody[] => {
    const kind = bodyKinds[b.id];
    if (!kind) return [];
    return [
      {
        key: b.id,
        kind,
        name: b.name,
        description: BODY_DESCRIPTIONS_SV[b.id] ?? b.members ?? '',
        memberCode: null,
        source: source(b.source),
      },
    ];
  });

  // One board per member, and the board committee that prepares its decision.
  const board = raw.collaboration.bodies.find((b) => b.id === 'kommunstyrelse');
  const boardSource = source(board?.source ?? ['memo']);
  const perMember = raw.collaboration.members.flatMap((m): DemoBody[] => [
    {
      key: boardKey(m.code),
      kind: 'board',
      name: `Kommunstyrelsen i ${m.name}`,
      description: boardDescriptionSv(m.name),
      memberCode: m.code,
      source: boardSource,
    },
    {
      key: boardCommitteeKey(m.code),
      kind: 'board_committee',
      name: `Kommunstyrelsens beredande utskott (${m.name})`,
      description: boardCommitteeDescriptionSv(m.name),
      memberCode: m.code,
      source: boardSource,
    },
  ]);
  return [...own, ...perMember];
}

function mapEvents(raw: RawDemo, source: (keys: readonly SourceKey[]) => string): DemoEvent[] {
  return raw.collaboration.events.map((e) => {
    const sv = EVENT_TEXTS_SV[e.name] ?? {};
    return {
      name: e.name,
      when: sv.when ?? e.when,
      audience: sv.audience ?? e.audience ?? '',
      content: sv.content ?? e.content ?? '',
      memoChange: e.memo_change ?? '',
      source: source(e.source),
    };
  });
}
