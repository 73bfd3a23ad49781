/**
 * The chief networks' plans by year and network, with a filter (a GET form, so the address can be
 * shared) and, for those who write plans, the way to a new one.
 */
import type { PlanOverview } from '../../app/plans/plan-overview.js';
import { PLAN_KIND_LABELS, type Plan } from '../../domain/plans/plan.js';
import { Button, ButtonLink } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { Select } from '../components/form-field.js';
import { formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import { NEW_PLAN_PATH, PlanStateTag, PLANS_PATH, planPath } from './plan-parts.page.js';
import { ExampleTag } from '../components/example-marking.js';

export interface PlanListPageProps {
  overview: PlanOverview;
  filter: { network: string; year: string };
}

function groupByYear(plans: readonly Plan[]): [number, Plan[]][] {
  const years = new Map<number, Plan[]>();
  for (const p of plans) years.set(p.year, [...(years.get(p.year) ?? []), p]);
  return [...years.entries()].sort(([a], [b]) => b - a);
}

export function PlanListPage({ overview, filter }: PlanListPageProps) {
  const { plans, networks, years, activityCounts, mayCreate } = overview;
  const filtered = filter.network !== '' || filter.year !== '';
  return (
    <Layout
      title="Planer"
      description="Chefsnätverkens verksamhetsplaner och handlingsplaner per år, med status och antal aktiviteter, att filtrera på nätverk och år."
      current={PLANS_PATH}
    >
      <h1>Planer</h1>
      <p class="ds-paragraph">
        Chefsnätverken konkretiserar programmet i en verksamhetsplan per år och handlingsplaner under den. Varje
        aktivitet i en plan bidrar till mål i programmet. Samarbetskommittén antar planerna; antagna planer är
        offentliga.
      </p>
      {mayCreate && (
        <div class="actions">
          <ButtonLink href={NEW_PLAN_PATH}>Ny plan</ButtonLink>
        </div>
      )}
      <form method="get" action={PLANS_PATH} class="filter-form" aria-label="Filtrera planerna">
        <Select
          id="natverk"
          label="Nätverk"
          placeholder="Alla nätverk"
          options={networks.map((n) => ({ value: n.key, label: n.name }))}
          value={filter.network}
        />
        <Select
          id="ar"
          label="År"
          placeholder="Alla år"
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          value={filter.year}
        />
        <Button variant="secondary">Visa planerna</Button>
      </form>
      {plans.length === 0 && (
        <p class="ds-paragraph">
          {filtered ? 'Inga planer matchar filtret.' : 'Det finns inga planer som du kan se ännu.'}
        </p>
      )}
      {plans.some((p) => p.isExample) && (
        <p class="ds-alert example-notice" data-color="warning">
          Exempel: planer märkta Exempel är påhittade för att visa tjänsten; de är inte samverkans verkliga planer.
        </p>
      )}
      {groupByYear(plans).map(([year, ofYear]) => (
        <section aria-labelledby={`ar-${year}`} class="plan-year">
          <h2 id={`ar-${year}`}>{year}</h2>
          {networks
            .filter((n) => ofYear.some((p) => p.networkId === n.id))
            .map((network) => (
              <DataTable
                caption={`${network.name}, ${year}`}
                rowHeaders
                columns={[
                  { label: 'Plan' },
                  { label: 'Slag' },
                  { label: 'Läge' },
                  { label: 'Aktiviteter', numeric: true },
                ]}
                rows={ofYear
                  .filter((p) => p.networkId === network.id)
                  .map((p) => [
                    <>
                      <a class="ds-link" href={planPath(p.id)}>
                        {p.title}
                      </a>
                      {p.isExample && (
                        <>
                          {' '}
                          <ExampleTag />
                        </>
                      )}
                    </>,
                    PLAN_KIND_LABELS[p.kind],
                    <PlanStateTag state={p.state} />,
                    formatNumber(activityCounts.get(p.id) ?? 0),
                  ])}
              />
            ))}
        </section>
      ))}
    </Layout>
  );
}
