/** The secretariat records the committee's decision on a submitted plan. */
import type { FieldProblem } from '../../domain/errors.js';
import type { Plan } from '../../domain/plans/plan.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary } from '../components/error-summary.js';
import { DecisionFields } from '../components/decision-fields.js';
import { PLAN_OUTCOME_LABELS } from '../present.js';
import { Layout } from '../layout.js';
import { planDecisionPath, PLANS_PATH, planPath } from './plan-parts.page.js';
import { ExampleNotice } from '../components/example-marking.js';

export type PlanDecisionValues = Record<'outcome' | 'datePrecision' | 'date' | 'paragraph' | 'note' | 'source', string>;

export const EMPTY_PLAN_DECISION: PlanDecisionValues = {
  outcome: '',
  datePrecision: 'exact',
  date: '',
  paragraph: '',
  note: '',
  source: '',
};

export interface PlanDecisionPageProps {
  plan: Plan;
  values: PlanDecisionValues;
  problems?: FieldProblem[];
}

export function PlanDecisionPage({ plan, values, problems = [] }: PlanDecisionPageProps) {
  const title = 'Registrera samarbetskommitténs beslut';
  return (
    <Layout
      title={problems.length ? `Fel: ${title}` : title}
      description="Formulär för samarbetskommitténs beslut om en plan: datum, paragraf, utfall, anteckning och källa."
      current={PLANS_PATH}
    >
      <Breadcrumbs
        items={[
          { href: PLANS_PATH, label: 'Planer' },
          { href: planPath(plan.id), label: plan.title },
        ]}
        current="Beslut"
      />
      <h1>{title}</h1>
      {plan.isExample && <ExampleNotice of="plan" />}
      <p class="ds-paragraph">
        Beslutet om {plan.title}. Antas planen blir den offentlig och följs upp; avslås eller återremitteras den går den
        tillbaka till utkast så att nätverket kan ändra den.
      </p>
      <ErrorSummary errors={problems} />
      <form method="post" action={planDecisionPath(plan.id)} novalidate>
        <DecisionFields
          values={values}
          problems={problems}
          outcomeLabels={PLAN_OUTCOME_LABELS}
          example={{ date: '2027-01-20', paragraph: '§ 4' }}
        />
        <Button>Registrera beslutet</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={planPath(plan.id)}>
          Tillbaka till planen utan att spara
        </a>
      </p>
    </Layout>
  );
}
