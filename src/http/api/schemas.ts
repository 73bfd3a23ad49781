/**
 * The public JSON contract of API v1 as zod schemas. The OpenAPI document is generated from these, and the
 * presenters are typed by them, so a field the document promises is a field the code must fill.
 * Names given with `.openapi('Name')` become components in the document.
 */
import { z } from '@hono/zod-openapi';
import { decisionInput } from '../../app/adoption/decision-input.js';

// ---------------------------------------------------------------------------------------------- request

/** `{id}` in every programme path: a slug (the public id) or, for old links, the numeric id. */
export const ProgrammeParams = z.object({
  id: z
    .string({ error: 'Ange programmets id, till exempel sup-2035.' })
    .min(1, { error: 'Ange programmets id, till exempel sup-2035.' })
    .max(100, { error: 'Programmets id får vara högst 100 tecken.' })
    .openapi({
      param: { name: 'id', in: 'path' },
      description: 'Programmets id (slug), till exempel `sup-2035`.',
      example: 'sup-2035',
    }),
});

export const DiffQuery = z.object({
  from: z
    .string({ error: 'Ange vilket program ändringarna ska räknas från, till exempel ?from=sup-2035.' })
    .min(1, { error: 'Ange vilket program ändringarna ska räknas från, till exempel ?from=sup-2035.' })
    .max(100, { error: 'Programmets id får vara högst 100 tecken.' })
    .openapi({
      param: { name: 'from', in: 'query' },
      description: 'Id för den tidigare versionen som ändringarna räknas från.',
      example: 'sup-2035',
    }),
});

/**
 * The decision body is documented from the very schema the use case validates it with (recordDecision
 * parses the raw JSON itself, so the API does not validate it a second time with other messages).
 */
export const DecisionRequest = decisionInput.openapi('DecisionRequest', {
  description:
    'Ett beslut av en medlemskommuns kommunstyrelse (bodyKind `board`, ange memberCode eller memberId) eller av ' +
    'samarbetskommittén (bodyKind `committee`, ange ingen kommun). memberCode är SCB:s kommunkod med fyra siffror. ' +
    'date skrivs ÅÅÅÅ-MM-DD och behövs utom när datePrecision är `unknown`; ett beslut kan inte ligga efter i dag.',
  example: {
    memberCode: '0127',
    bodyKind: 'board',
    datePrecision: 'exact',
    date: '2024-03-18',
    paragraph: '§ 45',
    outcome: 'adopted',
    note: '',
    source: 'Kommunstyrelsens protokoll 2024-03-18',
  },
});

// ---------------------------------------------------------------------------------------------- errors

export const FieldProblem = z
  .object({
    field: z.string().openapi({ description: 'Fältet (JSON-sökvägen) som problemet gäller.', example: 'date' }),
    message: z
      .string()
      .openapi({ example: 'Datumet ska vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2019-10-11.' }),
  })
  .openapi('FieldProblem');

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().openapi({
        description:
          'Stabil felkod: not_found, validation_failed, foreign_member, not_proposed, not_a_draft, not_proposable, ' +
          'conflict, unauthenticated, forbidden, invalid_json, unsupported_media_type, internal_error.',
        example: 'not_found',
      }),
      message: z.string().openapi({
        description: 'Felet på svenska, skrivet för den som ska rätta det.',
        example: 'Programmet finns inte.',
      }),
      problems: z.array(FieldProblem).optional().openapi({ description: 'Vid valideringsfel: ett problem per fält.' }),
    }),
    correlationId: z
      .string()
      .optional()
      .openapi({ description: 'Vid oväntade fel (500): ange den om du kontaktar oss.' }),
  })
  .openapi('Error');

// ---------------------------------------------------------------------------------------------- shared

/**
 * A named schema or null. Trap: zod-to-openapi 9.1 writes `Named.nullable()` as a bare `$ref`, dropping the
 * null; a union keeps it (`anyOf: [$ref, {type: 'null'}]`).
 */
