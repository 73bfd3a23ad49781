/**
 * The secretariat's set-up of the follow-up rounds of a plan year: the list with edit and remove
 * links, a form for a new round, one button for the standard rounds, and the edit and remove pages.
 */
import { standardRounds, roundTitle } from '../../domain/plans/follow-up-rules.js';
import type { FollowUpRound } from '../../domain/plans/follow-up.js';
import type { FieldProblem } from '../../domain/errors.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { Select, TextField } from '../components/form-field.js';
import { formatDate, formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import { SavedMessage } from '../components/saved-message.js';
import {
  editRoundPath,
  HUB_PATH,
  hubCrumb,
  hubPath,
  removeRoundPath,
  ROUNDS_PATH,
  roundsPath,
  STANDARD_ROUNDS_PATH,
} from './follow-up-parts.page.js';

export type RoundFormValues = Record<'name' | 'periodEnd' | 'dueDate', string>;
export const EMPTY_ROUND_FORM: RoundFormValues = { name: '', periodEnd: '', dueDate: '' };

/** A round with how many reports it has. */
export interface RoundRow {
  round: FollowUpRound;
  reportCount: number;
}

function RoundFields({ values, problems, year }: { values: RoundFormValues; problems: FieldProblem[]; year: number }) {
  const err = (field: string) => errorFor(problems, field);
  return (
    <>
      <TextField
        id="name"
        label="Namn"
        hint="Till exempel Tertial 1 eller Årsuppföljning. Året läggs till där namnet visas."
        value={values.name}
        error={err('name')}
      />
      <TextField
        id="periodEnd"
        label="Perioden slutar"
        hint={`Sista dagen rapporten gäller, under planåret ${year}. Skriv ÅÅÅÅ-MM-DD, till exempel ${year}-04-30.`}
        inputmode="numeric"
        size={10}
        value={values.periodEnd}
        error={err('periodEnd')}
      />
      <TextField
        id="dueDate"
        label="Sista dag för rapport"
        hint={`Samma dag som perioden slutar eller senare, under ${year} eller ${year + 1}. Till exempel ${year}-05-15.`}
        inputmode="numeric"
        size={10}
        value={values.dueDate}
        error={err('dueDate')}
      />
    </>
  );
}

export interface RoundsPageProps {
  year: number;
  years: number[];
  rows: RoundRow[];
  values: RoundFormValues;
  problems?: FieldProblem[];
  saved?: string | undefined;
}

export function RoundsPage({ year, years, rows, values, problems = [], saved }: RoundsPageProps) {
  const title = `Uppföljningsomgångar ${year}`;
  const standard = standardRounds(year);
  const missing = standard.filter((s) => !rows.some((r) => r.round.name.toLowerCase() === s.name.toLowerCase()));
  return (
    <Layout
      title={problems.length ? `Fel: ${title}` : title}
      description={`Uppföljningsomgångarna ${year} med period och sista dag för rapport; lägg till standardomgångarna eller en egen.`}
      current={HUB_PATH}
    >
      <Breadcrumbs items={[hubCrumb(year)]} current={title} />
      <h1>{title}</h1>
      <SavedMessage text={saved} />
      <p class="ds-paragraph lead">
        Omgångarna bestämmer när aktiviteterna i planerna för {year} ska rapporteras. En aktivitet rapporteras i en
        omgång om den hade börjat när omgångens period slutade.
      </p>
      <form method="get" action={ROUNDS_PATH} class="filter-form" aria-label="Välj planår">
        <Select
          id="ar"
          label="Planår"
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
        />
        <Button variant="secondary">Visa året</Button>
      </form>
      <DataTable
        caption={`Omgångar för planåret ${year}`}
        rowHeaders
        columns={[
          { label: 'Omgång' },
          { label: 'Perioden slutar' },
          { label: 'Sista dag för rapport' },
          { label: 'Rapporter', numeric: true },
          { label: 'Ändra' },
        ]}
        rows={rows.map(({ round, reportCount }) => [
          roundTitle(round),
          formatDate(round.periodEnd),
          formatDate(round.dueDate),
          formatNumber(reportCount),
          <span class="row-actions">
            <a class="ds-link" href={editRoundPath(round.id)}>
              Ändra<span class="ds-sr-only"> {roundTitle(round)}</span>
            </a>{' '}
            <a class="ds-link" href={removeRoundPath(round.id)}>
              Ta bort<span class="ds-sr-only"> {roundTitle(round)}</span>
            </a>
          </span>,
        ])}
        empty={`Inga omgångar är inlagda för ${year}.`}
      />
      <h2>Standardomgångar</h2>
      {missing.length === 0 ? (
        <p class="ds-paragraph">Alla standardomgångar för {year} finns redan.</p>
      ) : (
        <form method="post" action={STANDARD_ROUNDS_PATH} class="panel">
          <input type="hidden" name="ar" value={String(year)} />
          <p class="ds-paragraph">
            Lägger till de omgångar som saknas av:{' '}
            {standard.map((s) => `${s.name} (perioden slutar ${s.periodEnd}, sista dag ${s.dueDate})`).join('; ')}.
            Omgångar med samma namn som redan finns lämnas som de är.
          </p>
          <Button variant="secondary">Lägg till standardomgångarna för {year}</Button>
        </form>
      )}
      <h2>Ny omgång</h2>
      <ErrorSummary errors={problems} />
      <form method="post" action={ROUNDS_PATH} novalidate>
        <input type="hidden" name="ar" value={String(year)} />
        <RoundFields values={values} problems={problems} year={year} />
        <Button>Lägg till omgången</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={hubPath(year)}>
          Till uppföljningen {year}
        </a>
      </p>
    </Layout>
  );
}

export interface RoundEditPageProps {
  round: FollowUpRound;
  values: RoundFormValues;
  problems?: FieldProblem[];
}

export function RoundEditPage({ round, values, problems = [] }: RoundEditPageProps) {
  const title = `Ändra ${roundTitle(round)}`;
  return (
    <Layout
      title={problems.length ? `Fel: ${title}` : title}
      description="Formulär för att ändra en uppföljningsomgångs namn, period och sista dag för rapport."
      current={HUB_PATH}
    >
      <Breadcrumbs
        items={[hubCrumb(round.year), { href: roundsPath(round.year), label: `Omgångar ${round.year}` }]}
        current={title}
      />
      <h1>{title}</h1>
      <p class="ds-paragraph">Omgången följer upp planåret {round.year}. Rapporter som redan lämnats finns kvar.</p>
      <ErrorSummary errors={problems} />
      <form method="post" action={editRoundPath(round.id)} novalidate>
        <RoundFields values={values} problems={problems} year={round.year} />
        <Button>Spara ändringarna</Button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={roundsPath(round.year)}>
          Tillbaka till omgångarna utan att spara
        </a>
      </p>
    </Layout>
  );
}

export interface RoundRemovePageProps {
  round: FollowUpRound;
  reportCount: number;
  /** Why the removal was refused (someone reported in between). */
  refused?: string | undefined;
}

/** Asks before a round goes; a round with reports cannot go, and the page says so instead. */
export function RoundRemovePage({ round, reportCount, refused }: RoundRemovePageProps) {
  const title = `Ta bort ${roundTitle(round)}`;
  return (
    <Layout
      title={refused ? `Fel: ${title}` : title}
      description="Bekräfta att en uppföljningsomgång tas bort. Det går bara när ingen har rapporterat i den."
      current={HUB_PATH}
    >
      <Breadcrumbs
        items={[hubCrumb(round.year), { href: roundsPath(round.year), label: `Omgångar ${round.year}` }]}
        current={title}
      />
      <h1>{title}</h1>
      {refused && (
        <p class="ds-alert" data-color="danger" role="alert">
          {refused}
        </p>
      )}
      {reportCount > 0 ? (
        !refused && (
          <p class="ds-alert" data-color="warning">
            {roundTitle(round)} kan inte tas bort:{' '}
            {reportCount === 1 ? '1 rapport har' : `${formatNumber(reportCount)} rapporter har`} lämnats för omgången.
            Ändra namn eller datum i stället.
          </p>
        )
      ) : (
        <>
          <p class="ds-paragraph">
            Omgången (perioden slutar {formatDate(round.periodEnd)}, sista dag för rapport {formatDate(round.dueDate)})
            tas bort. Inga rapporter har lämnats för den. Borttagningen syns i historiken.
          </p>
          <form method="post" action={removeRoundPath(round.id)} class="actions">
            <Button>Ta bort omgången</Button>
          </form>
        </>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={roundsPath(round.year)}>
          Tillbaka till omgångarna
        </a>
      </p>
    </Layout>
  );
}
