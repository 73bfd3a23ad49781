import type { GoalUsingIndicator } from '../../app/indicators/goal-targets.js';
import { raw } from 'hono/html';
import { groupName, type IndicatorData, type IndicatorHead } from '../../app/indicators/indicator-data.js';
import { GROUP_FIGURE_LABELS_SV, groupFigureExplanationSv } from '../../domain/indicators/group-figures.js';
import { GENDER_LABELS_SV, type Gender, type Indicator } from '../../domain/indicators/indicator.js';
import { VERDICT_LABELS_SV } from '../../domain/indicators/target-verdict.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ButtonLink } from '../components/button.js';
import { ChartFigure } from '../components/chart-figure.js';
import { DataTable } from '../components/data-table.js';
import { Select } from '../components/form-field.js';
import { Layout } from '../layout.js';
import { AGGREGATION_LABELS, ORIGIN_LABELS, valueText } from '../present.js';

export interface IndicatorPageProps {
  head: IndicatorHead;
  /** The figures section, as rendered by IndicatorFigures. */
  figures: string;
  goals: GoalUsingIndicator[];
}

/** Facts about an indicator: what it measures, its unit, where its values come from, and on what terms. */
export function IndicatorFacts({ indicator }: { indicator: Indicator }) {
  return (
    <dl class="facts">
      <dt>Id</dt>
      <dd>{indicator.key}</dd>
      <dt>Definition</dt>
      <dd>{indicator.definition || 'Ingen definition angiven.'}</dd>
      <dt>Enhet</dt>
      <dd>{indicator.unit || 'Ingen enhet angiven'}</dd>
      <dt>Gruppens värde</dt>
      <dd>{AGGREGATION_LABELS[indicator.aggregation]}</dd>
      <dt>Ursprung</dt>
      <dd>{ORIGIN_LABELS[indicator.origin]}</dd>
      <dt>Källa</dt>
      <dd>
        {indicator.source}
        {indicator.origin === 'kolada' && ' Källa: Kolada.'}
      </dd>
      <dt>Licens</dt>
      <dd>{indicator.licence || 'Ingen licens angiven.'}</dd>
    </dl>
  );
}

function GenderForm({ data, gender, action }: { data: IndicatorData; gender: Gender; action: string }) {
  if (data.genders.length < 2) return null;
  return (
    <form method="get" action={action} class="filter-form" aria-label="Välj kön">
      <Select
        id="kon"
        label="Visa värden för"
        options={data.genders.map((g) => ({ value: g, label: GENDER_LABELS_SV[g] }))}
        value={gender}
      />
      <Button variant="secondary">Visa</Button>
    </form>
  );
}

/**
 * An indicator's figures over time: chart and table for members, group, region and nation, the group
 * figures explained, and the gender split. Depends only on the data (cached per data version).
 */
