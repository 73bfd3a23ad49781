/**
 * A programme's progress: per focus area the activities' roll-up, and per goal what the indicators
 * say (verdict, trend, the sentence that explains it, the latest value) and, separately, how the
 * activities serving it are going. Each goal links to its own page with charts and tables.
 */
import type { FocusAreaProgress, ProgrammeProgress } from '../../app/progress/get-progress.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ContentText, programmeName, SwedishContentNotice } from '../components/content-text.js';
import { ExampleNotice } from '../components/example-marking.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import {
  goalProgressPath,
  HowToRead,
  IndicatorInShort,
  PROGRESS_PATH,
  RollupInWords,
  UpdatedOn,
} from './progress-parts.page.js';

function FocusAreaSection({ slug, area }: { slug: string; area: FocusAreaProgress }) {
  const t = texts().progress;
  const headingId = `omrade-${area.focusArea.id}`;
  return (
    <section class="focus-area" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <ContentText sv={area.focusArea.name} en={area.focusArea.nameEn} />
      </h2>
      {area.activities.year !== null && area.activities.rollup && (
        <p class="ds-paragraph">
          <strong>{t.areaActivities(area.activities.year)}:</strong> <RollupInWords activities={area.activities} />{' '}
          <span class="meta">{t.areaActivitiesNote}</span>
        </p>
      )}
      {area.goals.length === 0 && <p class="ds-paragraph">{t.noGoalsInArea}</p>}
      {area.goals.map((g) => {
        const goalHeading = `mal-${g.goal.id}`;
        return (
          <section class="panel goal-progress" aria-labelledby={goalHeading}>
            <h3 id={goalHeading}>
              <a class="ds-link" href={localized(goalProgressPath(slug, g.goal.id))}>
                <ContentText sv={g.goal.title} en={g.goal.titleEn} />
              </a>
            </h3>
            <h4>{t.indicatorsHeading}</h4>
            {g.indicators.length === 0 ? (
              <p class="ds-paragraph">{t.noIndicators}</p>
            ) : (
              <ul class="plain-list">
                {g.indicators.map((ip) => (
                  <IndicatorInShort ip={ip} />
                ))}
              </ul>
            )}
            <h4>{t.activitiesHeading}</h4>
            <p class="ds-paragraph">
              {g.activities.year === null || !g.activities.rollup ? (
                t.noActivities
              ) : (
                <>
                  <strong>{t.activitiesShort(g.activities.year)}:</strong> <RollupInWords activities={g.activities} />
                </>
              )}
            </p>
          </section>
        );
      })}
    </section>
  );
}

export function ProgressProgrammePage({ progress }: { progress: ProgrammeProgress }) {
  const t = texts().progress;
  const { programme, status } = progress;
  const name = programmeName(programme);
  return (
    <Layout title={name} description={t.programmeDescription(name)} current={PROGRESS_PATH}>
      <Breadcrumbs items={[{ href: localized(PROGRESS_PATH), label: t.overviewTitle }]} current={name} />
      <h1>
        <ContentText sv={programme.name} en={programme.nameEn} />
      </h1>
      <SwedishContentNotice />
      <p class="ds-paragraph lead">
        {t.programmeLead} {t.statusLine(t.programmeStatus[status.kind])}
      </p>
      <UpdatedOn date={progress.updatedOn} />
      {progress.includesExamples && <ExampleNotice of="figures" />}
      {progress.focusAreas.every((a) => a.goals.length === 0) ? (
        <p class="ds-paragraph">{t.noGoals}</p>
      ) : (
        progress.focusAreas.map((area) => <FocusAreaSection slug={programme.slug} area={area} />)
      )}
      <HowToRead />
    </Layout>
  );
}
