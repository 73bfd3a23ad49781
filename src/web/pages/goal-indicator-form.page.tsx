/**
 * Linking an indicator to a programme goal with its target, and the confirmation before a link is
 * removed. Without client JavaScript every field is always shown; each label says when it applies.
 */
import {
  MEASURE_LABELS_SV,
  type LinkFormChoices,
  type LinkToRemove,
} from '../../app/indicators/link-goal-indicator.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { ProgrammeSummary } from '../../domain/programme/programme.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { RadioGroup } from '../components/fieldset.js';
import { Select, TextArea, TextField } from '../components/form-field.js';
import { Layout } from '../layout.js';
import { valueText } from '../present.js';

export const goalPath = (goalId: number) => `/mal/${goalId}`;
export const linkFormPath = (goalId: number) => `/mal/${goalId}/nyckeltal/ny`;
export const removeLinkPath = (goalId: number, linkId: number) => `/mal/${goalId}/nyckeltal/${linkId}/ta-bort`;

/** The fields as the browser sends them. */
export type GoalIndicatorFormValues = Record<
  | 'indicatorKey'
  | 'measure'
  | 'areaCode'
  | 'targetKind'
  | 'targetValue'
  | 'baseValue'
  | 'comparisonAreaCode'
  | 'direction'
  | 'baseYear'
  | 'targetYear'
  | 'note'
  | 'source',
  string
>;

/** An empty form; the target year starts at the programme's own. */
export const emptyLinkForm = (programme: Pick<ProgrammeSummary, 'targetYear'>): GoalIndicatorFormValues => ({
  indicatorKey: '',
  measure: '',
  areaCode: '',
  targetKind: '',
  targetValue: '',
  baseValue: '',
  comparisonAreaCode: '',
  direction: '',
  baseYear: '',
  targetYear: programme.targetYear === null ? '' : String(programme.targetYear),
  note: '',
  source: '',
});

const goalCrumbs = (goal: LinkFormChoices['goal']) => [
  { href: '/program', label: 'Program' },
  { href: `/program/${goal.programme.slug}`, label: goal.programme.name },
  { href: goalPath(goal.goalId), label: goal.title },
];

export interface GoalIndicatorFormPageProps {
  choices: LinkFormChoices;
  values: GoalIndicatorFormValues;
  problems?: FieldProblem[];
}