export function IndicatorFigures({
  data,
  gender,
  chartSvg,
}: {
  data: IndicatorData;
  gender: Gender;
  chartSvg: string;
}) {
  const { indicator, years, members, comparisonAreas } = data;
  const latest = years.at(-1);
  const decimals = indicator.decimals;
  const group = groupName(data.collaboration);
  const groupKinds = latest === undefined ? [] : data.groupFigures(latest, gender).map((f) => f.kind);
  const nameOf = (code: string) => members.find((m) => m.code === code)?.name ?? code;
  const href = `/nyckeltal/${indicator.key}`;
  if (latest === undefined) return <p class="ds-paragraph">Det finns inga värden för nyckeltalet ännu.</p>;
  return (
    <>
      <div class="actions">
        <ButtonLink href={`${href}/jamforelse?ar=${latest}&kon=${gender}`} variant="secondary">
          Jämför kommunerna {latest}
        </ButtonLink>
      </div>
      <GenderForm data={data} gender={gender} action={href} />
      <h2>
        Utveckling {years[0]}–{latest}
      </h2>
      <ChartFigure
        caption={`${indicator.title}, ${GENDER_LABELS_SV[gender].toLowerCase()}, per år (${indicator.unit}). Medlemskommunerna, ${group}, ${comparisonAreas.map((a) => a.name).join(' och ')}.`}
        svg={chartSvg}
      >
        <DataTable
          caption={`${indicator.title} per år, ${GENDER_LABELS_SV[gender].toLowerCase()} (${indicator.unit})`}
          rowHeaders
          columns={[
            { label: 'År' },
            ...members.map((m) => ({ label: m.name, numeric: true })),
            ...groupKinds.map((k) => ({
              label: `${group}, ${GROUP_FIGURE_LABELS_SV[k].toLowerCase()}`,
              numeric: true,
            })),
            ...comparisonAreas.map((a) => ({ label: a.name, numeric: true })),
          ]}
          rows={years.map((year) => [
            String(year),
            ...members.map((m) => valueText(data.value(m.code, year, gender)?.value, decimals)),
            ...groupKinds.map((k) =>
              valueText(data.groupFigures(year, gender).find((f) => f.kind === k)?.value, decimals),
            ),
            ...comparisonAreas.map((a) => valueText(data.value(a.code, year, gender)?.value, decimals)),
          ])}
        />
      </ChartFigure>

      <h2>Gruppens värde {latest}</h2>
      <ul class="ds-list">
        {data.groupFigures(latest, gender).map((f) => (
          <li>
            <strong>
              {GROUP_FIGURE_LABELS_SV[f.kind]}: {valueText(f.value, decimals)} {f.value !== null && indicator.unit}
            </strong>
            .{' '}
            {groupFigureExplanationSv(f, members.length, nameOf, {
              koladaGroupId: data.collaboration.koladaGroupId,
            })}
          </li>
        ))}
      </ul>

      {data.genders.length > 1 && (
        <>
          <h2>Kvinnor och män {latest}</h2>
          <DataTable
            caption={`${indicator.title} ${latest} per kön (${indicator.unit})`}
            rowHeaders
            columns={[{ label: 'Område' }, ...data.genders.map((g) => ({ label: GENDER_LABELS_SV[g], numeric: true }))]}
            rows={[...members, ...comparisonAreas].map((a) => [
              a.name,
              ...data.genders.map((g) => valueText(data.value(a.code, latest, g)?.value, decimals)),
            ])}
          />
        </>
      )}
    </>
  );
}

/** An indicator: what it is, its figures (rendered once per data version), the goals it follows, downloads. */
export function IndicatorPage({ head, figures, goals }: IndicatorPageProps) {
  const { indicator } = head;
  return (
    <Layout
      title={indicator.title}
      description={`${indicator.title}: värden över tid för medlemskommunerna, gruppen, regionen och riket, som diagram och tabell, med definition och källa.`}
      current="/nyckeltal"
    >
      <Breadcrumbs items={[{ href: '/nyckeltal', label: 'Nyckeltal' }]} current={indicator.title} />
      <h1>{indicator.title}</h1>
      <IndicatorFacts indicator={indicator} />
      {raw(figures)}

      <h2>Mål som följs med nyckeltalet</h2>
      {goals.length === 0 ? (
        <p class="ds-paragraph">Inget mål följs med det här nyckeltalet ännu.</p>
      ) : (
        <ul class="ds-list">
          {goals.map((g) => (
            <li>
              <a class="ds-link" href={`/mal/${g.goalId}`}>
                {g.goalTitle}
              </a>{' '}
              ({g.programme.name}): <strong>{VERDICT_LABELS_SV[g.view.evaluation.verdict]}</strong>.
            </li>
          ))}
        </ul>
      )}

      <h2>Ladda ner</h2>
      <ul class="ds-list">
        <li>
          <a class="ds-link" href={`/api/v1/indicators/${indicator.key}/values?format=csv`}>
            Alla värden som CSV
          </a>
        </li>
        <li>
          <a class="ds-link" href={`/api/v1/indicators/${indicator.key}/values?format=xlsx`}>
            Alla värden som Excel
          </a>
        </li>
        <li>
          <a class="ds-link" href={`/api/v1/indicators/${indicator.key}/values?format=json`}>
            Alla värden som JSON
          </a>
        </li>
      </ul>
    </Layout>
  );
}
