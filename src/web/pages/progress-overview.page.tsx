/**
 * Framsteg: every published programme, newest first, with its focus areas and goals, each goal with a
 * one-line status — the indicators' verdicts, then the activities, never combined.
 */
import type { ProgrammeProgress } from '../../app/progress/get-progress.js';
import { ContentText, SwedishContentNotice } from '../components/content-text.js';
import { ExampleNotice } from '../components/example-marking.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import {
  goalProgressPath,
  GoalStatusLine,
  HowToRead,
  PROGRESS_PATH,
  programmeProgressPath,
  UpdatedOn,
} from './progress-parts.page.js';

const latestOf = (dates: readonly (string | null)[]) =>
  dates.reduce<string | null>((latest, d) => (d !== null && (latest === null || d > latest) ? d : latest), null);

function ProgrammeOutline({ p }: { p: ProgrammeProgress }) {
  const t = texts().progress;
  const { programme } = p;
  const headingId = `program-${programme.id}`;
  return (
    <section class="progress-programme" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <a class="ds-link" href={localized(programmeProgressPath(programme.slug))}>
          <ContentText sv={programme.name} en={programme.nameEn} />
        </a>
      </h2>
      <p class="ds-paragraph meta">{t.statusLine(t.programmeStatus[p.status.kind])}</p>
      {p.focusAreas.length === 0 || p.focusAreas.every((a) => a.goals.length === 0) ? (
        <p class="ds-paragraph">{t.noGoals}</p>
      ) : (
        p.focusAreas
          .filter((a) => a.goals.length > 0)
          .map((area) => (
            <section class="focus-area" aria-labelledby={`omrade-${area.focusArea.id}`}>
              <h3 id={`omrade-${area.focusArea.id}`}>
                <ContentText sv={area.focusArea.name} en={area.focusArea.nameEn} />
              </h3>
              <ul class="plain-list">
                {area.goals.map((g) => (
                  <li>
                    <a class="ds-link" href={localized(goalProgressPath(programme.slug, g.goal.id))}>
                      <ContentText sv={g.goal.title} en={g.goal.titleEn} />
                    </a>
                    <GoalStatusLine goal={g} />
                  </li>
                ))}
              </ul>
            </section>
          ))
      )}
    </section>
  );
}

export function ProgressOverviewPage({ programmes }: { programmes: ProgrammeProgress[] }) {
  const t = texts().progress;
  return (
    <Layout title={t.overviewTitle} description={t.overviewDescription} current={PROGRESS_PATH}>
      <h1>{t.overviewTitle}</h1>
      <p class="ds-paragraph lead">{t.overviewLead}</p>
      <SwedishContentNotice />
      <UpdatedOn date={latestOf(programmes.map((p) => p.updatedOn))} />
      {programmes.some((p) => p.includesExamples) && <ExampleNotice of="figures" />}
      {programmes.map((p) => (
        <ProgrammeOutline p={p} />
      ))}
      <HowToRead />
    </Layout>
  );
}
