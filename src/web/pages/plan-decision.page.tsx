/** The secretariat records the committee's decision on a submitted plan. */
import type { FieldProblem } from '../../domain/errors.js';
import type { Plan } from '../../domain/plans/plan.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { RadioGroup } from '../components/fieldset.js';
import { TextArea, TextField } from '../components/form-field.js';
import { Layout } from '../layout.js';
import { planDecisionPath, PlanExampleNotice, PLANS_PATH, planPath } from './plan-parts.page.js';

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
  const err = (field: string) => errorFor(problems, field);
  return (
    <Layout title={problems.length ? `Fel: ${title}` : title} current={PLANS_PATH}>
      <Breadcrumbs
        items={[
          { href: PLANS_PATH, label: 'Planer' },
          { href: planPath(plan.id), label: plan.title },
        ]}
        current="Beslut"
      />
      <h1>{title}</h1>
      {plan.isExample && <PlanExampleNotice />}
      <p class="ds-paragraph">
        Beslutet om {plan.title}. Antas planen blir den offentlig och följs upp; avslås eller återremitteras den går den
        tillbaka till utkast så att nätverket kan ändra den.
      </p>
      <ErrorSummary errors={problems} />
      <form method="post" action={planDecisionPath(plan.id)} novalidate>
        <RadioGroup
          id="outcome"
          legend="Beslut"
          options={[
            { value: 'adopted', label: 'Antagen' },
            { value: 'rejected', label: 'Avslagen' },
            { value: 'referred_back', label: 'Återremitterad' },
          ]}
          value={values.outcome}
          error={err('outcome')}
        />
        <RadioGroup
          id="datePrecision"
          legend="Hur väl känt är beslutsdatumet?"
          options={[
            { value: 'exact', label: 'Exakt datum' },
            {
              value: 'on_or_before',
              label: 'Senast detta datum',
              hint: 'När källan bara säger att beslutet fattats före ett visst datum.',
            },
            { value: 'unknown', label: 'Datum okänt' },
          ]}
          value={values.datePrecision}
          error={err('datePrecision')}
        />
        <TextField
          id="date"
          label="Datum"
          hint="ÅÅÅÅ-MM-DD, till exempel 2027-01-20. Inte senare än i dag."
          size={12}
          inputmode="numeric"
          value={values.date}
          error={err('date')}
        />
        <TextField
          id="paragraph"
          label="Paragraf (valfritt)"
          hint="Till exempel § 4."
          size={12}
          value={values.paragraph}
          error={err('paragraph')}
        />
        <TextArea id="note" label="Anteckning (valfritt)" rows={3} value={values.note} error={err('note')} />
        <TextField
          id="source"
          label="Källa (valfritt)"
          hint="Protokollsutdrag, diarienummer eller adress."
          value={values.source}
          error={err('source')}
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
