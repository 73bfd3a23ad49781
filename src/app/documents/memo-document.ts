/**
 * The memo (tjänsteskrivelse) a member's administration sends its board on a proposed programme
 * version, in the shape of the cooperation's own memo for Södertörns utvecklingsprogram 2035: the body
 * it goes to, the title, Förslag till beslut (written as already decided, naming the member's own
 * earlier decision), Sammanfattning, Beskrivning av ärendet, the changes from the previous programme,
 * Konsekvenser, Bilagor, Beslutet skickas till and the signatories. What samverkan holds it writes
 * itself; what only the member knows is the member's own text, or a visible placeholder asking for it.
 */
import { boardDecisionsOf, type Decision } from '../../domain/adoption/decision.js';
import { CONSEQUENCE_HEADINGS, EMPTY_MEMO_TEXTS, MEMO_STATUS_LABELS } from '../../domain/memos/memo.js';
import { diffProgrammes } from '../../domain/programme/programme-diff.js';
import { renderDiffSv } from '../../domain/programme/programme-diff-sv.js';
import { goalsOf, type Programme } from '../../domain/programme/programme.js';
import type { Block, Content, DocumentModel, Inline } from '../../documents/document-model.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, today, type AppContext } from '../context.js';
import { getMemo } from '../memos/get-memos.js';
import { documentSlug } from './file-names.js';

const placeholder = (text: string): Inline => ({ text, placeholder: true });

