import type { ImportSummary } from '../../app/indicators/import-values.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Indicator } from '../../domain/indicators/indicator.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { FileField, Select } from '../components/form-field.js';
import { formatNumber } from '../format.js';
import { Layout } from '../layout.js';

export interface IndicatorImportPageProps {
  indicators: Indicator[];
  /** The member the viewer enters values for, when they are a member's officer (not the secretariat). */
  ownMemberName: string | null;
  values?: Record<string, string>;
  problems?: FieldProblem[];
  result?: ImportSummary;
}

/** Upload of values from CSV, Excel (.xlsx) or Kolada's JSON; all-or-nothing, with errors per row. */
export function IndicatorImportPage({
  indicators,
  ownMemberName,
  values = {},
  problems = [],
  result,
}: IndicatorImportPageProps) {
  const fileProblems = problems.filter((p) => p.field === 'fil');
  const fileError =
    fileProblems.length > 1
      ? `Filen har ${fileProblems.length} fel (se listan överst). Ingenting har sparats.`
      : fileProblems[0]?.message;
  return (
    <Layout
      title="Läs in nyckeltalsvärden"
      description="Läs in värden för nyckeltal från en CSV-, Excel- eller Kolada-fil. Fel visas per rad och då sparas ingenting."
      current="/nyckeltal"
    >
      <Breadcrumbs items={[{ href: '/nyckeltal', label: 'Nyckeltal' }]} current="Läs in värden" />
      <h1>Läs in nyckeltalsvärden</h1>
      {result && (
        <div class="ds-alert notice" data-color="success" role="status">
          <h2>{result.status === 'unchanged' ? 'Inga ändringar' : 'Värdena är inlästa'}</h2>
          <p class="ds-paragraph">
            {formatNumber(result.rowsRead)} rader lästa, {formatNumber(result.rowsChanged)} nya eller ändrade värden,{' '}
            {formatNumber(result.rowsDeleted)} borttagna.
            {result.status === 'unchanged' && ' Filen innehöll samma värden som redan fanns.'}
          </p>
        </div>
      )}
      <ErrorSummary errors={problems} />
      <p class="ds-paragraph">
        Filen kan vara CSV (semikolon eller komma, UTF-8 eller Windows-1252, decimalkomma), Excel (.xlsx) eller Koladas
        JSON-format. Kolumner: <em>Nyckeltal</em> (id), <em>Kommun</em> (kod eller namn), <em>År</em>, <em>Kön</em> (T,
        K eller M; valfri) och <em>Värde</em>. Ett tomt värde eller ”..” betyder att värdet saknas. Du kan också ha en
        kolumn per år och välja nyckeltalet nedan. Inläsningen sker helt eller inte alls: finns ett fel sparas
        ingenting.
        {ownMemberName && ` Du kan lägga in värden för ${ownMemberName} i samverkans egna nyckeltal.`}
      </p>
      <form method="post" action="/nyckeltal/importera" enctype="multipart/form-data" novalidate>
        <FileField
          id="fil"
          label="Fil"
          hint="CSV, Excel (.xlsx) eller Koladas JSON, högst 10 MB."
          accept=".csv,.txt,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          error={fileError}
        />
        <Select
          id="nyckeltal"
          label="Nyckeltal (om filen inte har en kolumn för det)"
          placeholder="Filen anger nyckeltalet"
          options={indicators.map((i) => ({ value: i.key, label: `${i.title} (${i.key})` }))}
          value={values['nyckeltal']}
          error={errorFor(problems, 'nyckeltal')}
        />
        <Button>Läs in</Button>
      </form>
    </Layout>
  );
}
