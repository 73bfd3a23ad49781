/**
 * The demo's example plans: no real plan content of the cooperation is available, so the demo carries
 * invented plans for 2026, every one marked `isExample` and saying so in its first sentence, with a
 * committee decision marked as an example, the follow-up rounds of 2026 and 2027, and reports on the
 * 2026 activities by "Exempeldata". See data/demo/SOURCES.md.
 *
 * Written through the repositories in the demo seed's transaction; returns the audit events to append,
 * one per record, as the rest of the seed does.
 */
import type { ChangeToRecord } from '../app/audit/record-event.js';
import { reportSnapshot } from '../app/follow-up/report-activity.js';
import { roundSnapshot } from '../app/follow-up/rounds.js';
import { activitySnapshot, planDecisionSnapshot, planNames, planSnapshot } from '../app/plans/plan-snapshots.js';
import type { Repositories } from '../app/context.js';
import { loadRegister } from '../app/programmes/list-programmes.js';
import { roundTitle, standardRounds } from '../domain/plans/follow-up-rules.js';
import { REPORT_STATUS_SHORT, type FollowUpRound, type ReportStatus } from '../domain/plans/follow-up.js';
import type { Activity, ClimateEffect, Plan, PlanKind, SustainabilityDimension } from '../domain/plans/plan.js';
import { goalsOf, type Programme } from '../domain/programme/programme.js';
import type { Network } from '../domain/collaboration.js';

/** The year the example plans are for. */
export const DEMO_PLAN_YEAR = 2026;

/** Who the seeded reports say reported them: no person did. */
export const EXAMPLE_REPORTER = 'Exempeldata';

/** The first words of every example plan's summary. */
export const EXAMPLE_SUMMARY_START = 'Påhittat exempel:';

/** The note on every example plan's committee decision. */
export const EXAMPLE_DECISION_NOTE =
  'Exempel: beslutet är påhittat för att visa tjänsten. Samarbetskommitténs verkliga protokoll finns inte i demodata.';

/** [status, progress %, comment] — the comment is empty only when green. */
type ReportSpec = readonly [ReportStatus, number, string];

interface ActivitySpec {
  title: string;
  description: string;
  /** Goals of the plans' programme, by title. */
  goals: readonly string[];
  /** Strategies of those goals, by text. */
  strategies: readonly string[];
  ownerName: string;
  /** SCB codes of the participating members. */
  members: readonly string[];
  startDate: string;
  endDate: string;
  budgetKr: number | null;
  weight: number;
  climateEffect: ClimateEffect;
  climateJustification: string;
  dimension: SustainabilityDimension;
  /** Reports for the year's Tertial 1 and Tertial 2 (none: not reported, late by now). */
  tertial1: ReportSpec;
  tertial2: ReportSpec | null;
}

interface PlanSpec {
  network: string;
  kind: PlanKind;
  title: string;
  summary: string;
  /** Paragraph of the (invented) committee decision. */
  paragraph: string;
  activities: readonly ActivitySpec[];
  actionPlans: readonly Omit<PlanSpec, 'actionPlans' | 'network' | 'kind'>[];
}

const INFRA = 'Stark infrastruktur är en förutsättning för hållbar utveckling';
const COMPANIES = 'Södertörn är det självklara valet för företagen';
const CLIMATE = 'Leda omställningen till ett klimateffektivt samhälle';

const S_TRAVEL = 'Utifrån framkomlighet och minskad klimatpåverkan från resor och transporter.';
const S_PRIORITISED = 'Genom att prioriterade infrastrukturobjekt genomförs.';
const S_SUPPLY = 'Baserat på en robust teknisk försörjning.';
const S_STRONG_INFRA = 'Utifrån en stark infrastruktur.';
const S_WHOLE = 'Genom samsyn om helheten.';
const S_ESTABLISH = 'För fler etableringar och växande företag.';
const S_CO2 = 'Vi bidrar till långsiktig minskning av CO2-utsläpp från resor och transporter inom Södertörn.';

const ALL_MEMBERS = ['0126', '0127', '0128', '0136', '0138', '0140', '0181', '0192'] as const;

const notReal = 'planen är skriven för att visa tjänsten och är inte samverkans verkliga plan.';