const orNull = <S extends z.ZodType>(schema: S) => z.union([schema, z.null()]);

const IsoDate = z.string().openapi({ format: 'date', description: 'Datum, ÅÅÅÅ-MM-DD.', example: '2019-10-11' });
const Slug = z.string().openapi({ description: 'Programmets id (slug).', example: 'sup-2035' });
const Year = z.number().int().nullable();

export const DecisionDate = z
  .union([
    z.object({ precision: z.enum(['exact', 'on_or_before']), date: IsoDate }),
    z.object({ precision: z.literal('unknown') }),
  ])
  .openapi('DecisionDate', {
    description:
      'Ett datum så exakt som det är känt: `exact` (den dagen), `on_or_before` (senast den dagen) eller `unknown` (okänt, inget datum).',
  });

export const ProgrammeRef = z.object({ id: Slug, name: z.string() }).openapi('ProgrammeRef');

export const Network = z
  .object({
    key: z.string().openapi({ example: 'klimatstrateger' }),
    name: z.string().openapi({ example: 'Klimatstrateger' }),
  })
  .openapi('Network');

export const Member = z
  .object({
    code: z.string().openapi({ description: 'SCB:s kommunkod, fyra siffror.', example: '0127' }),
    name: z.string().openapi({ example: 'Botkyrka' }),
  })
  .openapi('Member');

const Standing = z.enum(['adopted', 'rejected', 'referred_back', 'none']).openapi({
  description: 'Ställningstagandet enligt det senaste beslutet: antaget, avslaget, återremitterat eller inget beslut.',
});

// ---------------------------------------------------------------------------------------------- programmes

export const ProgrammeStatus = z
  .object({
    kind: z.enum(['draft', 'proposed', 'adopting', 'in_force', 'replaced', 'expired']),
    label: z.string().openapi({ description: 'Status på svenska.', example: 'Gällande' }),
    adoptedCount: z.number().int().openapi({ description: 'Antal som har antagit programmet.' }),
    requiredCount: z.number().int().openapi({
      description:
        'Antal som måste anta det: alla medlemmars kommunstyrelser, eller 1 när samarbetskommittén ensam beslutar.',
    }),
    inForceFrom: orNull(DecisionDate).openapi({
      description: 'När programmet börjar (började) gälla; null tills antagandet är klart.',
    }),
    replacedBy: Slug.nullable().openapi({ description: 'Programmet som har ersatt det.' }),
    replacedFrom: orNull(DecisionDate).openapi({ description: 'När ersättaren började gälla.' }),
    expiredOn: IsoDate.nullable().openapi({ description: 'Giltighetsperiodens sista dag, om den har passerats.' }),
  })
  .openapi('ProgrammeStatus', {
    description: 'Härledd ur programmets tillstånd, besluten och dagens datum; lagras aldrig.',
  });

const programmeSummaryShape = {
  id: Slug,
  name: z.string().openapi({ example: 'Södertörns utvecklingsprogram 2035' }),
  targetYear: Year.openapi({ description: 'Målåret, om det anges.', example: 2035 }),
  validity: z
    .object({ fromYear: Year, toYear: Year })
    .openapi({ description: 'Giltighetsperioden i hela år (ofta en mandatperiod); null när den inte anges.' }),
  state: z
    .enum(['draft', 'proposed'])
    .openapi({ description: 'Det som är registrerat: utkast eller föreslaget för antagande.' }),
  adoptionRule: z
    .enum(['all_members', 'committee'])
    .openapi({ description: 'Vem som antar: alla medlemmars kommunstyrelser, eller samarbetskommittén ensam.' }),
  status: ProgrammeStatus,
  replaces: Slug.nullable().openapi({ description: 'Programmet som det här ersätter när det börjar gälla.' }),
  derivedFrom: Slug.nullable().openapi({ description: 'Versionen som texten utgår från.' }),
};

