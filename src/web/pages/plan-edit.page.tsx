/** A draft plan's name and introduction; the version it was opened at guards against lost updates. */
import type { FieldProblem } from '../../domain/errors.js';
import type { Plan } from '../../domain/plans/plan.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { TextArea, TextField } from '../components/form-field.js';
import { Layout } from '../layout.js';
import { editPlanPath, PLANS_PATH, planPath } from './plan-parts.page.js';
import { ExampleNotice } from '../components/example-marking.js';

export type PlanEditValues = Record<'title' | 'summary' | 'version', string>;

export const planEditValues = (plan: Plan): PlanEditValues => ({
  title: plan.title,
  summary: plan.summary,
  version: String(plan.version),
});

export interface PlanEditPageProps {
  /** The plan as it is stored now. */
  plan: Plan;
  values: PlanEditValues;
  problems?: FieldProblem[];
  /** Set when someone else saved first: the stored texts are shown beside what the person wrote. */
  conflict?: string | undefined;
}

export function PlanEditPage({ plan, values, problems = [], conflict }: PlanEditPageProps) {
  const title = 'Ändra planens namn och inledning';
  const err = (field: string) => errorFor(problems, field);
  // After a conflict the form is sent again at the stored version, with what the person wrote.
  const version = conflict ? String(plan.version) : values.version;
  const summary = conflict ? [] : problems;
  return (
    <Layout
      title={problems.length || conflict ? `Fel: ${title}` : title}
      description="Formulär för att ändra en plans namn och inledning."
      current={PLANS_PATH}
    >
      <Breadcrumbs
        items={[
          { href: PLANS_PATH, label: 'Planer' },
          { href: planPath(plan.id), label: plan.title },
        ]}
        current="Ändra"
      />
      <h1>{title}</h1>
      {plan.isExample && <ExampleNotice of="plan" />}
      <ErrorSummary errors={summary} />
      {conflict && (
        <div class="ds-alert" data-color="danger" role="alert" aria-labelledby="konflikt-rubrik">
          <h2 class="ds-heading" data-size="xs" id="konflikt-rubrik">
            Ändringen sparades inte
          </h2>
          <p class="ds-paragraph">{conflict}</p>
          <p class="ds-paragraph">Så här ser planen ut nu:</p>
          <dl class="facts">
            <dt>Namn</dt>
            <dd>{plan.title}</dd>
            <dt>Inledning</dt>
            <dd class="pre-line">{plan.summary || '–'}</dd>
          </dl>
        </div>
      )}
      <form method="post" action={editPlanPath(plan.id)} novalidate>
        <input type="hidden" name="version" value={version} />
        <TextField id="title" label="Planens namn" value={values.title} error={err('title')} />
        <TextArea
          id="summary"
          label="Inledning (valfritt)"
          hint="Planens inriktning för året, i några stycken. En tom rad skiljer styckena åt."
          rows={8}
          value={values.summary}
          error={err('summary')}
        />
        <Button>Spara</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={planPath(plan.id)}>
          Tillbaka till planen utan att spara
        </a>
      </p>
    </Layout>
  );
}
