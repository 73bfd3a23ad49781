import type { Comparison } from '../../app/indicators/comparison.js';
import { groupName } from '../../app/indicators/indicator-data.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ChartFigure } from '../components/chart-figure.js';
import { SwedishContentNotice, swedishData } from '../components/content-text.js';
import { DataTable } from '../components/data-table.js';
import { Select } from '../components/form-field.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { valueText } from '../present.js';

/** One year: the members ranked by value, with the group figures, region and nation beside them. */
export function IndicatorComparisonPage({ comparison, chartSvg }: { comparison: Comparison; chartSvg: string }) {
  const { data, year, gender, members, groupFigures, comparisonAreas } = comparison;
  const { indicator } = data;
  const t = texts();
  const it = t.indicators;
  const decimals = indicator.decimals;
  const group = groupName(data.collaboration);
  const genderName = t.common.gender[gender];
  const title = it.comparisonTitle(indicator.title, year);
  return (
    <Layout title={title} description={it.comparisonDescription(indicator.title, year)} current="/nyckeltal">
      <Breadcrumbs
        items={[
          { href: localized('/nyckeltal'), label: it.title },
          { href: localized(`/nyckeltal/${indicator.key}`), label: indicator.title },
        ]}
        current={it.comparisonBreadcrumb(year)}
      />
      <h1>
        <span lang={swedishData()}>{indicator.title}</span>
        {title.slice(indicator.title.length)}
      </h1>
      <SwedishContentNotice />
      <p class="ds-paragraph">{it.comparisonLead(indicator.unit)}</p>
      <form
        method="get"
        action={localized(`/nyckeltal/${indicator.key}/jamforelse`)}
        class="filter-form"
        aria-label={it.yearFormLabel}
      >
        <Select
          id="ar"
          label={it.year}
          options={[...data.years].reverse().map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
        />
        {data.genders.length > 1 && (
          <Select
            id="kon"
            label={it.gender}
            options={data.genders.map((g) => ({ value: g, label: t.common.gender[g] }))}
            value={gender}
          />
        )}
        <Button variant="secondary">{t.common.show}</Button>
      </form>
      <ChartFigure caption={it.comparisonCaption(indicator.title, year, genderName, group)} svg={chartSvg}>
        <DataTable
          caption={it.comparisonTableCaption(indicator.title, year, genderName, indicator.unit)}
          rowHeaders
          columns={[{ label: it.area }, { label: it.rank, numeric: true }, { label: it.value, numeric: true }]}
          rows={[
            ...members.map((m) => [m.name, m.rank === null ? '–' : String(m.rank), valueText(m.value, decimals)]),
            ...groupFigures.map((f) => [
              it.groupColumn(group, t.common.groupFigure[f.kind]),
              '–',
              valueText(f.value, decimals),
            ]),
            ...comparisonAreas.map((a) => [a.name, '–', valueText(a.value, decimals)]),
          ]}
        />
      </ChartFigure>
    </Layout>
  );
}
