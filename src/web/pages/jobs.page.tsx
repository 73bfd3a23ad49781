/**
 * /admin/jobb: the scheduled jobs for the secretariat — what each does, its schedule in words, its last
 * run (when, how it went, how long, what it said, which instance), its next run and its recent failures,
 * with a "Kör nu" button each.
 */
import { isJobName, type JobRun } from '../../domain/jobs/job-run.js';
import { formatNumber } from '../../domain/format-sv.js';
import type { JobStatus, JobsOverview } from '../../jobs/jobs-overview.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { DataTable } from '../components/data-table.js';
import { formatDateTime } from '../format.js';
import { Layout } from '../layout.js';

export const JOBS_PATH = '/admin/jobb';

export interface JobsPageProps {
  overview: JobsOverview;
  /** After "Kör nu": the job asked for, and whether a run was queued or one was waiting already. */
  requested?: { job: string; request: 'queued' | 'already' } | undefined;
  /** Why "Kör nu" was refused. */
  refused?: string | undefined;
}

const TITLE = 'Schemalagda jobb';

const OUTCOMES = {
  ok: { label: 'Klart', color: 'success' },
  skipped: { label: 'Hoppades över', color: 'neutral' },
  failed: { label: 'Misslyckades', color: 'danger' },
  running: { label: 'Pågår', color: 'info' },
  abandoned: { label: 'Avslutades aldrig', color: 'warning' },
} as const;

const Time = ({ iso }: { iso: string }) => <time datetime={iso}>{formatDateTime(iso)}</time>;

