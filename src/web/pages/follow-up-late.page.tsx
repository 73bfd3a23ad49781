/**
 * /uppfoljning/sena: the reports missing after their round's deadline, for the secretariat (all
 * networks) and a network's lead (their own), with the e-mail reminders and what the last sending did.
 */
import type { LateReport, LateReportList } from '../../app/follow-up/late-reports.js';
import type { ReminderResult } from '../../app/follow-up/reminders.js';
import { roundTitle } from '../../domain/plans/follow-up-rules.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { Select } from '../components/form-field.js';
import { formatDate, formatDateTime, formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import { HUB_PATH, hubCrumb, LATE_PATH, planPath, REMINDERS_PATH, reportFormPath } from './follow-up-parts.page.js';
import { ExampleNotice, ExampleTag } from '../components/example-marking.js';
import { daysText } from '../../domain/plans/follow-up-summary-sv.js';

export const NO_MAILER_MESSAGE = 'E-postpåminnelser är inte inställda (SMTP_URL saknas).';

export interface LateReportsPageProps {
  list: LateReportList;
  /** The network key the list is narrowed to ('' for all the reader may see). */
  networkKey: string;
  /** Whether e-mail is set up (SMTP_URL). */
  mailerConfigured: boolean;
  /** What the reminders just sent did (after the POST). */
  result?: ReminderResult | undefined;
}

const itemName = (item: LateReport) => `”${item.activity.title}” (${roundTitle(item.round)})`;

function PlanCell({ item }: { item: LateReport }) {
  return (
    <>
      <a class="ds-link" href={planPath(item.plan.id)}>
        {item.plan.title}
      </a>
      {item.plan.isExample && (
        <>
          {' '}
          <ExampleTag />
        </>
      )}
    </>
  );
}

function ReminderOutcomes({ result }: { result: ReminderResult }) {
  const sent = result.sent.length;
  return (
    <section aria-labelledby="paminnelser-resultat">
      <h2 id="paminnelser-resultat">Påminnelser som skickades nu</h2>
      <p class="ds-alert" data-color={result.failed.length ? 'warning' : 'success'} role="status">
        {sent === 0
          ? 'Inga påminnelser skickades.'
          : sent === 1
            ? '1 påminnelse skickades.'
            : `${formatNumber(sent)} påminnelser skickades.`}
        {result.failed.length > 0 &&
          ` ${result.failed.length === 1 ? '1 kunde inte skickas' : `${formatNumber(result.failed.length)} kunde inte skickas`} och räknas inte som skickade.`}
      </p>
      {sent > 0 && (
        <DataTable
          caption="Skickade påminnelser"
          rowHeaders
          columns={[{ label: 'Aktivitet' }, { label: 'Omgång' }, { label: 'Till' }, { label: 'Mottagare' }]}
          rows={result.sent.map((o) => [
            o.item.activity.title,
            roundTitle(o.item.round),
            o.to === 'owner' ? 'Den ansvarige' : 'Nätverkets ledare (ansvarig saknar konto)',
            o.recipients.join(', '),
          ])}
        />
      )}
      {result.failed.length > 0 && (
        <>
          <h3>Kunde inte skickas</h3>
          <ul class="ds-list">
            {result.failed.map((f) => (
              <li>
                {itemName(f.item)} till {f.recipients.join(', ')}: {f.error}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.noRecipient.length > 0 && (
        <>
          <h3>Ingen att skicka till</h3>
          <p class="ds-paragraph">
            De ansvariga saknar konto och nätverket har ingen ledare med konto. Lägg till ett konto för den ansvarige
            eller nätverkets ledare.
          </p>
          <ul class="ds-list">
            {result.noRecipient.map((item) => (
              <li>{itemName(item)}</li>
            ))}
          </ul>
        </>
      )}
      {result.remindedToday.length > 0 && (
        <p class="ds-paragraph">
          {result.remindedToday.length === 1
            ? '1 sen rapport har redan fått en påminnelse i dag och fick ingen ny.'
            : `${formatNumber(result.remindedToday.length)} sena rapporter har redan fått en påminnelse i dag och fick ingen ny.`}
        </p>
      )}
    </section>
  );
}

export function LateReportsPage({ list, networkKey, mailerConfigured, result }: LateReportsPageProps) {
  const title = 'Sena rapporter';
  const { items } = list;
  return (
    <Layout
      title={title}
      description="Aktiviteter vars rapport saknas efter sista dag i en uppföljningsomgång, med ansvarig och påminnelser per e-post."
      current={HUB_PATH}
    >
      <Breadcrumbs items={[hubCrumb()]} current={title} />
      <h1>{title}</h1>
      <p class="ds-paragraph lead">
        Aktiviteter i inlämnade och antagna planer vars rapport saknas fast sista dagen för omgången har passerat (i dag
        är det {formatDate(list.today)}). En aktivitet ska rapporteras i en omgång om den hade börjat när omgångens
        period slutade.
      </p>
      {list.includesExamples && <ExampleNotice of="figures" />}
      {result && <ReminderOutcomes result={result} />}
      {list.networks.length > 1 || networkKey !== '' ? (
        <form method="get" action={LATE_PATH} class="filter-form" aria-label="Välj nätverk">
          <Select
            id="natverk"
            label="Nätverk"
            placeholder="Alla nätverk"
            options={list.networks.map((n) => ({ value: n.key, label: n.name }))}
            value={networkKey}
          />
          <Button variant="secondary">Visa</Button>
        </form>
      ) : (
        <p class="ds-paragraph">Listan gäller {list.networks.map((n) => n.name).join(', ')}.</p>
      )}
      <DataTable
        caption={`Sena rapporter: ${formatNumber(items.length)} st`}
        rowHeaders
        columns={[
          { label: 'Aktivitet' },
          { label: 'Nätverk' },
          { label: 'Plan' },
          { label: 'Ansvarig' },
          { label: 'Omgång' },
          { label: 'Sista dag' },
          { label: 'Försenad', numeric: true },
          { label: 'Senaste påminnelse' },
        ]}
        rows={items.map((item) => [
          <a class="ds-link" href={`${reportFormPath(item.plan.id, item.activity.id)}?omgang=${item.round.id}`}>
            {item.activity.title}
          </a>,
          item.network.name,
          <PlanCell item={item} />,
          item.activity.ownerName,
          roundTitle(item.round),
          formatDate(item.round.dueDate),
          daysText(item.daysLate),
          item.lastReminderAt ? formatDateTime(item.lastReminderAt) : 'Ingen',
        ])}
        empty="Inga rapporter är sena."
      />
      <h2>Påminnelser per e-post</h2>
      {!mailerConfigured ? (
        <p class="ds-paragraph">{NO_MAILER_MESSAGE}</p>
      ) : items.length === 0 ? (
        <p class="ds-paragraph">Det finns inga sena rapporter att påminna om.</p>
      ) : (
        <form method="post" action={REMINDERS_PATH} class="panel">
          {networkKey !== '' && <input type="hidden" name="natverk" value={networkKey} />}
          <p class="ds-paragraph">
            Varje sen rapport ger ett e-brev till den ansvariges konto, eller till nätverkets ledare när den ansvarige
            saknar konto. Den som redan fått en påminnelse om samma rapport i dag får ingen ny.
          </p>
          <Button>
            {items.length === 1
              ? 'Skicka påminnelse om 1 sen rapport'
              : `Skicka påminnelser om ${formatNumber(items.length)} sena rapporter`}
          </Button>
        </form>
      )}
    </Layout>
  );
}
