/**
 * A new plan: a network's operational plan for a year (/planer/ny), or an action plan under an
 * operational plan (/planer/:id/handlingsplaner/ny), which takes its network and year from it.
 */
import type { NewPlanChoices } from '../../app/plans/plan-form-choices.js';
import type { FieldProblem } from '../../domain/errors.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { Select, TextArea, TextField } from '../components/form-field.js';
import { Layout } from '../layout.js';
import { ProgrammeNote } from './plan-programme-note.page.js';
import { NEW_PLAN_PATH, newActionPlanPath, PLANS_PATH, planPath } from './plan-parts.page.js';
import { ExampleTag } from '../components/example-marking.js';

export type NewPlanFormValues = Record<'networkId' | 'year' | 'title' | 'summary', string>;

export const emptyNewPlanForm = (year: number): NewPlanFormValues => ({
  networkId: '',
  year: String(year),
  title: '',
  summary: '',
});

export interface PlanNewPageProps {
  choices: NewPlanChoices;
  values: NewPlanFormValues;
  problems?: FieldProblem[];
}

export function PlanNewPage({ choices, values, problems = [] }: PlanNewPageProps) {
  const { parent, networks, years, target } = choices;
  const title = parent ? 'Ny handlingsplan' : 'Ny verksamhetsplan';
  const visible = parent ? ['title', 'summary'] : ['networkId', 'year', 'title', 'summary'];
  // Problems with what the form does not show (the parent plan, its year) are the form's own.
  const shown = problems.map((p) => (visible.includes(p.field) ? p : { ...p, field: 'form' }));
  const formProblems = shown.filter((p) => p.field === 'form');
  const err = (field: string) => errorFor(shown, field);
  const crumbs = [
    { href: PLANS_PATH, label: 'Planer' },
    ...(parent ? [{ href: planPath(parent.id), label: parent.title }] : []),
  ];
  return (
    <Layout
      title={problems.length ? `Fel: ${title}` : title}
      description="Formulär för en ny plan: nätverk, år, namn och inledning."
      current={PLANS_PATH}
    >
      <Breadcrumbs items={crumbs} current={title} />
      <h1>{title}</h1>
      {parent ? (
        <p class="ds-paragraph">
          Handlingsplanen hör till ”{parent.title}” och gäller samma nätverk och år, {parent.year}.
          {parent.isExample && (
            <>
              {' '}
              <ExampleTag /> Verksamhetsplanen är ett påhittat exempel, så handlingsplanen blir också ett exempel.
            </>
          )}
        </p>
      ) : (
        <p class="ds-paragraph">
          Varje nätverk har en verksamhetsplan per år. Planen skapas som utkast; aktiviteterna lägger du till på planens
          sida. Finns förra årets plan kan du i stället skapa årets plan från den på förra årets plans sida.
        </p>
      )}
      <ProgrammeNote target={target} />
      <ErrorSummary errors={shown} />
      <form method="post" action={parent ? newActionPlanPath(parent.id) : NEW_PLAN_PATH} novalidate>
        {formProblems.length > 0 && (
          <div class="ds-validation-message" data-field="validation" id="form">
            {formProblems.map((p) => (
              <p class="ds-paragraph">{p.message}</p>
            ))}
          </div>
        )}
        {!parent && (
          <>
            <Select
              id="networkId"
              label="Nätverk"
              placeholder="Välj nätverk"
              options={networks.map((n) => ({ value: String(n.id), label: n.name }))}
              value={values.networkId}
              error={err('networkId')}
            />
            <Select
              id="year"
              label="År"
              hint={`Planer skrivs för åren ${years[0]}–${years.at(-1)}.`}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
              value={values.year}
              error={err('year')}
            />
          </>
        )}
        <TextField
          id="title"
          label="Planens namn"
          hint={
            parent
              ? 'Handlingsplanens tema, till exempel ”Handlingsplan för cykel på Södertörn”.'
              : 'Till exempel ”Verksamhetsplan 2027 för planeringschefernas nätverk”.'
          }
          value={values.title}
          error={err('title')}
        />
        <TextArea
          id="summary"
          label="Inledning (valfritt)"
          hint="Planens inriktning för året, i några stycken."
          rows={6}
          value={values.summary}
          error={err('summary')}
        />
        <Button>{parent ? 'Skapa handlingsplanen' : 'Skapa verksamhetsplanen'}</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={parent ? planPath(parent.id) : PLANS_PATH}>
          Tillbaka utan att spara
        </a>
      </p>
    </Layout>
  );
}