/** "0,4 s", "12 s", "3 min 5 s". */
export function durationText(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 10_000) return `${formatNumber(ms / 1000, { decimals: 1 })} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

function Outcome({ run, abandoned = false }: { run: JobRun; abandoned?: boolean }) {
  const kind = run.outcome ?? (abandoned ? 'abandoned' : 'running');
  const { label, color } = OUTCOMES[kind];
  return (
    <span class="ds-tag" data-color={color} data-outcome={kind}>
      {label}
    </span>
  );
}

const runBy = (run: JobRun) => (run.requestedBy === '' ? 'Schemat' : `Kör nu: ${run.requestedBy}`);

function RunsTable({ caption, runs, empty }: { caption: string; runs: readonly JobRun[]; empty: string }) {
  return (
    <DataTable
      caption={caption}
      rowHeaders
      empty={empty}
      columns={[
        { label: 'Startade' },
        { label: 'Utfall' },
        { label: 'Tid', numeric: true },
        { label: 'Vad som hände' },
        { label: 'Startad av' },
        { label: 'Instans' },
      ]}
      rows={runs.map((run) => [
        <Time iso={run.startedAt} />,
        <Outcome run={run} />,
        durationText(run.durationMs),
        run.message || '–',
        runBy(run),
        run.instanceId,
      ])}
    />
  );
}

function LastRun({ job }: { job: JobStatus }) {
  const run = job.lastRun;
  if (!run) return <dd>Har inte körts än.</dd>;
  return (
    <dd>
      <Time iso={run.startedAt} /> <Outcome run={run} abandoned={job.lastRunAbandoned} />
      {run.outcome !== null && ` på ${durationText(run.durationMs)}`}
      {run.message && (
        <>
          <br />
          {run.message}
        </>
      )}
      <br />
      <span class="muted">
        {runBy(run)}, instans {run.instanceId}
      </span>
    </dd>
  );
}

function JobSection({ job }: { job: JobStatus }) {
  const heading = `jobb-${job.name}`;
  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>{job.title}</h2>
      <p class="ds-paragraph">{job.description}</p>
      <dl class="facts">
        <dt>Schema</dt>
        <dd>{job.scheduleText}</dd>
        <dt>Nästa körning</dt>
        <dd>{job.nextRunAt ? <Time iso={job.nextRunAt} /> : 'Ingen planerad'}</dd>
        <dt>Senaste körning</dt>
        <LastRun job={job} />
      </dl>
      <form method="post" action={JOBS_PATH} class="inline-form">
        <input type="hidden" name="jobb" value={job.name} />
        <button type="submit" class="ds-button" data-variant="secondary">
          Kör nu<span class="ds-sr-only">: {job.title}</span>
        </button>
      </form>
      <h3>Senaste misslyckade körningar</h3>
      {job.recentFailures.length === 0 ? (
        <p class="ds-paragraph">Inga misslyckade körningar finns kvar i listan.</p>
      ) : (
        <RunsTable caption={`Misslyckade körningar: ${job.title}`} runs={job.recentFailures} empty="" />
      )}
      <RunsTable caption={`Senaste körningar: ${job.title}`} runs={job.recentRuns} empty="Jobbet har inte körts än." />
    </section>
  );
}

function ModeText({ overview }: { overview: JobsOverview }) {
  switch (overview.mode) {
    case 'pg-boss':
      return (
        <p class="ds-paragraph">
          Jobben går genom en kö i databasen (PostgreSQL, pg-boss): varje körning görs en gång, av en av instanserna,
          hur många instanser som än är igång. Den här sidan visas av instansen {overview.instanceId}.
        </p>
      );
    case 'in-process':
      return (
        <p class="ds-paragraph">
          Jobben körs av tjänsten själv (SQLite, en instans: {overview.instanceId}). Alla tider är svensk tid.
        </p>
      );
    case 'off':
      return (
        <p class="ds-alert" data-color="warning">
          Den här instansen kör inga schemalagda jobb (JOBS=off). Listan visar körningar som andra instanser har gjort.
        </p>
      );
  }
}

function RequestNotice({ requested, overview }: Pick<JobsPageProps, 'requested'> & { overview: JobsOverview }) {
  if (!requested || !isJobName(requested.job)) return null;
  const title = overview.jobs.find((j) => j.name === requested.job)?.title ?? requested.job;
  return (
    <p class="ds-alert" data-color={requested.request === 'queued' ? 'success' : 'info'} role="status">
      {requested.request === 'queued'
        ? `”${title}” körs strax. Ladda om sidan för att se hur det gick.`
        : `”${title}” körs redan eller väntar på att köras, så ingen ny körning lades till.`}
    </p>
  );
}

export function JobsPage({ overview, requested, refused }: JobsPageProps) {
  return (
    <Layout
      title={refused ? `Fel: ${TITLE}` : TITLE}
      description="De schemalagda jobben: vad de gör, när de körs, hur senaste körningen gick och vilka som misslyckats."
    >
      <Breadcrumbs items={[{ href: '/', label: 'Start' }]} current={TITLE} />
      <h1>{TITLE}</h1>
      <p class="ds-paragraph lead">
        Samverkan gör en del arbete av sig själv på bestämda tider: hämtar nyckeltal från Kolada, påminner om sena
        rapporter och rensar bort det som gått ut. Här syns hur det har gått. Kör nu gör en extra körning direkt.
      </p>
      <ModeText overview={overview} />
      {refused && (
        <p class="ds-alert" data-color="danger" role="alert">
          {refused}
        </p>
      )}
      <RequestNotice requested={requested} overview={overview} />
      <DataTable
        caption="Jobben i korthet"
        rowHeaders
        columns={[{ label: 'Jobb' }, { label: 'Schema' }, { label: 'Senaste körning' }, { label: 'Nästa körning' }]}
        rows={overview.jobs.map((job) => [
          <a class="ds-link" href={`#jobb-${job.name}`}>
            {job.title}
          </a>,
          job.scheduleText,
          job.lastRun ? (
            <>
              <Time iso={job.lastRun.startedAt} /> <Outcome run={job.lastRun} abandoned={job.lastRunAbandoned} />
            </>
          ) : (
            'Har inte körts än'
          ),
          job.nextRunAt ? <Time iso={job.nextRunAt} /> : 'Ingen planerad',
        ])}
      />
      {overview.jobs.map((job) => (
        <JobSection job={job} />
      ))}
    </Layout>
  );
}
