/**
 * A plan's change history: every recorded change of the plan, its activities (removed ones too, marked),
 * the committee's decisions and the follow-up reports, newest first, each with when and by whom and the
 * changed fields behind a disclosure (the programme history's items).
 */
import type { HistoryActivity, PlanHistory } from '../../app/audit/get-plan-history.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ExampleNotice } from '../components/example-marking.js';
import { Layout } from '../layout.js';
import { HistoryItem } from './history.page.js';
import { activityAnchor, PLANS_PATH, planPath } from './plan-parts.page.js';

/** Which activity an event is about: a link to it in its plan, or its last recorded name marked as removed. */
function ActivitySubject({ activity, planId }: { activity: HistoryActivity; planId: number }) {
  if (activity.removed)
    return (
      <>
        Aktivitet: {activity.title}{' '}
        <span class="ds-tag" data-color="neutral">
          Borttagen ur planen
        </span>
      </>
    );
  return (
    <>
      Aktivitet:{' '}
      <a class="ds-link" href={`${planPath(activity.planId)}#${activityAnchor(activity.id)}`}>
        {activity.title}
      </a>
      {activity.planId !== planId && ' (i nästa års plan)'}
    </>
  );
}

export function PlanHistoryPage({ history }: { history: PlanHistory }) {
  const { plan, entries, names } = history;
  const title = `Ändringshistorik: ${plan.title}`;
  return (
    <Layout
      title={title}
      description={`Varje ändring av ${plan.title}, dess aktiviteter, kommitténs beslut och uppföljningens rapporter: vem, när, och fälten före och efter.`}
      current={PLANS_PATH}
    >
      <Breadcrumbs
        items={[
          { href: PLANS_PATH, label: 'Planer' },
          { href: planPath(plan.id), label: plan.title },
        ]}
        current="Ändringshistorik"
      />
      <h1>{title}</h1>
      {plan.isExample && <ExampleNotice of="plan" />}
      <p class="ds-paragraph">
        Varje ändring av planen och dess aktiviteter, samarbetskommitténs beslut om den och rapporterna i uppföljningen
        skrivs in i granskningsloggen i samma stund som ändringen sparas, med vem som gjorde den. Loggen kan inte ändras
        eller tömmas i tjänsten. Den senaste ändringen står först. Aktiviteter som har tagits bort ur planen finns kvar
        här, märkta ”Borttagen ur planen”.
      </p>
      {entries.length === 0 ? (
        <p class="ds-paragraph">Inga ändringar är registrerade för planen.</p>
      ) : (
        <ol class="plain-list history" aria-label="Ändringar, senaste först">
          {entries.map((entry) => (
            <HistoryItem
              entry={entry}
              names={names}
              subject={entry.activity && <ActivitySubject activity={entry.activity} planId={plan.id} />}
            />
          ))}
        </ol>
      )}
    </Layout>
  );
}