export const ProgrammeSummary = z.object(programmeSummaryShape).openapi('ProgrammeSummary');

export const ProgrammeList = z.object({ programmes: z.array(ProgrammeSummary) }).openapi('ProgrammeList');

export const Perspective = z
  .object({
    name: z.string().openapi({ example: 'Klimat' }),
    description: z.string().openapi({ example: 'Klimatfrågan ska genomsyra alla målområden' }),
  })
  .openapi('Perspective');

export const GoalLink = z
  .object({
    goalId: z.number().int(),
    title: z.string(),
    programme: Slug,
  })
  .openapi('GoalLink', { description: 'Ett mål i ett annat program som målet fortsätter, eller som fortsätter det.' });

export const Goal = z
  .object({
    id: z.number().int().openapi({ description: 'Målets id; nyckeln i målens släktskap mellan program.' }),
    title: z.string(),
    description: z.string(),
    network: orNull(Network).openapi({
      description:
        'Nätverket som målet självt anger; null när det inte anger något (då ansvarar fokusområdets nätverk).',
    }),
    statements: z
      .array(z.object({ perspective: z.string(), statement: z.string().nullable() }))
      .openapi({ description: 'Hur målet bidrar till varje tvärgående perspektiv; null när det inte anges.' }),
    strategies: z.array(z.string()),
    note: z.string(),
    predecessors: z.array(GoalLink),
    successors: z.array(GoalLink),
  })
  .openapi('Goal');

export const FocusArea = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    network: orNull(Network),
    note: z.string(),
    goals: z.array(Goal),
  })
  .openapi('FocusArea');

export const Programme = z
  .object({
    ...programmeSummaryShape,
    vision: z.string(),
    overarchingGoal: z.string(),
    statedChanges: z
      .array(z.string())
      .openapi({ description: 'Förändringarna från förra programmet, så som programmet självt anger dem.' }),
    note: z.string(),
    source: z.string().openapi({ description: 'Var innehållet kommer ifrån.' }),
    successors: z.array(Slug).openapi({ description: 'Program som ersätter det här eller utgår från dess text.' }),
    perspectives: z.array(Perspective),
    focusAreas: z.array(FocusArea),
  })
  .openapi('Programme');

// ---------------------------------------------------------------------------------------------- adoption

export const Decision = z
  .object({
    date: DecisionDate,
    bodyKind: z.enum(['committee', 'management_group', 'board', 'board_committee']),
    member: orNull(Member).openapi({
      description: 'Kommunen vars organ beslutade; null för samarbetskommittén eller när källan inte anger kommunen.',
    }),
    paragraph: z.string().openapi({ example: '§ 78' }),
    outcome: z.enum(['adopted', 'rejected', 'referred_back']),
    note: z.string(),
    source: z.string(),
    recordedAt: z.string().openapi({ format: 'date-time', description: 'När beslutet registrerades.' }),
  })
  .openapi('Decision');

export const MemberAdoption = z
  .object({
    code: z.string().openapi({ example: '0127' }),
    name: z.string().openapi({ example: 'Botkyrka' }),
    standing: Standing,
    decisions: z
      .array(Decision)
      .openapi({ description: 'Kommunstyrelsens beslut om programmet, i registreringsordning.' }),
  })
  .openapi('MemberAdoption');

export const Adoption = z
  .object({
    programme: ProgrammeRef,
    status: ProgrammeStatus,
    committee: z
      .object({ standing: Standing })
      .nullable()
      .openapi({ description: 'Samarbetskommitténs ställningstagande när den ensam antar programmet; annars null.' }),
    members: z.array(MemberAdoption),
    otherDecisions: z.array(Decision).openapi({
      description: 'Samarbetskommitténs beslut, och beslut där källan inte anger vilken kommun som beslutade.',
    }),
  })
  .openapi('Adoption');

export const DecisionRecorded = z
  .object({ programme: ProgrammeRef, decision: Decision, status: ProgrammeStatus })
  .openapi('DecisionRecorded');

