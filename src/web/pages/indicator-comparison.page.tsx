import type { Comparison } from '../../app/indicators/comparison.js';
import { groupName } from '../../app/indicators/indicator-data.js';
import { GROUP_FIGURE_LABELS_SV } from '../../domain/indicators/group-figures.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ChartFigure } from '../components/chart-figure.js';
import { DataTable } from '../components/data-table.js';
import { Select } from '../components/form-field.js';
import { Layout } from '../layout.js';
import { GENDER_LABELS_SV } from '../../domain/indicators/indicator.js';
import { valueText } from '../present.js';

/** One year: the members ranked by value, with the group figures, region and nation beside them. */
export function IndicatorComparisonPage({ comparison, chartSvg }: { comparison: Comparison; chartSvg: string }) {
  const { data, year, gender, members, groupFigures, comparisonAreas } = comparison;
  const { indicator } = data;
  const decimals = indicator.decimals;
  const group = groupName(data.collaboration);
  const title = `${indicator.title} ${year}: jämförelse`;
  return (
    <Layout
      title={title}
      description={`${indicator.title} ${year}: medlemskommunerna i rangordning, jämförda med gruppen, regionen och riket, som diagram och tabell.`}
      current="/nyckeltal"
    >
      <Breadcrumbs
        items={[
          { href: '/nyckeltal', label: 'Nyckeltal' },
          { href: `/nyckeltal/${indicator.key}`, label: indicator.title },
        ]}
        current={`Jämförelse ${year}`}
      />
      <h1>{title}</h1>
      <p class="ds-paragraph">
        Medlemskommunerna rangordnade efter värde, högst först ({indicator.unit}). Ett högt värde är inte alltid bättre:
        läs nyckeltalets definition. Kommuner utan värde står sist.
      </p>
      <form method="get" action={`/nyckeltal/${indicator.key}/jamforelse`} class="filter-form" aria-label="Välj år">
        <Select
          id="ar"
          label="År"
          options={[...data.years].reverse().map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
        />
        {data.genders.length > 1 && (
          <Select
            id="kon"
            label="Kön"
            options={data.genders.map((g) => ({ value: g, label: GENDER_LABELS_SV[g] }))}
            value={gender}
          />
        )}
        <Button variant="secondary">Visa</Button>
      </form>
      <ChartFigure
        caption={`${indicator.title} ${year}, ${GENDER_LABELS_SV[gender].toLowerCase()}: medlemskommunerna i rangordning, ${group}s värden och jämförelseområdena.`}
        svg={chartSvg}
      >
        <DataTable
          caption={`${indicator.title} ${year}, ${GENDER_LABELS_SV[gender].toLowerCase()} (${indicator.unit})`}
          rowHeaders
          columns={[{ label: 'Område' }, { label: 'Plats', numeric: true }, { label: 'Värde', numeric: true }]}
          rows={[
            ...members.map((m) => [m.name, m.rank === null ? '–' : String(m.rank), valueText(m.value, decimals)]),
            ...groupFigures.map((f) => [
              `${group}, ${GROUP_FIGURE_LABELS_SV[f.kind].toLowerCase()}`,
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
