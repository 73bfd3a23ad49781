/**
 * The goal form, for a new goal and for an existing one: wording, owner, how the goal serves each
 * cross-cutting perspective, strategies, and the earlier goals it continues.
 */
import type { Goal, Programme } from '../../domain/programme/programme.js';
import type { Network } from '../../domain/collaboration.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { Select, TextArea } from '../components/form-field.js';
import { Layout } from '../layout.js';
import {
  ENGLISH_HINT,
  problemsById,
  SavedValues,
  VersionField,
  type RefusedForm,
  type SavedRow,
} from './draft-form-parts.page.js';
import { PredecessorChoices, type PredecessorGroup } from './draft-goal-predecessors.page.js';

/** The goal form's fields as the browser sends them (statements keyed by perspective id). */
export interface GoalFormValues {
  focusAreaId: string;
  title: string;
  description: string;
  networkId: string;
  statements: Record<string, string>;
  strategies: string;
  predecessorGoalIds: string[];
  titleEn: string;
  descriptionEn: string;
  /** One line per strategy, in the Swedish strategies' order. */
  strategiesEn: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The values of a posted goal form (parsed with dotted names), to render it again. */
export function goalFormValues(body: Record<string, unknown>): GoalFormValues {
  const statements =
    body.statements && typeof body.statements === 'object' ? (body.statements as Record<string, unknown>) : {};
  const predecessors = body.predecessorGoalIds;
  return {
    focusAreaId: text(body.focusAreaId),
    title: text(body.title),
    description: text(body.description),
    networkId: text(body.networkId),
    statements: Object.fromEntries(Object.entries(statements).map(([k, v]) => [k, text(v)])),
    strategies: text(body.strategies),
    predecessorGoalIds: (Array.isArray(predecessors) ? predecessors : [predecessors]).map(text).filter(Boolean),
    titleEn: text(body.titleEn),
    descriptionEn: text(body.descriptionEn),
    strategiesEn: text(body.strategiesEn),
  };
}

/** A saved goal's values; a new goal starts in `focusAreaId`. */
export function savedGoalValues(goal: Goal | null, focusAreaId = ''): GoalFormValues {
  return {
    focusAreaId: goal ? String(goal.focusAreaId) : focusAreaId,
    title: goal?.title ?? '',
    description: goal?.description ?? '',
    networkId: goal?.networkId ? String(goal.networkId) : '',
    statements: Object.fromEntries(Object.entries(goal?.statements ?? {}).map(([k, v]) => [k, v])),
    strategies: (goal?.strategies ?? []).map((s) => s.text).join('\n'),
    predecessorGoalIds: (goal?.predecessorGoalIds ?? []).map(String),
    titleEn: goal?.titleEn ?? '',
    descriptionEn: goal?.descriptionEn ?? '',
    strategiesEn: (goal?.strategies ?? [])
      .map((s) => s.textEn ?? '')
      .join('\n')
      .replace(/\n+$/, ''),
  };
}

export interface GoalFormPageProps {
  programme: Programme;
  /** The saved goal being edited; null for a new goal. */
  goal: Goal | null;
  values: GoalFormValues;
  networks: Network[];
  predecessorGroups: PredecessorGroup[];
  refused?: Omit<RefusedForm, 'values'> | undefined;
}

function savedRows(
  programme: Programme,
  goal: Goal | null,
  networks: Network[],
  groups: PredecessorGroup[],
): SavedRow[] {
  if (!goal) return [['Mål i utkastet nu', programme.focusAreas.flatMap((a) => a.goals.map((g) => g.title))]];
  const titles = new Map(groups.flatMap((g) => g.goals.map((x) => [x.id, x.title] as const)));
  return [
    ['Fokusområde', programme.focusAreas.find((a) => a.id === goal.focusAreaId)?.name ?? ''],
    ['Lydelse', goal.title],
    ['Beskrivning', goal.description],
    ['Ansvarigt nätverk', networks.find((n) => n.id === goal.networkId)?.name ?? 'Inget'],
    ...programme.perspectives.map((p): SavedRow => [
      `Bidrag till ${p.name.toLowerCase()}`,
      goal.statements[p.id] ?? '',
    ]),
    ['Strategier', goal.strategies.map((s) => s.text)],
    ['Föregående mål', goal.predecessorGoalIds.map((id) => titles.get(id) ?? `Mål ${id}`)],
  ];
}

export function GoalFormPage({ programme, goal, values, networks, predecessorGroups, refused }: GoalFormPageProps) {
  const title = goal ? 'Redigera mål' : 'Nytt mål';
  const problems = problemsById('', refused, 'focusAreaId');
  const err = (field: string) => errorFor(problems, field);
  const action = goal ? `/program/${programme.slug}/mal/${goal.id}` : `/program/${programme.slug}/mal`;
  return (
    <Layout
      title={problems.length ? `Fel: ${title}` : title}
      description="Formulär för ett mål i ett utkast till utvecklingsprogram: fokusområde, målets text, strategier och föregångare."
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: '/', label: 'Start' },
          { href: '/program', label: 'Program' },
          { href: `/program/${programme.slug}`, label: programme.name },
          { href: `/program/${programme.slug}/redigera`, label: 'Redigera' },
        ]}
        current={title}
      />
      <h1>{title}</h1>
      <p class="ds-paragraph">I utkastet {programme.name}.</p>
      <ErrorSummary errors={problems} title={refused?.conflict ? 'Målet sparades inte' : undefined} />
      <form method="post" action={action} novalidate>
        <VersionField version={programme.version} />
        <Select
          id="focusAreaId"
          label="Fokusområde"
          placeholder="Välj fokusområde"
          options={programme.focusAreas.map((a) => ({ value: String(a.id), label: a.name }))}
          value={values.focusAreaId}
          error={err('focusAreaId')}
        />
        <TextArea id="title" label="Målets lydelse" rows={2} value={values.title} error={err('title')} />
        <TextArea
          id="description"
          label="Beskrivning (valfritt)"
          rows={4}
          value={values.description}
          error={err('description')}
        />
        <Select
          id="networkId"
          label="Ansvarigt nätverk (valfritt)"
          placeholder="Inget ansvarigt nätverk"
          options={networks.map((n) => ({ value: String(n.id), label: n.name }))}
          value={values.networkId}
          error={err('networkId')}
        />
        {programme.perspectives.map((p) => (
          <TextArea
            id={`statement-${p.id}`}
            name={`statements.${p.id}`}
            label={`Hur bidrar målet till ${p.name.toLowerCase()}?`}
            hint={`${p.description ? `${p.description.replace(/\.?$/, '.')} ` : ''}Krävs innan programmet kan föreslås, men inte för att spara utkastet.`}
            rows={3}
            value={values.statements[String(p.id)] ?? ''}
            error={err(`statement-${p.id}`)}
          />
        ))}
        <TextArea
          id="strategies"
          label="Strategier (valfritt)"
          hint="En strategi per rad."
          rows={Math.min(15, Math.max(5, values.strategies.split('\n').length + 1))}
          value={values.strategies}
          error={err('strategies')}
        />
        <TextArea
          id="titleEn"
          label="Målets lydelse på engelska (valfritt)"
          hint={ENGLISH_HINT}
          rows={2}
          value={values.titleEn}
          error={err('titleEn')}
        />
        <TextArea
          id="descriptionEn"
          label="Beskrivning på engelska (valfritt)"
          rows={3}
          value={values.descriptionEn}
          error={err('descriptionEn')}
        />
        <TextArea
          id="strategiesEn"
          label="Strategier på engelska (valfritt)"
          hint="En rad per strategi, i samma ordning som de svenska. En tom rad är en strategi utan engelsk text."
          rows={Math.min(15, Math.max(3, values.strategiesEn.split('\n').length + 1))}
          value={values.strategiesEn}
          error={err('strategiesEn')}
        />
        <PredecessorChoices
          groups={predecessorGroups}
          selected={values.predecessorGoalIds}
          error={err('predecessorGoalIds')}
        />
        {refused?.conflict && (
          <SavedValues
            prefix=""
            level={2}
            message={refused.conflict}
            rows={savedRows(programme, goal, networks, predecessorGroups)}
          />
        )}
        <Button>Spara målet</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/program/${programme.slug}/redigera`}>
          Tillbaka till utkastet utan att spara
        </a>
      </p>
    </Layout>
  );
}
