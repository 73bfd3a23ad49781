/**
 * /uppfoljning: the year's follow-up rounds with their deadlines and how many reports are in, the
 * year choice, and the ways on: late reports, the goal roll-up, the annual report, the calendar feed and
 * (for the secretariat) the rounds' set-up.
 */
import type { FollowUpOverview } from '../../app/follow-up/rounds.js';
import { roundTitle } from '../../domain/plans/follow-up-rules.js';
import { Button } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { Select } from '../components/form-field.js';
import { formatDate, formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import {
  annualReportPath,
  CALENDAR_PATH,
  HUB_PATH,
  LATE_PATH,
  rollupPath,
  roundsPath,
} from './follow-up-parts.page.js';
import { ExampleNotice } from '../components/example-marking.js';

export interface FollowUpHubPageProps {
  overview: FollowUpOverview;
}

function roundState(r: FollowUpOverview['rounds'][number], today: string): string {
  if (r.pastDue) return r.reported < r.expected ? 'Sista dagen har passerat – rapporter saknas' : 'Avslutad';
  if (today > r.round.periodEnd) return 'Rapportering pågår';
  return 'Perioden pågår';
}

export function FollowUpHubPage({ overview }: FollowUpHubPageProps) {
  const { year, rounds, may } = overview;
  const title = `Uppföljning ${year}`;
  return (
    <Layout
      title={title}
      description={`Uppföljningen ${year}: omgångarna med sista dag för rapport, måluppfyllelsen och årsredovisningen.`}
      current={HUB_PATH}
    >
      <h1>{title}</h1>
      <p class="ds-paragraph lead">
        Chefsnätverkens aktiviteter följs upp i omgångar under planåret. Den som ansvarar för en aktivitet rapporterar
        status, hur stor del som är genomförd och en kommentar senast sista dagen för omgången.
      </p>
      <form method="get" action={HUB_PATH} class="filter-form" aria-label="Välj år">
        <Select
          id="ar"
          label="Planår"
          options={overview.years.map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
        />
        <Button variant="secondary">Visa året</Button>
      </form>
      {overview.includesExamples && <ExampleNotice of="figures" />}
      <h2>Omgångar {year}</h2>
      <DataTable
        caption={`Uppföljningsomgångar ${year}: sista dag för rapport och rapporter som kommit in`}
        rowHeaders
        columns={[
          { label: 'Omgång' },
          { label: 'Perioden slutar' },
          { label: 'Sista dag för rapport' },
          { label: 'Rapporter in', numeric: true },
          { label: 'Läge' },
        ]}
        rows={rounds.map((r) => [
          roundTitle(r.round),
          formatDate(r.round.periodEnd),
          formatDate(r.round.dueDate),
          `${formatNumber(r.reported)} av ${formatNumber(r.expected)}`,
          roundState(r, overview.today),
        ])}
        empty={`Inga uppföljningsomgångar är inlagda för ${year}.`}
      />
      <p class="ds-paragraph meta">
        Rapporter in räknas bland aktiviteterna i årets {may.internal ? 'inlämnade och antagna' : 'antagna'} planer (
        {formatNumber(overview.planCount)} st) som hade börjat när omgångens period slutade.
      </p>
      <h2>Mer om uppföljningen</h2>
      <ul class="ds-list follow-up-links">
        {may.seeLate && (
          <li>
            <a class="ds-link" href={LATE_PATH}>
              Sena rapporter
            </a>{' '}
            – aktiviteter vars rapport saknas efter sista dagen, med påminnelser per e-post.
          </li>
        )}
        <li>
          <a class="ds-link" href={rollupPath(year)}>
            Måluppfyllelse {year}
          </a>{' '}
          – aktiviteterna per mål och fokusområde.
        </li>
        <li>
          <a class="ds-link" href={annualReportPath(year)}>
            Årsredovisning {year}
          </a>{' '}
          – utkast med aktiviteternas utfall och nyckeltalens bedömning.
        </li>
        <li>
          <a class="ds-link" href={CALENDAR_PATH}>
            Kalender med sista dagarna för rapport (iCalendar)
          </a>{' '}
          – prenumerera på adressen i din kalender, så kommer nya och ändrade datum med.
        </li>
        {may.manage && (
          <li>
            <a class="ds-link" href={roundsPath(year)}>
              Ställ in omgångarna för {year}
            </a>{' '}
            – namn, periodens slut och sista dag för rapport.
          </li>
        )}
      </ul>
    </Layout>
  );
}