// ---------------------------------------------------------------------------------------------- diff

const FocusAreaRef = z.object({ id: z.number().int(), name: z.string() }).openapi('FocusAreaRef');
const FocusAreaMatch = z
  .object({
    from: FocusAreaRef,
    to: FocusAreaRef,
    similarity: z.number().openapi({ description: 'Namnens likhet, 0–1.' }),
  })
  .openapi('FocusAreaMatch');
const GoalRef = z
  .object({
    id: z.number().int(),
    order: z.number().int().openapi({ description: 'Målets plats i programmet (från 0).' }),
    title: z.string(),
    focusAreaId: z.number().int(),
    focusAreaName: z.string(),
  })
  .openapi('GoalRef');
const TextChange = z.object({ from: z.string(), to: z.string() }).openapi('TextChange');
const Validity = z.object({ fromYear: Year, toYear: Year });

export const GoalMatch = z
  .object({
    from: GoalRef,
    to: GoalRef,
    basis: z.enum(['lineage', 'same_text', 'similar_text', 'same_network', 'same_area']).openapi({
      description:
        'Varför målen räknas som samma mål: registrerat släktskap, samma lydelse, liknande lydelse, enda målet för samma nätverk, enda kvarvarande målet i fokusområdet.',
    }),
    similarity: z.number().openapi({ description: 'Likheten mellan lydelse och strategier, 0–1.' }),
    reworded: z.boolean(),
    moved: z
      .boolean()
      .openapi({ description: 'Målet ligger i ett annat fokusområde än motsvarigheten till sitt gamla.' }),
    strategies: z.object({
      added: z.array(z.string()),
      removed: z.array(z.string()),
      reworded: z.array(z.object({ from: z.string(), to: z.string(), similarity: z.number() })),
    }),
  })
  .openapi('GoalMatch');

export const ProgrammeDiff = z
  .object({
    focusAreas: z.object({
      added: z.array(FocusAreaRef),
      removed: z.array(FocusAreaRef),
      renamed: z.array(FocusAreaMatch),
      matched: z.array(FocusAreaMatch),
    }),
    goals: z.object({
      added: z.array(GoalRef),
      removed: z.array(GoalRef),
      matched: z
        .array(GoalMatch)
        .openapi({ description: 'Alla målpar, ändrade eller inte, i den nya versionens ordning.' }),
    }),
    vision: orNull(TextChange),
    overarchingGoal: orNull(TextChange),
    targetYear: z.object({ from: Year, to: Year }).nullable(),
    validity: z.object({ from: Validity, to: Validity }).nullable(),
    perspectives: z.object({ added: z.array(Perspective), removed: z.array(Perspective) }),
  })
  .openapi('ProgrammeDiff', { description: 'Null betyder oförändrat.' });

export const Comparison = z
  .object({
    from: ProgrammeRef,
    to: ProgrammeRef,
    lines: z.array(z.string()).openapi({
      description: 'Förändringarna som svenska rader, färdiga att klistra in i en tjänsteskrivelse.',
      example: ['nytt fokusområde, Funktionell samordning, införs'],
    }),
    diff: ProgrammeDiff,
  })
  .openapi('Comparison');

export type ProgrammeSummaryJson = z.infer<typeof ProgrammeSummary>;
export type ProgrammeListJson = z.infer<typeof ProgrammeList>;
export type GoalJson = z.infer<typeof Goal>;
export type DecisionRecordedJson = z.infer<typeof DecisionRecorded>;
export type ProgrammeJson = z.infer<typeof Programme>;
export type ProgrammeStatusJson = z.infer<typeof ProgrammeStatus>;
export type DecisionJson = z.infer<typeof Decision>;
export type AdoptionJson = z.infer<typeof Adoption>;
export type ComparisonJson = z.infer<typeof Comparison>;
export type ErrorJson = z.infer<typeof ErrorResponse>;