/** Swedish genitive: "Kommunstyrelseförvaltningen" → "Kommunstyrelseförvaltningens"; "…s" stays. */
const genitive = (name: string): string => (/[sxz]$/i.test(name) ? name : `${name}s`);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const sentence = (s: string): string => {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

/** "2013-04-29 § 78" from the member's decision on the earlier programme, placeholders for what is missing. */
function earlierDecisionRuns(decision: Decision | undefined, earlierName: string): Inline[] {
  if (!decision) return [placeholder(`datum och § för kommunstyrelsens beslut om ${earlierName}`)];
  const date: Inline =
    decision.decided.precision === 'exact'
      ? decision.decided.date
      : decision.decided.precision === 'on_or_before'
        ? `senast ${decision.decided.date}`
        : placeholder('datum för beslutet');
  return [date, ' ', decision.paragraph.trim() || placeholder('§')];
}

export async function getMemoDocument(ctx: AppContext, ref: string, memberCode: string): Promise<DocumentModel> {
  const view = await getMemo(ctx, ref, memberCode);
  const { programme, member, settings } = view;
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const [bodies, earlier] = await Promise.all([
    repos.collaboration.bodies(collaboration.id),
    programme.replacesProgrammeId === null ? undefined : repos.programmes.get(programme.replacesProgrammeId),
  ]);
  const earlierDecision = earlier
    ? boardDecisionsOf(await repos.decisions.forProgrammes([earlier.id]), member.id)
        .filter((d) => d.outcome === 'adopted')
        .at(-1)
    : undefined;
  const texts = view.memo ?? EMPTY_MEMO_TEXTS;
  const date = today(ctx);
  const committee = bodies.find((b) => b.kind === 'committee')?.name ?? collaboration.name;
  const managementGroup = bodies.find((b) => b.kind === 'management_group')?.name;
  const administration = settings.administration.trim();
  const addressee = settings.committee.trim();

  const blocks: Block[] = [];
  if (view.status === 'not_started' || view.status === 'draft') {
    blocks.push({
      kind: 'notice',
      text: `Utkast (${MEMO_STATUS_LABELS[view.status].toLowerCase()}): texter inom hakparentes fyller ${member.name} i innan ärendet skickas till kommunstyrelsen.`,
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Förslag till beslut', id: 'forslag-till-beslut' });
  const proposal: Inline[] = [`Förslag till ${programme.name} godkänns`];
  if (earlier)
    proposal.push(
      ' och ersätter motsvarande program som godkändes av kommunstyrelsen ',
      ...earlierDecisionRuns(earlierDecision, earlier.name),
    );
  proposal.push('.');
  blocks.push({ kind: 'list', ordered: true, items: [proposal] });

  blocks.push({ kind: 'heading', level: 2, text: 'Sammanfattning', id: 'sammanfattning' });
  blocks.push(...paragraphs(texts.summary || generatedSummary(programme, committee, earlier)));

  blocks.push({ kind: 'heading', level: 2, text: 'Beskrivning av ärendet', id: 'beskrivning-av-arendet' });
  blocks.push(...description(programme, committee, managementGroup));
  const changes = [...programme.statedChanges.map((c) => c.trim()).filter(Boolean)];
  const structural = earlier ? renderDiffSv(diffProgrammes(earlier, programme)) : [];
  if (changes.length > 0 || structural.length > 0) {
    blocks.push({ kind: 'paragraph', content: 'Förändringar som föreslås från tidigare program är att:' });
    if (changes.length > 0) blocks.push({ kind: 'list', ordered: false, items: changes });
    if (structural.length > 0 && earlier) {
      blocks.push({
        kind: 'paragraph',
        content: `Jämfört med ${earlier.name} ändras programmets delar så här (samverkans jämförelse av de två versionerna):`,
      });
      blocks.push({ kind: 'list', ordered: false, items: structural });
    }
  }
  if (texts.assessment) {
    blocks.push({ kind: 'heading', level: 3, text: 'Förvaltningens bedömning' });
    blocks.push(...paragraphs(texts.assessment));
  }

  if (settings.consequences.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Konsekvenser', id: 'konsekvenser' });
    for (const kind of settings.consequences) {
      blocks.push({ kind: 'heading', level: 3, text: CONSEQUENCE_HEADINGS[kind] });
      const text = texts.consequences[kind];
      blocks.push(
        ...(text
          ? paragraphs(text)
          : [
              {
                kind: 'paragraph' as const,
                content: [placeholder(`beskriv ${lowerFirst(CONSEQUENCE_HEADINGS[kind])}`)],
              },
            ]),
      );
    }
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Bilagor', id: 'bilagor' });
  blocks.push({
    kind: 'list',
    ordered: true,
    items: [`${programme.name}, programdokument (version ${programme.version}, ${date})`],
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Beslutet skickas till', id: 'beslutet-skickas-till' });
  blocks.push({ kind: 'list', ordered: false, items: texts.recipients.length > 0 ? texts.recipients : [committee] });

  blocks.push({
    kind: 'paragraph',
    content: administration ? [{ text: administration, strong: true }] : [placeholder('förvaltningens namn')],
  });
  const signatories =
    texts.signatories.length > 0
      ? texts.signatories.map((s) => ({
          name: s.name as Content,
          title: (s.title || [placeholder('titel')]) as Content,
        }))
      : [
          { name: [placeholder('namn')], title: 'Kommundirektör' },
          { name: [placeholder('namn')], title: [placeholder('titel')] },
        ];
  blocks.push({ kind: 'signatures', people: signatories });

  const sources = [
    `${programme.name}, version ${programme.version} (${programme.state === 'proposed' ? 'föreslagen' : 'utkast'}), ur samverkan. ${programme.source}`.trim(),
    ...(earlier ? [`${earlier.name}: det program som ersätts. ${earlier.source}`.trim()] : []),
    ...(earlierDecision
      ? [`Kommunstyrelsens tidigare beslut: ${earlierDecision.source || 'registrerat i samverkan'}.`]
      : []),
    view.memo
      ? `Tjänsteskrivelsens egna texter: skrivna av ${member.name} kommun i samverkan, senast ändrade ${view.memo.updatedAt.slice(0, 10)}.`
      : `Tjänsteskrivelsens egna texter: inte skrivna ännu av ${member.name} kommun.`,
  ];

  return {
    kind: 'memo',
    title: programme.name,
    subtitle: `${administration ? genitive(administration) : 'Förvaltningens'} förslag till ${addressee ? lowerFirst(addressee) : 'utskottet'} för beslut i kommunstyrelsen`,
    issuer: `${member.name} kommun`,
    documentType: 'Tjänsteskrivelse',
    date,
    fileName: documentSlug(`tjänsteskrivelse ${member.name} ${programme.name} version ${programme.version} ${date}`),
    header: [
      {
        term: 'Till',
        value: addressee ? addressee : [placeholder('utskottets namn, till exempel Kommunledningsutskottet')],
      },
      { term: 'Datum', value: date },
      { term: 'Diarienummer', value: texts.diarienummer || [placeholder('diarienummer')] },
      { term: 'Handläggare', value: texts.officer || [placeholder('namn och titel')] },
    ],
    blocks,
    sources,
  };
}

const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, content: p }));

function generatedSummary(programme: Programme, committee: string, earlier: Programme | undefined): string {
  const period =
    programme.validFromYear !== null && programme.validToYear !== null
      ? ` ${programme.name} ska gälla ${programme.validFromYear}–${programme.validToYear}`
      : '';
  const replaces = earlier ? `${period ? ' och' : ` ${programme.name}`} ersätter ${earlier.name}` : '';
  const tail = period || replaces ? `${period}${replaces}.` : '';
  return (
    `${committee} har tagit fram ett förslag till gemensamt utvecklingsprogram för Södertörnskommunerna. ` +
    `Det anger vision, mål och inriktning för arbetet under mandatperioden. ` +
    `Utvecklingsprogrammet ska beslutas i respektive kommunstyrelse för att vara gällande.${tail}`
  );
}

function description(programme: Programme, committee: string, managementGroup: string | undefined): Block[] {
  const blocks: Block[] = [];
  blocks.push({
    kind: 'paragraph',
    content:
      `Förslaget har tagits fram av ${committee}` +
      (managementGroup ? ` tillsammans med ${lowerFirst(managementGroup)}` : '') +
      '. Programmet anger vision, mål och inriktning för arbetet under mandatperioden samt arbetsformer och ska beslutas i respektive kommunstyrelse för att vara gällande.',
  });
  const facts: { term: string; value: string }[] = [];
  if (programme.validFromYear !== null && programme.validToYear !== null)
    facts.push({ term: 'Giltighetstid', value: `${programme.validFromYear}–${programme.validToYear}` });
  if (programme.targetYear !== null) facts.push({ term: 'Målår', value: String(programme.targetYear) });
  if (facts.length > 0) blocks.push({ kind: 'facts', items: facts });
  if (programme.vision.trim())
    blocks.push({
      kind: 'paragraph',
      content: `Syftet är att kommunerna tillsammans ska arbeta för att uppnå visionen: ${sentence(programme.vision)}`,
    });
  if (programme.overarchingGoal.trim())
    blocks.push({
      kind: 'paragraph',
      content: `Det övergripande målet är ${lowerFirst(sentence(programme.overarchingGoal))}`,
    });
  if (programme.focusAreas.length > 0) {
    blocks.push({
      kind: 'paragraph',
      content: `Samarbetet utgår från ${programme.focusAreas.length === 1 ? 'ett fokusområde' : `${programme.focusAreas.length} fokusområden`}:`,
    });
    blocks.push({
      kind: 'list',
      ordered: false,
      items: programme.focusAreas.map((a) => {
        const goals = a.goals.map((g) => g.title.trim());
        return goals.length > 0 ? `${a.name} (mål: ${goals.join('; ')})` : a.name;
      }),
    });
  }
  if (programme.perspectives.length > 0) {
    blocks.push({ kind: 'paragraph', content: 'Perspektiv som gäller i alla fokusområden:' });
    blocks.push({
      kind: 'list',
      ordered: false,
      items: programme.perspectives.map((p) =>
        p.description.trim() ? `${p.name}: ${lowerFirst(sentence(p.description))}` : p.name,
      ),
    });
  }
  const networks = goalsOf(programme).length;
  blocks.push({
    kind: 'paragraph',
    content:
      'Beslutat utvecklingsprogram konkretiseras sedan i verksamhetsplaner och handlingsplaner som årligen tas fram av chefsnätverken' +
      (networks > 0 ? ', som vart och ett ansvarar för sina mål i programmet.' : '.'),
  });
  return blocks;
}