/** The invented plans of 2026: two networks' operational plans and one action plan. */
export const DEMO_PLANS: readonly PlanSpec[] = [
  {
    network: 'planeringschefer',
    kind: 'operational',
    title: `Verksamhetsplan ${DEMO_PLAN_YEAR} för planeringschefernas nätverk`,
    summary:
      `${EXAMPLE_SUMMARY_START} ${notReal}\n\n` +
      'Under 2026 samlar planeringscheferna kommunerna kring de infrastrukturobjekt som Södertörn driver ' +
      'tillsammans, den tekniska försörjningen i de områden som byggs ut och planeringen nära stationerna.',
    paragraph: '§ 5',
    activities: [
      {
        title: 'Gemensam prioritering av infrastrukturobjekt',
        description:
          'Nätverket tar fram en gemensam lista över de infrastrukturobjekt som kommunerna driver tillsammans ' +
          'gentemot regionen och staten, med motiv och önskad tidsplan för varje objekt.',
        goals: [INFRA, COMPANIES],
        strategies: [S_PRIORITISED, S_STRONG_INFRA],
        ownerName: 'Planeringschef, Huddinge kommun',
        members: ALL_MEMBERS,
        startDate: '2026-01-15',
        endDate: '2026-11-30',
        budgetKr: 120_000,
        weight: 2,
        climateEffect: 'unknown',
        climateJustification:
          'Beror på vilka objekt som prioriteras: kollektivtrafik och cykel minskar utsläppen, nya vägar kan öka ' +
          'dem. Effekten bedöms när listan är klar.',
        dimension: 'economic',
        tertial1: ['green', 30, ''],
        tertial2: [
          'yellow',
          55,
          'Statens nya åtgärdsplan är försenad; nätverket väntar in den innan listan fastställs i december.',
        ],
      },
      {
        title: 'Kartläggning av den tekniska försörjningen i utbyggnadsområden',
        description:
          'Gemensam kartläggning av kapaciteten i vatten, avlopp och elnät i de områden kommunerna planerar att ' +
          'bygga ut fram till 2035, med förslag på var samordnade investeringar behövs.',
        goals: [INFRA],
        strategies: [S_SUPPLY],
        ownerName: 'Planeringschef, Södertälje kommun',
        members: ['0181', '0140', '0128', '0127'],
        startDate: '2026-02-01',
        endDate: '2026-06-30',
        budgetKr: 300_000,
        weight: 1,
        climateEffect: 'neutral',
        climateJustification:
          'Kartläggningen påverkar inte utsläppen i sig; den ger underlag för beslut om investeringar längre fram.',
        dimension: 'ecological',
        tertial1: ['green', 60, ''],
        tertial2: ['green', 100, ''],
      },
      {
        title: 'Samordnad planering av bebyggelse nära stationer',
        description:
          'Kommunerna jämför sina planer för bostäder och verksamheter nära pendeltågs- och busstationer och tar ' +
          'fram gemensamma principer för täthet, service och trygga gångvägar till stationerna.',
        goals: [INFRA, CLIMATE],
        strategies: [S_TRAVEL, S_CO2],
        ownerName: 'Planeringschef, Botkyrka kommun',
        members: ['0127', '0126', '0136', '0181'],
        startDate: '2026-03-01',
        endDate: '2027-06-30',
        budgetKr: null,
        weight: 1,
        climateEffect: 'reduces',
        climateJustification:
          'Tätare bebyggelse nära stationerna gör det lättare att resa kollektivt och minskar bilresorna.',
        dimension: 'social',
        tertial1: ['green', 15, ''],
        tertial2: null,
      },
      {
        title: 'Samsyn om mark för företagsetableringar',
        description:
          'Tillsammans med näringslivscheferna sammanställer nätverket vilken mark för företag som finns i ' +
          'kommunernas översiktsplaner och hur den nås med tung trafik och med kollektivtrafik.',
        goals: [COMPANIES, INFRA],
        strategies: [S_WHOLE, S_ESTABLISH],
        ownerName: 'Planeringschef, Haninge kommun',
        members: ['0136', '0192', '0138', '0126'],
        startDate: '2026-01-15',
        endDate: '2026-12-31',
        budgetKr: 80_000,
        weight: 1,
        climateEffect: 'increases',
        climateJustification:
          'Nya verksamhetsområden ger mer godstrafik på väg; sammanställningen föreslår hur ökningen kan begränsas.',
        dimension: 'economic',
        tertial1: [
          'red',
          10,
          'Två kommuner har inte kunnat avsätta tid. Arbetet startar om i maj med en mindre arbetsgrupp.',
        ],
        tertial2: ['yellow', 40, 'Arbetsgruppen är i gång, men sammanställningen blir klar först i december.'],
      },
    ],
    actionPlans: [
      {
        title: `Handlingsplan ${DEMO_PLAN_YEAR} för cykel på Södertörn`,
        summary:
          `${EXAMPLE_SUMMARY_START} ${notReal}\n\n` +
          'Handlingsplanen samlar planeringschefernas arbete med regionala cykelstråk och cykelparkering vid ' +
          'stationerna under 2026.',
        paragraph: '§ 6',
        activities: [
          {
            title: 'Gemensam plan för regionala cykelstråk',
            description:
              'Kommunerna i östra Södertörn enas om vilka regionala cykelstråk som ska byggas ut först och hur ' +
              'stråken knyts ihop vid kommungränserna.',
            goals: [INFRA, CLIMATE],
            strategies: [S_TRAVEL, S_CO2],
            ownerName: 'Trafikplanerare, Haninge kommun',
            members: ['0136', '0138', '0126', '0192'],
            startDate: '2026-02-01',
            endDate: '2026-12-31',
            budgetKr: 200_000,
            weight: 1.5,
            climateEffect: 'reduces',
            climateJustification:
              'Fler som cyklar till arbete och skola i stället för att ta bilen minskar utsläppen från resor.',
            dimension: 'ecological',
            tertial1: ['green', 25, ''],
            tertial2: ['green', 60, ''],
          },
          {
            title: 'Cykelparkering vid pendeltågsstationerna',
            description:
              'Inventering av cykelparkeringarna vid stationerna och en gemensam standard för väderskyddade och ' +
              'säkra platser.',
            goals: [CLIMATE],
            strategies: [S_CO2],
            ownerName: 'Trafikplanerare, Södertälje kommun',
            members: ['0181', '0127', '0126', '0136', '0192'],
            startDate: '2026-03-01',
            endDate: '2026-10-31',
            budgetKr: 150_000,
            weight: 1,
            climateEffect: 'reduces',
            climateJustification: 'Säkra platser att ställa cykeln gör det lättare att cykla till tåget.',
            dimension: 'social',
            tertial1: ['yellow', 10, 'Inventeringen blev försenad av snön i mars och görs i maj i stället.'],
            tertial2: [
              'yellow',
              45,
              'Inventeringen är klar i fyra av fem kommuner; standarden blir klar under hösten.',
            ],
          },
        ],
      },
    ],
  },
  {
    network: 'klimatstrateger',
    kind: 'operational',
    title: `Verksamhetsplan ${DEMO_PLAN_YEAR} för klimatstrategernas nätverk`,
    summary:
      `${EXAMPLE_SUMMARY_START} ${notReal}\n\n` +
      'Under 2026 arbetar klimatstrategerna med utsläppen från resor och transporter: en gemensam färdplan, ' +
      'laddinfrastruktur och klimatkrav i upphandlingar, och med anpassningen till ett förändrat klimat.',
    paragraph: '§ 7',
    activities: [
      {
        title: 'Gemensam färdplan för fossilfria transporter',
        description:
          'Klimatstrategerna tar fram en gemensam färdplan med åtgärder som minskar utsläppen från resor och ' +
          'transporter på Södertörn, med delmål för varje år fram till 2030.',
        goals: [CLIMATE],
        strategies: [S_CO2],
        ownerName: 'Klimatstrateg, Botkyrka kommun',
        members: ALL_MEMBERS,
        startDate: '2026-01-15',
        endDate: '2026-12-15',
        budgetKr: 250_000,
        weight: 2,
        climateEffect: 'reduces',
        climateJustification:
          'Färdplanen pekar ut åtgärder som minskar utsläppen; effekten kommer när kommunerna genomför dem.',
        dimension: 'ecological',
        tertial1: ['green', 25, ''],
        tertial2: ['green', 55, ''],
      },
      {
        title: 'Behovet av laddinfrastruktur',
        description:
          'Gemensam analys av var publika laddplatser för elbilar och tunga fordon behövs, som underlag för ' +
          'kommunernas planering och för elnätsbolagen.',
        goals: [CLIMATE, INFRA],
        strategies: [S_CO2, S_SUPPLY],
        ownerName: 'Klimatstrateg, Södertälje kommun',
        members: ['0181', '0140', '0128', '0127', '0126'],
        startDate: '2026-02-01',
        endDate: '2026-09-30',
        budgetKr: 180_000,
        weight: 1,
        climateEffect: 'reduces',
        climateJustification: 'Laddplatser där de behövs gör det lättare att byta till elfordon.',
        dimension: 'ecological',
        tertial1: ['yellow', 20, 'Elnätsbolagens underlag kom sent; analysen av tunga fordon skjuts till augusti.'],
        tertial2: [
          'red',
          45,
          'Underlaget för tunga fordon saknas fortfarande. Aktiviteten behöver förlängas till våren 2027.',
        ],
      },
      {
        title: 'Klimatkrav i gemensamma upphandlingar av transporter',
        description:
          'Gemensamma klimatkrav i kommunernas upphandlingar av skolskjuts, färdtjänst och varutransporter, så ' +
          'att leverantörerna möter samma krav i alla kommuner.',
        goals: [CLIMATE, COMPANIES],
        strategies: [S_CO2, S_WHOLE],
        ownerName: 'Klimatstrateg, Tyresö kommun',
        members: ['0138', '0136', '0192', '0126'],
        startDate: '2026-01-15',
        endDate: '2026-12-31',
        budgetKr: null,
        weight: 1,
        climateEffect: 'reduces',
        climateJustification: 'Krav på fossilfria fordon minskar utsläppen från kommunernas egna transporter.',
        dimension: 'economic',
        tertial1: ['green', 20, ''],
        tertial2: ['yellow', 45, 'Den juridiska granskningen av kraven tar längre tid än planerat.'],
      },
      {
        title: 'Samordnad skyfallskartering',
        description:
          'Kommunerna samordnar sina skyfallskarteringar så att vägar, spår och ledningar som korsar ' +
          'kommungränserna bedöms på samma sätt.',
        goals: [INFRA],
        strategies: [S_SUPPLY],
        ownerName: 'Klimatstrateg, Nynäshamns kommun',
        members: ['0192', '0136', '0138'],
        startDate: '2026-03-01',
        endDate: '2026-11-30',
        budgetKr: 90_000,
        weight: 1,
        climateEffect: 'neutral',
        climateJustification:
          'Klimatanpassning minskar inte utsläppen, men gör infrastrukturen tålig mot ett förändrat klimat.',
        dimension: 'ecological',
        tertial1: ['green', 15, ''],
        tertial2: null,
      },
    ],
    actionPlans: [],
  },
];

