/**
 * The form for one of our own (local) indicators: what it measures, its unit, how the group's value is
 * formed, and where its values come from and on what terms. Values are read in from files afterwards.
 */
import { MAX_DECIMALS } from '../../app/indicators/define-indicator.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Indicator } from '../../domain/indicators/indicator.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { RadioGroup } from '../components/fieldset.js';
import { Select, TextArea, TextField } from '../components/form-field.js';
import { Layout } from '../layout.js';

export const NEW_INDICATOR_PATH = '/nyckeltal/nytt';

/** The fields as the browser sends them. */
export type IndicatorFormValues = Record<
  | 'key'
  | 'title'
  | 'definition'
  | 'unit'
  | 'decimals'
  | 'aggregation'
  | 'weightKey'
  | 'byGender'
  | 'source'
  | 'licence',
  string
>;

/** An empty form: one decimal, as most shares and rates are shown. */
export const EMPTY_INDICATOR_FORM: IndicatorFormValues = {
  key: '',
  title: '',
  definition: '',
  unit: '',
  decimals: '1',
  aggregation: '',
  weightKey: '',
  byGender: '',
  source: '',
  licence: '',
};

export interface IndicatorFormPageProps {
  values: IndicatorFormValues;
  /** The indicators that can weight a mean: counts that are summed (e.g. a population). */
  weights: Indicator[];
  problems?: FieldProblem[];
}

export function IndicatorFormPage({ values, weights, problems = [] }: IndicatorFormPageProps) {
  const title = 'Nytt eget nyckeltal';
  const err = (field: string) => errorFor(problems, field);
  return (
    <Layout
      title={problems.length ? `Fel: ${title}` : title}
      description="Formulär för ett eget nyckeltal: definition, enhet, antal decimaler, hur gruppens värde räknas, källa och licens."
      current="/nyckeltal"
    >
      <Breadcrumbs items={[{ href: '/nyckeltal', label: 'Nyckeltal' }]} current={title} />
      <h1>{title}</h1>
      <p class="ds-paragraph">
        Ett eget nyckeltal är ett som inte hämtas från Kolada, till exempel statistik som kommunerna tar fram själva.
        När det är tillagt läser sekretariatet eller kommunernas handläggare in värdena från en fil. Alla fält utom
        vikten måste fyllas i.
      </p>
      <ErrorSummary errors={problems} />
      <form method="post" action={NEW_INDICATOR_PATH} novalidate>
        <TextField
          id="key"
          label="Id"
          hint="3–64 tecken: små bokstäver a–z, siffror och bindestreck, till exempel ”sm-befolkning-65-plus”. Id:t står i adressen och i filer med värden och kan inte ändras sedan."
          value={values.key}
          error={err('key')}
          autocomplete="off"
        />
        <TextField
          id="title"
          label="Namn"
          hint="Som det ska visas, till exempel ”Andel invånare 65 år och äldre”."
          value={values.title}
          error={err('title')}
        />
        <TextArea
          id="definition"
          label="Definition"
          hint="Vad som mäts, exakt: vilka som räknas, vid vilken tidpunkt och hur."
          rows={4}
          value={values.definition}
          error={err('definition')}
        />
        <TextField
          id="unit"
          label="Enhet"
          hint="Till exempel procent, antal eller kronor per invånare."
          value={values.unit}
          error={err('unit')}
        />
        <Select
          id="decimals"
          label="Antal decimaler som visas"
          options={Array.from({ length: MAX_DECIMALS + 1 }, (_, n) => ({ value: String(n), label: String(n) }))}
          value={values.decimals}
          error={err('decimals')}
        />
        <RadioGroup
          id="aggregation"
          legend="Hur räknas gruppens värde fram?"
          options={[
            {
              value: 'mean',
              label: 'Medelvärde',
              hint: 'För andelar och tal per invånare: kommunernas medelvärde, och ett befolkningsviktat medelvärde om en vikt anges.',
            },
            { value: 'sum', label: 'Summa', hint: 'För antal, till exempel antal invånare: kommunernas summa.' },
          ]}
          value={values.aggregation}
          error={err('aggregation')}
        />
        <Select
          id="weightKey"
          label="Vikt (valfritt)"
          hint="Bara för medelvärden: ett antal som väger kommunernas värden, oftast befolkningen som andelen räknas på. Då visas också ett befolkningsviktat medelvärde."
          placeholder="Ingen vikt"
          options={weights.map((w) => ({ value: w.key, label: `${w.title} (${w.key})` }))}
          value={values.weightKey}
          error={err('weightKey')}
        />
        <RadioGroup
          id="byGender"
          legend="Redovisas värdena per kön?"
          options={[
            { value: 'yes', label: 'Ja, för kvinnor och män och totalt' },
            { value: 'no', label: 'Nej, bara totalt' },
          ]}
          value={values.byGender}
          error={err('byGender')}
        />
        <TextArea
          id="source"
          label="Källa"
          hint="Var värdena kommer från: organisation, statistikens namn och gärna en adress."
          rows={3}
          value={values.source}
          error={err('source')}
        />
        <TextField
          id="licence"
          label="Licens"
          hint="På vilka villkor värdena får användas, till exempel CC0, CC BY 4.0 eller ”fri användning med källhänvisning”."
          value={values.licence}
          error={err('licence')}
        />
        <Button>Lägg till nyckeltalet</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href="/nyckeltal">
          Tillbaka till nyckeltalen utan att spara
        </a>
      </p>
    </Layout>
  );
}
