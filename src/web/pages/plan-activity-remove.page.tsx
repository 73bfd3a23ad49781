/**
 * Asks before an activity leaves a draft plan: it is then kept only in the history. The activity is shown
 * as saved now, and the removal names that version, so an activity changed meanwhile is not removed unseen.
 */
import type { ActivityFormChoices } from '../../app/plans/plan-form-choices.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { Layout } from '../layout.js';
import { PLANS_PATH, planPath, RefusalAlert, removeActivityPath, type Refusal } from './plan-parts.page.js';
import { ExampleNotice } from '../components/example-marking.js';
import { SavedActivity } from './plan-activity-saved.page.js';

export interface RemoveActivityPageProps {
  /** The plan and the activity (as saved now), with the names its goals, members and owner account need. */
  choices: ActivityFormChoices & { activity: NonNullable<ActivityFormChoices['activity']> };
  refusal?: Refusal | undefined;
}

export function RemoveActivityPage({ choices, refusal }: RemoveActivityPageProps) {
  const { plan, activity } = choices;
  const title = 'Ta bort aktiviteten';
  return (
    <Layout
      title={refusal ? `Fel: ${title}` : title}
      description="Bekräfta att en aktivitet tas bort ur planen. Ändringen finns kvar i planens ändringshistorik."
      current={PLANS_PATH}
    >
      <Breadcrumbs
        items={[
          { href: PLANS_PATH, label: 'Planer' },
          { href: planPath(plan.id), label: plan.title },
        ]}
        current={title}
      />
      <h1>{title}</h1>
      {plan.isExample && <ExampleNotice of="plan" />}
      <RefusalAlert refusal={refusal} />
      <p class="ds-paragraph">
        Aktiviteten ”{activity.title}” tas bort ur {plan.title}. Den finns sedan bara kvar i historiken.
      </p>
      <SavedActivity activity={activity} choices={choices} />
      <form method="post" action={removeActivityPath(plan.id, activity.id)} class="actions">
        <input type="hidden" name="version" value={String(activity.version)} />
        <Button>Ta bort aktiviteten</Button>
        <a class="ds-link" href={planPath(plan.id)}>
          Avbryt och gå tillbaka till planen
        </a>
      </form>
    </Layout>
  );
}
