/**
 * The chief networks' plans by year and network, with a filter (a GET form, so the address can be
 * shared) and, for those who write plans, the way to a new one.
 */
import type { PlanOverview } from '../../app/plans/plan-overview.js';
import type { Plan } from '../../domain/plans/plan.js';
import { SwedishData } from '../components/content-text.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
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
  const t = texts().plans;
  const filtered = filter.network !== '' || filter.year !== '';
  return (
    <Layout title={t.title} description={t.description} current={PLANS_PATH}>
      <h1>{t.title}</h1>
      <p class="ds-paragraph">{t.lead}</p>
      {mayCreate && (
        <div class="actions">
          <ButtonLink href={NEW_PLAN_PATH}>{t.newPlan}</ButtonLink>
        </div>
      )}
      <form method="get" action={localized(PLANS_PATH)} class="filter-form" aria-label={t.filterLabel}>
        <Select
          id="natverk"
          label={t.network}
          placeholder={t.allNetworks}
          options={networks.map((n) => ({ value: n.key, label: n.name }))}
          value={filter.network}
        />
        <Select
          id="ar"
          label={t.year}
          placeholder={t.allYears}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          value={filter.year}
        />
        <Button variant="secondary">{t.showPlans}</Button>
      </form>
      {plans.length === 0 && <p class="ds-paragraph">{filtered ? t.noneMatch : t.noneYet}</p>}
      {plans.some((p) => p.isExample) && (
        <p class="ds-alert example-notice" data-color="warning">
          {t.examplesNotice}
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
                  { label: t.columns.plan },
                  { label: t.columns.kind },
                  { label: t.columns.state },
                  { label: t.columns.activities, numeric: true },
                ]}
                rows={ofYear
                  .filter((p) => p.networkId === network.id)
                  .map((p) => [
                    <>
                      <a class="ds-link" href={planPath(p.id)}>
                        <SwedishData>{p.title}</SwedishData>
                      </a>
                      {p.isExample && (
                        <>
                          {' '}
                          <ExampleTag />
                        </>
                      )}
                    </>,
                    t.kind[p.kind],
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
