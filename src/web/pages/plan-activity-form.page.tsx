/**
 * An activity of a draft plan, new or changed: the programme's goals as checkboxes grouped by focus area,
 * each goal with its strategies; the participating municipalities; owner, period, budget, weight, climate
 * effect and sustainability dimension. Without client JavaScript every choice is always shown.
 */
import type { ActivityFormChoices } from '../../app/plans/plan-form-choices.js';
import type { FieldProblem } from '../../domain/errors.js';
import { CLIMATE_EFFECT_LABELS, DIMENSION_LABELS, type Activity } from '../../domain/plans/plan.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { Checkbox } from '../components/checkbox.js';
import { Fieldset, RadioGroup } from '../components/fieldset.js';
import { ErrorMessage, Select, TextArea, TextField } from '../components/form-field.js';
import { formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import { CARRIED_DATES_RULE } from '../../domain/plans/plan-rules.js';
import { editActivityPath, newActivityPath, PLANS_PATH, planPath } from './plan-parts.page.js';
import { ExampleNotice } from '../components/example-marking.js';
import { SavedActivity } from './plan-activity-saved.page.js';

type TextKeys =
  | 'version'
  | 'title'
  | 'description'
  | 'ownerName'
  | 'ownerUserId'
  | 'startDate'
  | 'endDate'
  | 'budgetKr'
  | 'weight'
  | 'climateEffect'
  | 'climateJustification'
  | 'dimension';
export type ActivityFormValues = Record<TextKeys, string> & Record<'goalIds' | 'strategyIds' | 'memberIds', string[]>;

export const ACTIVITY_LIST_FIELDS = ['goalIds', 'strategyIds', 'memberIds'] as const;

export const emptyActivityForm = (year: number): ActivityFormValues => ({
  version: '',
  title: '',
  description: '',
  goalIds: [],
  strategyIds: [],
  ownerName: '',
  ownerUserId: '',
  memberIds: [],
  startDate: `${year}-01-01`,
  endDate: `${year}-12-31`,
  budgetKr: '',
  weight: '1',
  climateEffect: '',
  climateJustification: '',
  dimension: '',
});

export const activityFormValues = (a: Activity): ActivityFormValues => ({
  version: String(a.version),
  title: a.title,
  description: a.description,
  goalIds: a.goalIds.map(String),
  strategyIds: a.strategyIds.map(String),
  ownerName: a.ownerName,
  ownerUserId: a.ownerUserId === null ? '' : String(a.ownerUserId),
  memberIds: a.memberIds.map(String),
  startDate: a.startDate,
  endDate: a.endDate,
  budgetKr: a.budgetKr === null ? '' : formatNumber(a.budgetKr),
  weight: formatNumber(a.weight),
  climateEffect: a.climateEffect,
  climateJustification: a.climateJustification,
  dimension: a.dimension,
});

function GoalChoices({ choices, values, problems }: Pick<ActivityFormPageProps, 'choices' | 'values' | 'problems'>) {
  const { programme } = choices;
  const goalError = errorFor(problems ?? [], 'goalIds');
  const strategyError = errorFor(problems ?? [], 'strategyIds');
  let firstGoal = true;
  let firstStrategy = true;
  // The first box of each kind carries the field's id: the error summary's link lands on it.
  const goalId = (id: number) => (firstGoal ? ((firstGoal = false), 'goalIds') : `goal-${id}`);
  const strategyId = (id: number) => (firstStrategy ? ((firstStrategy = false), 'strategyIds') : `strategy-${id}`);
  return (
    <Fieldset
      id="goalIds"
      legend="Mål och strategier som aktiviteten bidrar till"
      hint={`Välj minst ett mål i ${programme.name}. Under målen kan du välja de strategier aktiviteten genomför.`}
      error={goalError}
    >
      {programme.focusAreas
        .filter((area) => area.goals.length > 0)
        .map((area) => (
          <fieldset class="ds-fieldset choice-group">
            <legend class="ds-label">Fokusområde: {area.name}</legend>
            {area.goals.map((goal) => (
              <div class="goal-choice">
                <Checkbox
                  id={goalId(goal.id)}
                  name="goalIds"
                  value={goal.id}
                  label={goal.title}
                  checked={values.goalIds.includes(String(goal.id))}
                  errorOf={goalError}
                />
                {goal.strategies.length > 0 && (
                  <fieldset class="ds-fieldset strategy-choices">
                    <legend class="ds-label">Strategier för målet ”{goal.title}”</legend>
                    {goal.strategies.map((s) => (
                      <Checkbox
                        id={strategyId(s.id)}
                        name="strategyIds"
                        value={s.id}
                        label={s.text}
                        checked={values.strategyIds.includes(String(s.id))}
                        errorOf={strategyError}
                      />
                    ))}
                  </fieldset>
                )}
              </div>
            ))}
          </fieldset>
        ))}
      <ErrorMessage id="strategyIds" text={strategyError} />
    </Fieldset>
  );
}

export interface ActivityFormPageProps {
  choices: ActivityFormChoices;
  values: ActivityFormValues;
  problems?: FieldProblem[];
  /** Set when someone else saved the activity first: the saved values are shown beside what the person wrote. */
  conflict?: string | undefined;
}

/** The panel with the activity as saved now, which the error summary links to after a conflict. */
const SAVED_ID = 'senast-sparat';

export function ActivityFormPage({ choices, values, problems = [], conflict }: ActivityFormPageProps) {
  const { plan, network, members, accounts, activity } = choices;
  const title = activity ? `Ändra aktiviteten ”${activity.title}”` : 'Ny aktivitet';
  const err = (field: string) => errorFor(problems, field);
  const memberError = err('memberIds');
  const action = activity ? editActivityPath(plan.id, activity.id) : newActivityPath(plan.id);
  return (
    <Layout
      title={problems.length || conflict ? `Fel: ${title}` : title}
      description="Formulär för en aktivitet i en plan: mål och strategier den bidrar till, ansvarig, kommuner, period, budget, vikt och klimateffekt."
      current={PLANS_PATH}
    >
      <Breadcrumbs
        items={[
          { href: PLANS_PATH, label: 'Planer' },
          { href: planPath(plan.id), label: plan.title },
        ]}
        current={activity ? 'Ändra aktivitet' : 'Ny aktivitet'}
      />
      <h1>{title}</h1>
      {plan.isExample && <ExampleNotice of="plan" />}
      <p class="ds-paragraph">
        I {plan.title} ({network.name}, {plan.year}).
        {activity?.carriedOverFromActivityId != null && (
          <> Aktiviteten är överförd från förra årets plan. {CARRIED_DATES_RULE}</>
        )}
      </p>
      <ErrorSummary
        errors={conflict ? [{ field: SAVED_ID, message: conflict }] : problems}
        title={conflict ? 'Aktiviteten sparades inte' : undefined}
      />
      {conflict && activity && (
        <section
          class="ds-alert"
          data-color="warning"
          id={SAVED_ID}
          tabindex={-1}
          aria-labelledby={`${SAVED_ID}-rubrik`}
        >
          <h2 class="ds-heading" data-size="xs" id={`${SAVED_ID}-rubrik`}>
            Någon annan har ändrat aktiviteten
          </h2>
          <p class="ds-paragraph">{conflict}</p>
          <p class="ds-paragraph">
            Formuläret visar det du skrev. Så här ser aktiviteten ut nu; spara igen om du vill ersätta den med det du
            skrev.
          </p>
          <SavedActivity activity={activity} choices={choices} />
        </section>
      )}
      <form method="post" action={action} novalidate>
        {activity && (
          // After a conflict the form is sent again at the stored version, with what the person wrote.
          <input type="hidden" name="version" value={conflict ? String(activity.version) : values.version} />
        )}
        <TextField id="title" label="Aktivitetens namn" value={values.title} error={err('title')} />
        <TextArea
          id="description"
          label="Beskrivning (valfritt)"
          hint="Vad som ska göras och vad det ska leda till."
          rows={5}
          value={values.description}
          error={err('description')}
        />
        <GoalChoices choices={choices} values={values} problems={problems} />
        <TextField
          id="ownerName"
          label="Ansvarig"
          hint="Den person eller roll som svarar för aktiviteten, till exempel ”Planeringschefen i Huddinge”."
          value={values.ownerName}
          error={err('ownerName')}
        />
        <Select
          id="ownerUserId"
          label="Den ansvariges konto (valfritt)"
          hint={`Kontot rapporterar i uppföljningen och får påminnelser. Bara konton med en roll i ${network.name}.`}
          placeholder="Inget konto"
          options={accounts.map((a) => ({ value: String(a.id), label: a.name }))}
          value={values.ownerUserId}
          error={err('ownerUserId')}
        />
        <Fieldset id="memberIds" legend="Deltagande kommuner (valfritt)" error={memberError}>
          <div class="checkbox-columns">
            {members.map((m, i) => (
              <Checkbox
                id={i === 0 ? 'memberIds' : `member-${m.id}`}
                name="memberIds"
                value={m.id}
                label={m.name}
                checked={values.memberIds.includes(String(m.id))}
                errorOf={memberError}
              />
            ))}
          </div>
        </Fieldset>
        <TextField
          id="startDate"
          label="Startdatum"
          hint={`ÅÅÅÅ-MM-DD, till exempel ${plan.year}-03-01. Aktiviteten ska pågå åtminstone en del av ${plan.year}.`}
          size={12}
          inputmode="numeric"
          value={values.startDate}
          error={err('startDate')}
        />
        <TextField
          id="endDate"
          label="Slutdatum"
          hint={`ÅÅÅÅ-MM-DD, till exempel ${plan.year}-12-31.`}
          size={12}
          inputmode="numeric"
          value={values.endDate}
          error={err('endDate')}
        />
        <TextField
          id="budgetKr"
          label="Budget i kronor (valfritt)"
          hint="Hela kronor, till exempel 1 250 000. Lämna tomt om aktiviteten inte har en egen budget."
          size={16}
          inputmode="numeric"
          value={values.budgetKr}
          error={err('budgetKr')}
        />
        <TextField
          id="weight"
          label="Vikt i uppföljningen"
          hint="Hur mycket aktiviteten väger när framstegen vägs samman per mål och fokusområde: ett tal större än 0, till exempel 1 eller 1,5. Vanligast är 1."
          size={6}
          inputmode="decimal"
          value={values.weight}
          error={err('weight')}
        />
        <RadioGroup
          id="climateEffect"
          legend="Förväntad klimateffekt"
          options={(['reduces', 'neutral', 'increases', 'unknown'] as const).map((value) => ({
            value,
            label: CLIMATE_EFFECT_LABELS[value],
          }))}
          value={values.climateEffect}
          error={err('climateEffect')}
        />
        <TextArea
          id="climateJustification"
          label="Motivering av klimateffekten"
          hint="Krävs när aktiviteten minskar eller ökar klimatpåverkan: skriv varför. Valfri för neutral och okänd."
          rows={3}
          value={values.climateJustification}
          error={err('climateJustification')}
        />
        <RadioGroup
          id="dimension"
          legend="Hållbarhetsdimension"
          options={(['ecological', 'social', 'economic'] as const).map((value) => ({
            value,
            label: DIMENSION_LABELS[value],
          }))}
          value={values.dimension}
          error={err('dimension')}
        />
        <Button>{activity ? 'Spara aktiviteten' : 'Lägg till aktiviteten'}</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={planPath(plan.id)}>
          Tillbaka till planen utan att spara
        </a>
      </p>
    </Layout>
  );
}
