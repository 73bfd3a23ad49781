import type { GoalUsingIndicator } from '../../app/indicators/goal-targets.js';
import { raw } from 'hono/html';
import { groupName, type IndicatorData, type IndicatorHead } from '../../app/indicators/indicator-data.js';
import type { Gender, Indicator } from '../../domain/indicators/indicator.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ButtonLink } from '../components/button.js';
import { ChartFigure } from '../components/chart-figure.js';
import { ContentText, SwedishContentNotice, SwedishData, swedishData } from '../components/content-text.js';
import { DataTable } from '../components/data-table.js';
import { Select } from '../components/form-field.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { valueText } from '../present.js';

export interface IndicatorPageProps {
  head: IndicatorHead;
  /** The figures section, as rendered by IndicatorFigures. */
  figures: string;
  goals: GoalUsingIndicator[];
}

/**
 * Facts about an indicator: what it measures, its unit, where its values come from, and on what terms.
 * The indicator's own texts are Swedish data (Kolada's, or the secretariat's).
 */
export function IndicatorFacts({ indicator }: { indicator: Indicator }) {
  const t = texts().indicators;
  const f = t.facts;
  return (
    <dl class="facts">
      <dt>{f.id}</dt>
      <dd>{indicator.key}</dd>
      <dt>{f.definition}</dt>
      <dd>{indicator.definition ? <SwedishData>{indicator.definition}</SwedishData> : f.noDefinition}</dd>
      <dt>{f.unit}</dt>
      <dd>{indicator.unit ? <SwedishData>{indicator.unit}</SwedishData> : f.noUnit}</dd>
      <dt>{f.groupValue}</dt>
      <dd>{t.aggregation[indicator.aggregation]}</dd>
      <dt>{f.origin}</dt>
      <dd>{t.origin[indicator.origin]}</dd>
      <dt>{f.source}</dt>
      <dd>
        <SwedishData>{indicator.source}</SwedishData>
        {indicator.origin === 'kolada' && f.koladaSource}
      </dd>
      <dt>{f.licence}</dt>
      <dd>{indicator.licence ? <SwedishData>{indicator.licence}</SwedishData> : f.noLicence}</dd>
    </dl>
  );
}

function GenderForm({ data, gender, action }: { data: IndicatorData; gender: Gender; action: string }) {
  const t = texts();
  if (data.genders.length < 2) return null;
  return (
    <form method="get" action={action} class="filter-form" aria-label={t.indicators.genderFormLabel}>
      <Select
        id="kon"
        label={t.indicators.showValuesFor}
        options={data.genders.map((g) => ({ value: g, label: t.common.gender[g] }))}
        value={gender}
      />
      <Button variant="secondary">{t.common.show}</Button>
    </form>
  );
}

/**
 * An indicator's figures over time: chart and table for members, group, region and nation, the group
 * figures explained, and the gender split. Depends only on the data and the language (cached per data
 * version and language).
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
  const t = texts();
  const it = t.indicators;
  const { indicator, years, members, comparisonAreas } = data;
  const latest = years.at(-1);
  const decimals = indicator.decimals;
  const group = groupName(data.collaboration);
  const groupKinds = latest === undefined ? [] : data.groupFigures(latest, gender).map((f) => f.kind);
  const nameOf = (code: string) => members.find((m) => m.code === code)?.name ?? code;
  const href = localized(`/nyckeltal/${indicator.key}`);
  const genderName = t.common.gender[gender];
  if (latest === undefined) return <p class="ds-paragraph">{it.noValues}</p>;
  return (
    <>
      <div class="actions">
        <ButtonLink href={`${href}/jamforelse?ar=${latest}&kon=${gender}`} variant="secondary">
          {it.compareMembers(latest)}
        </ButtonLink>
      </div>
      <GenderForm data={data} gender={gender} action={href} />
      <h2>{it.development(years[0]!, latest)}</h2>
      <ChartFigure
        caption={it.seriesCaption(
          indicator.title,
          genderName,
          indicator.unit,
          group,
          comparisonAreas.map((a) => a.name).join(` ${it.and} `),
        )}
        svg={chartSvg}
      >
        <DataTable
          caption={it.seriesTableCaption(indicator.title, genderName, indicator.unit)}
          rowHeaders
          columns={[
            { label: it.year },
            ...members.map((m) => ({ label: m.name, numeric: true })),
            ...groupKinds.map((k) => ({ label: it.groupColumn(group, t.common.groupFigure[k]), numeric: true })),
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

      <h2>{it.groupValueHeading(latest)}</h2>
      <ul class="ds-list">
        {data.groupFigures(latest, gender).map((f) => (
          <li>
            <strong>
              {t.common.groupFigure[f.kind]}: {valueText(f.value, decimals)} {f.value !== null && indicator.unit}
            </strong>
            .{' '}
            {it.groupFigureExplanation(f, members.length, nameOf, {
              ...(data.collaboration.koladaGroupId ? { koladaGroupId: data.collaboration.koladaGroupId } : {}),
            })}
          </li>
        ))}
      </ul>

      {data.genders.length > 1 && (
        <>
          <h2>{it.byGenderHeading(latest)}</h2>
          <DataTable
            caption={it.byGenderCaption(indicator.title, latest, indicator.unit)}
            rowHeaders
            columns={[{ label: it.area }, ...data.genders.map((g) => ({ label: t.common.gender[g], numeric: true }))]}
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
  const t = texts();
  const it = t.indicators;
  return (
    <Layout title={indicator.title} description={it.pageDescription(indicator.title)} current="/nyckeltal">
      <Breadcrumbs items={[{ href: localized('/nyckeltal'), label: it.title }]} current={indicator.title} />
      <h1 lang={swedishData()}>{indicator.title}</h1>
      <SwedishContentNotice />
      <IndicatorFacts indicator={indicator} />
      {raw(figures)}

      <h2>{it.goalsHeading}</h2>
      {goals.length === 0 ? (
        <p class="ds-paragraph">{it.noGoals}</p>
      ) : (
        <ul class="ds-list">
          {goals.map((g) => (
            <li>
              <a class="ds-link" href={localized(`/mal/${g.goalId}`)}>
                <ContentText sv={g.goalTitle} en={g.goalTitleEn} />
              </a>{' '}
              (<ContentText sv={g.programme.name} en={g.programme.nameEn} />
              ): <strong>{t.common.verdict[g.view.evaluation.verdict]}</strong>.
            </li>
          ))}
        </ul>
      )}

      <h2>{it.downloadHeading}</h2>
      <ul class="ds-list">
        <li>
          <a class="ds-link" href={`/api/v1/indicators/${indicator.key}/values?format=csv`}>
            {it.downloadCsv}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`/api/v1/indicators/${indicator.key}/values?format=xlsx`}>
            {it.downloadXlsx}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`/api/v1/indicators/${indicator.key}/values?format=json`}>
            {it.downloadJson}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
