import type { HistoryEntry, HistoryNames, ProgrammeHistory } from '../../app/audit/get-history.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { formatDateTime } from '../format.js';
import { changeLines, type Shown } from '../history-changes.js';
import { Layout } from '../layout.js';
import type { Child } from 'hono/jsx';

const Value = ({ value }: { value: Shown }) =>
  Array.isArray(value) ? (
    <ul class="ds-list">
      {value.map((v) => (
        <li>{v}</li>
      ))}
    </ul>
  ) : (
    <span class="change-value">{value}</span>
  );

export interface HistoryItemProps {
  entry: HistoryEntry;
  names: HistoryNames;
  /** What the event is about, when the summary alone does not say it well enough (a plan's activity). */
  subject?: Child;
}

/** One event: what (the summary), when, who, and the changed fields behind a disclosure. */
export function HistoryItem({ entry, names, subject }: HistoryItemProps) {
  const lines = changeLines(entry, names);
  const disclosure =
    entry.before === null
      ? `Visa uppgifterna (${lines.length})`
      : entry.after === null
        ? `Visa uppgifterna före borttagningen (${lines.length})`
        : `Visa vad som ändrades (${lines.length})`;
  return (
    <li class="history-entry">
      <p class="ds-paragraph history-entry__summary">{entry.summary}</p>
      {subject && <p class="ds-paragraph history-entry__subject">{subject}</p>}
      <p class="ds-paragraph meta">
        <time datetime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time> · {entry.actor} · händelse{' '}
        {entry.id}
      </p>
      {lines.length > 0 && (
        <details class="history-entry__details">
          <summary>{disclosure}</summary>
          <dl class="changes">
            {lines.map((line) => (
              <>
                <dt>{line.label}</dt>
                <dd>
                  {line.before === undefined ? (
                    <Value value={line.after} />
                  ) : (
                    <>
                      <div class="change">
                        <span class="change__label">Före:</span> <Value value={line.before} />
                      </div>
                      <div class="change">
                        <span class="change__label">Efter:</span> <Value value={line.after} />
                      </div>
                    </>
                  )}
                </dd>
              </>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}

/** Every recorded change of a programme and of the decisions on it, newest first. */
export function HistoryPage({ history }: { history: ProgrammeHistory }) {
  const { programme, entries, names } = history;
  return (
    <Layout
      title={`Ändringshistorik: ${programme.name}`}
      description={`Varje ändring av ${programme.name} och av besluten om det: vem, när, och fälten före och efter.`}
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: '/', label: 'Start' },
          { href: '/program', label: 'Program' },
          { href: `/program/${programme.slug}`, label: programme.name },
        ]}
        current="Ändringshistorik"
      />
      <h1>Ändringshistorik: {programme.name}</h1>
      <p class="ds-paragraph">
        Varje ändring av programmet och varje beslut om det skrivs in i granskningsloggen i samma stund som ändringen
        sparas, med vem som gjorde den. Loggen kan inte ändras eller tömmas i tjänsten. Den senaste ändringen står
        först.
      </p>
      {entries.length === 0 ? (
        <p class="ds-paragraph">Inga ändringar är registrerade för programmet.</p>
      ) : (
        <ol class="plain-list history" aria-label="Ändringar, senaste först">
          {entries.map((entry) => (
            <HistoryItem entry={entry} names={names} />
          ))}
        </ol>
      )}
    </Layout>
  );
}