/** The (invented) committee decision adopting the example plans, at its January planning conference. */
export const EXAMPLE_DECISION_DATE = `${DEMO_PLAN_YEAR}-01-22`;

/** When the seeded reports say they were made: a few days before each round's deadline. */
const REPORTED_AT = {
  'Tertial 1': `${DEMO_PLAN_YEAR}-05-11T08:00:00.000Z`,
  'Tertial 2': `${DEMO_PLAN_YEAR}-09-10T08:00:00.000Z`,
} as const;

const lookup = <K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Exempelplanerna: ${what} ${String(key)} saknas.`);
  return value;
};

/**
 * The programme the example plans serve, chosen as programmeForPlans (src/app/plans/plan-programme.ts)
 * chooses for new plans, but on the seed's transaction and for the plans' decision day: the one in force,
 * or, when it has no registered goals, the newest that took effect and has them.
 */
async function programmeForExamples(repos: Repositories): Promise<Programme> {
  const { items } = await loadRegister(repos, EXAMPLE_DECISION_DATE);
  for (const item of [...items].reverse().filter((i) => i.status.tookEffect)) {
    const programme = await repos.programmes.get(item.programme.id);
    if (programme && goalsOf(programme).length > 0) return programme;
  }
  throw new Error('Exempelplanerna: inget program med mål gäller.');
}

/**
 * Writes the example plans, their decisions, the follow-up rounds of the plan year and the next, and the
 * reports on the example activities. `now` stamps the records; returns the audit events, in order.
 */
export async function seedDemoPlans(
  repos: Repositories,
  collaborationId: number,
  now: string,
): Promise<ChangeToRecord[]> {
  const events: ChangeToRecord[] = [];
  const programme = await programmeForExamples(repos);
  const goalByTitle = new Map(goalsOf(programme).map((g) => [g.title, g]));
  const strategyByText = new Map(
    goalsOf(programme).flatMap((g) => g.strategies.map((s) => [s.text, { id: s.id, goalId: g.id }] as const)),
  );
  const networks = new Map((await repos.collaboration.networks(collaborationId)).map((n) => [n.key, n]));
  const memberByCode = new Map((await repos.collaboration.members(collaborationId)).map((m) => [m.code, m]));

  const written: { activity: Activity; spec: ActivitySpec }[] = [];

  async function writePlan(
    spec: Omit<PlanSpec, 'actionPlans' | 'network' | 'kind'>,
    network: Network,
    kind: PlanKind,
    parent: Plan | null,
  ): Promise<Plan> {
    const plan = await repos.plans.insertPlan(
      {
        collaborationId,
        networkId: network.id,
        year: DEMO_PLAN_YEAR,
        kind,
        title: spec.title,
        parentPlanId: parent?.id ?? null,
        programmeId: programme.id,
        state: 'adopted',
        summary: spec.summary,
        isExample: true,
        copiedFromPlanId: null,
      },
      now,
    );
    const names = await planNames(repos, plan);
    events.push({
      action: 'plan.created',
      entityType: 'plan',
      entityId: plan.id,
      summary: `Lade till exempelplanen ”${plan.title}” från demodata (påhittad, inte samverkans verkliga plan).`,
      before: null,
      after: planSnapshot(plan, names),
    });
    for (const a of spec.activities) {
      const goals = a.goals.map((title) => lookup(goalByTitle, title, 'målet'));
      const activity = await repos.plans.insertActivity(
        {
          planId: plan.id,
          title: a.title,
          description: a.description,
          goalIds: goals.map((g) => g.id),
          strategyIds: a.strategies.map((text) => {
            const strategy = lookup(strategyByText, text, 'strategin');
            if (!goals.some((g) => g.id === strategy.goalId))
              throw new Error(`Exempelplanerna: strategin ${text} hör inte till aktivitetens mål.`);
            return strategy.id;
          }),
          ownerName: a.ownerName,
          ownerUserId: null,
          memberIds: a.members.map((code) => lookup(memberByCode, code, 'kommunen').id),
          startDate: a.startDate,
          endDate: a.endDate,
          budgetKr: a.budgetKr,
          weight: a.weight,
          climateEffect: a.climateEffect,
          climateJustification: a.climateJustification,
          dimension: a.dimension,
          carriedOverFromActivityId: null,
        },
        now,
      );
      written.push({ activity, spec: a });
      events.push({
        action: 'activity.added',
        entityType: 'activity',
        entityId: activity.id,
        summary: `Lade till aktiviteten ”${activity.title}” i exempelplanen ”${plan.title}”.`,
        before: null,
        after: activitySnapshot(activity, names),
      });
    }
    const decision = await repos.plans.insertDecision(
      {
        planId: plan.id,
        decided: { precision: 'exact', date: EXAMPLE_DECISION_DATE },
        paragraph: spec.paragraph,
        outcome: 'adopted',
        note: EXAMPLE_DECISION_NOTE,
        source: EXAMPLE_REPORTER,
      },
      now,
    );
    events.push({
      action: 'plan_decision.recorded',
      entityType: 'plan_decision',
      entityId: decision.id,
      summary: `Registrerade samarbetskommitténs beslut ${EXAMPLE_DECISION_DATE} att anta exempelplanen ”${plan.title}” (påhittat beslut).`,
      before: null,
      after: planDecisionSnapshot(decision),
    });
    return plan;
  }

  for (const spec of DEMO_PLANS) {
    const network = lookup(networks, spec.network, 'nätverket');
    const plan = await writePlan(spec, network, spec.kind, null);
    for (const child of spec.actionPlans) await writePlan(child, network, 'action', plan);
  }

  const rounds = new Map<string, FollowUpRound>();
  for (const year of [DEMO_PLAN_YEAR, DEMO_PLAN_YEAR + 1]) {
    for (const r of standardRounds(year)) {
      const round = await repos.followUp.insertRound({ collaborationId, year, ...r }, now);
      if (year === DEMO_PLAN_YEAR) rounds.set(round.name, round);
      events.push({
        action: 'follow_up_round.created',
        entityType: 'follow_up_round',
        entityId: round.id,
        summary: `Lade till uppföljningsomgången ”${roundTitle(round)}” med sista dag för rapport ${round.dueDate}.`,
        before: null,
        after: roundSnapshot(round),
      });
    }
  }

  for (const name of ['Tertial 1', 'Tertial 2'] as const) {
    const round = lookup(rounds, name, 'omgången');
    for (const { activity, spec } of written) {
      const report = name === 'Tertial 1' ? spec.tertial1 : spec.tertial2;
      if (!report) continue;
      const [status, progress, comment] = report;
      const saved = await repos.followUp.saveReport({
        activityId: activity.id,
        roundId: round.id,
        status,
        progress,
        comment,
        reportedByUserId: null,
        reportedByName: EXAMPLE_REPORTER,
        reportedAt: REPORTED_AT[name],
      });
      events.push({
        action: 'activity_report.saved',
        entityType: 'activity_report',
        entityId: saved.id,
        summary:
          `Rapporterade för ”${activity.title}” (${roundTitle(round)}): ${REPORT_STATUS_SHORT[status].toLowerCase()}, ` +
          `${progress} % genomfört. Exempeldata, påhittad rapport.`,
        before: null,
        after: reportSnapshot(saved, activity, round),
      });
    }
  }
  return events;
}
