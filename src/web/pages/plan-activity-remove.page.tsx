/** Asks before an activity leaves a draft plan: it is then kept only in the history. */
import type { Activity, Plan } from '../../domain/plans/plan.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { Layout } from '../layout.js';
import { PLANS_PATH, planPath, RefusalAlert, removeActivityPath, type Refusal } from './plan-parts.page.js';
import { ExampleNotice } from '../components/example-marking.js';

export interface RemoveActivityPageProps {
  plan: Plan;
  activity: Activity;
  refusal?: Refusal | undefined;
}

export function RemoveActivityPage({ plan, activity, refusal }: RemoveActivityPageProps) {
  const title = 'Ta bort aktiviteten';
  return (
    <Layout title={refusal ? `Fel: ${title}` : title} current={PLANS_PATH}>
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
      <form method="post" action={removeActivityPath(plan.id, activity.id)} class="actions">
        <Button>Ta bort aktiviteten</Button>
        <a class="ds-link" href={planPath(plan.id)}>
          Avbryt och gå tillbaka till planen
        </a>
      </form>
    </Layout>
  );
}