export function GoalIndicatorFormPage({ choices, values, problems = [] }: GoalIndicatorFormPageProps) {
  const { goal, indicators, members, comparisonAreas } = choices;
  const title = 'Koppla ett nyckeltal till målet';
  const err = (field: string) => errorFor(problems, field);
  const area = (a: { code: string; name: string }) => ({ value: a.code, label: `${a.name} (${a.code})` });
  return (
    <Layout
      title={problems.length ? `Fel: ${title}` : title}
      description="Koppla ett nyckeltal till målet med basår, målvärde för målåret och riktning, eller ett mål relativt ett jämförelseområde."
      current="/program"
    >
      <Breadcrumbs items={goalCrumbs(goal)} current={title} />
      <h1>{title}</h1>
      <p class="ds-paragraph">
        Målet ”{goal.title}” i {goal.programme.name}. Nyckeltalets utveckling bedöms mot målet du anger här, och
        bedömningen visas på målets sida.
      </p>
      <ErrorSummary errors={problems} />
      <form method="post" action={linkFormPath(goal.goalId)} novalidate>
        <Select
          id="indicatorKey"
          label="Nyckeltal"
          hint="Nyckeltalen som följs i samverkan. Saknas det du behöver: lägg till det under Nyckeltal först."
          placeholder="Välj nyckeltal"
          options={indicators.map((i) => ({ value: i.key, label: `${i.title} (${i.unit})` }))}
          value={values.indicatorKey}
          error={err('indicatorKey')}
        />
        <RadioGroup
          id="measure"
          legend="Vad ska följas?"
          options={[
            {
              value: 'unweighted_mean',
              label: `${MEASURE_LABELS_SV.unweighted_mean} för medlemmarna`,
              hint: 'Medelvärdet av kommunernas värden, som Koladas kommungrupper räknar. För andelar och tal per invånare.',
            },
            {
              value: 'weighted_mean',
              label: MEASURE_LABELS_SV.weighted_mean,
              hint: 'Värdet för alla medlemmarnas invånare tillsammans. Bara för nyckeltal med en vikt, till exempel befolkningen.',
            },
            {
              value: 'sum',
              label: `${MEASURE_LABELS_SV.sum} för medlemmarna`,
              hint: 'Bara för nyckeltal som är antal, till exempel antal invånare.',
            },
            {
              value: 'area',
              label: MEASURE_LABELS_SV.area,
              hint: 'En medlemskommun, regionen eller riket. Välj området i nästa fält.',
            },
          ]}
          value={values.measure}
          error={err('measure')}
        />
        <Select
          id="areaCode"
          label="Området som följs (bara för ett enskilt område)"
          placeholder="Inget enskilt område"
          options={[...members, ...comparisonAreas].map(area)}
          value={values.areaCode}
          error={err('areaCode')}
        />
        <RadioGroup
          id="targetKind"
          legend="Slag av mål"
          options={[
            { value: 'absolute', label: 'Ett målvärde', hint: 'Till exempel 30 procent år 2035.' },
            {
              value: 'relative',
              label: 'Jämfört med ett annat område',
              hint: 'Till exempel minst lika högt som riket år 2025.',
            },
          ]}
          value={values.targetKind}
          error={err('targetKind')}
        />
        <TextField
          id="targetValue"
          label="Målvärde (bara för ett målvärde)"
          hint="I nyckeltalets enhet, med decimalkomma om det behövs, till exempel 12,5."
          inputmode="decimal"
          size={12}
          value={values.targetValue}
          error={err('targetValue')}
        />
        <TextField
          id="baseValue"
          label="Basvärde (valfritt, bara för ett målvärde)"
          hint="Värdet basåret, om beslutet anger ett. Lämna tomt så används det uppmätta värdet för basåret."
          inputmode="decimal"
          size={12}
          value={values.baseValue}
          error={err('baseValue')}
        />
        <Select
          id="comparisonAreaCode"
          label="Jämförelseområde (bara för ett mål jämfört med ett annat område)"
          placeholder="Inget jämförelseområde"
          options={comparisonAreas.map(area)}
          value={values.comparisonAreaCode}
          error={err('comparisonAreaCode')}
        />
        <RadioGroup
          id="direction"
          legend="Vad är bättre?"
          hint="För ett mål jämfört med ett annat område: högre betyder minst lika högt som området, lägre högst lika högt."
          options={[
            { value: 'higher', label: 'Högre värden är bättre' },
            { value: 'lower', label: 'Lägre värden är bättre' },
          ]}
          value={values.direction}
          error={err('direction')}
        />
        <TextField
          id="baseYear"
          label="Basår"
          hint="Året målbanan utgår från, med fyra siffror, till exempel 2023."
          inputmode="numeric"
          size={4}
          value={values.baseYear}
          error={err('baseYear')}
        />
        <TextField
          id="targetYear"
          label="Målår"
          hint="Året målet ska vara nått, senare än basåret."
          inputmode="numeric"
          size={4}
          value={values.targetYear}
          error={err('targetYear')}
        />
        <TextArea id="note" label="Anteckning (valfritt)" rows={3} value={values.note} error={err('note')} />
        <TextField
          id="source"
          label="Källa för målet (valfritt)"
          hint="Var målet är beslutat, till exempel programmets text eller ett protokoll."
          value={values.source}
          error={err('source')}
        />
        <Button>Koppla nyckeltalet</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={goalPath(goal.goalId)}>
          Tillbaka till målet utan att spara
        </a>
      </p>
    </Layout>
  );
}

/** The target of a link in one phrase, for the confirmation. */
function targetPhrase({ link, indicator }: LinkToRemove, areaName: (code: string | null) => string): string {
  const year = `år ${link.targetYear} (basår ${link.baseYear})`;
  if (link.targetKind === 'relative') {
    const how = link.direction === 'higher' ? 'minst lika högt som' : 'högst lika högt som';
    return `${how} ${areaName(link.comparisonAreaCode)} ${year}`;
  }
  return `${valueText(link.targetValue, indicator.decimals)} ${indicator.unit} ${year}`;
}

export interface RemoveLinkPageProps {
  found: LinkToRemove;
  /** Area code → name, for the confirmation's wording. */
  areaNames: Map<string, string>;
}

/** Asks before a link goes: its target is not kept anywhere but in the history. */
export function RemoveLinkPage({ found, areaNames }: RemoveLinkPageProps) {
  const { link, indicator, goal } = found;
  const title = 'Ta bort nyckeltalet från målet';
  const areaName = (code: string | null) => (code === null ? '' : (areaNames.get(code) ?? code));
  const measured = link.measure === 'area' ? areaName(link.areaCode) : MEASURE_LABELS_SV[link.measure].toLowerCase();
  return (
    <Layout
      title={title}
      current="/program"
      description="Bekräfta att nyckeltalet tas bort från målet. Nyckeltalet och dess värden finns kvar."
    >
      <Breadcrumbs items={goalCrumbs(goal)} current={title} />
      <h1>{title}</h1>
      <p class="ds-paragraph">
        Målet ”{goal.title}” slutar följas med nyckeltalet ”{indicator.title}” ({measured}), med målet{' '}
        {targetPhrase(found, areaName)}. Nyckeltalet och dess värden finns kvar, och kopplingen syns i historiken.
      </p>
      <form method="post" action={removeLinkPath(goal.goalId, link.id)} class="actions">
        <Button>Ta bort kopplingen</Button>
        <a class="ds-link" href={goalPath(goal.goalId)}>
          Avbryt och gå tillbaka till målet
        </a>
      </form>
    </Layout>
  );
}
