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
import { SwedishData } from '../components/content-text.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';

export interface FollowUpHubPageProps {
  overview: FollowUpOverview;
}

function roundState(r: FollowUpOverview['rounds'][number], today: string): string {
  const t = texts().followUp.state;
  if (r.pastDue) return r.reported < r.expected ? t.missing : t.closed;
  if (today > r.round.periodEnd) return t.reporting;
  return t.ongoing;
}

export function FollowUpHubPage({ overview }: FollowUpHubPageProps) {
  const { year, rounds, may } = overview;
  const t = texts().followUp;
  const title = t.title(year);
  return (
    <Layout title={title} description={t.description(year)} current={HUB_PATH}>
      <h1>{title}</h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      <form method="get" action={localized(HUB_PATH)} class="filter-form" aria-label={t.yearFormLabel}>
        <Select
          id="ar"
          label={t.planYear}
          options={overview.years.map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
        />
        <Button variant="secondary">{t.showYear}</Button>
      </form>
      {overview.includesExamples && <ExampleNotice of="figures" />}
      <h2>{t.roundsHeading(year)}</h2>
      <DataTable
        caption={t.roundsCaption(year)}
        rowHeaders
        columns={[
          { label: t.columns.round },
          { label: t.columns.periodEnds },
          { label: t.columns.due },
          { label: t.columns.reportsIn, numeric: true },
          { label: t.columns.state },
        ]}
        rows={rounds.map((r) => [
          <SwedishData>{roundTitle(r.round)}</SwedishData>,
          formatDate(r.round.periodEnd),
          formatDate(r.round.dueDate),
          t.reportedOf(formatNumber(r.reported), formatNumber(r.expected)),
          roundState(r, overview.today),
        ])}
        empty={t.noRounds(year)}
      />
      <p class="ds-paragraph meta">{t.countedAmong(may.internal, formatNumber(overview.planCount))}</p>
      <h2>{t.moreHeading}</h2>
      <ul class="ds-list follow-up-links">
        {may.seeLate && (
          <li>
            <a class="ds-link" href={LATE_PATH}>
              {t.lateReports}
            </a>{' '}
            {t.lateReportsAfter}
          </li>
        )}
        <li>
          <a class="ds-link" href={localized(rollupPath(year))}>
            {t.rollup(year)}
          </a>{' '}
          {t.rollupAfter}
        </li>
        <li>
          <a class="ds-link" href={localized(annualReportPath(year))}>
            {t.annualReport(year)}
          </a>{' '}
          {t.annualReportAfter}
        </li>
        <li>
          <a class="ds-link" href={CALENDAR_PATH}>
            {t.calendar}
          </a>{' '}
          {t.calendarAfter}
        </li>
        {may.manage && (
          <li>
            <a class="ds-link" href={roundsPath(year)}>
              {t.setRounds(year)}
            </a>{' '}
            {t.setRoundsAfter}
          </li>
        )}
      </ul>
    </Layout>
  );
}
