/**
 * One plan: its facts, introduction, action plans, activities (a table, then each in detail), the
 * committee's decisions, and the lifecycle actions the reader may take.
 */
import type { ActivityView } from '../../app/plans/get-plan.js';
import type { PlanPage } from '../../app/plans/plan-page.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ContentText, SwedishContentNotice, SwedishData, swedishData } from '../components/content-text.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Button, ButtonLink } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import { PlanActivityDetails } from './plan-activity-details.page.js';
import {
  activityAnchor,
  copyPlanPath,
  editActivityPath,
  editPlanPath,
  newActionPlanPath,
  newActivityPath,
  planDecisionPath,
  planHistoryPath,
  planPath,
  PlanStateTag,
  PLANS_PATH,
  RefusalAlert,
  reportPath,
  submitPlanPath,
  type Refusal,
} from './plan-parts.page.js';
import { SavedMessage } from '../components/saved-message.js';
import { ProgrammeNote } from './plan-programme-note.page.js';
import { ExampleNotice, ExampleTag } from '../components/example-marking.js';

export interface PlanViewPageProps {
  page: PlanPage;
  saved?: string | undefined;
  refusal?: Refusal | undefined;
}

export const kronorText = (kr: number | null) => (kr === null ? '–' : `${formatNumber(kr)}\u00a0kr`);
export const periodText = (a: { startDate: string; endDate: string }) => `${a.startDate}\u2013${a.endDate}`;
export const latestText = (v: Pick<ActivityView, 'latest'>) => {
  const t = texts().plans;
  return v.latest ? `${t.reportShort[v.latest.status]}, ${formatNumber(v.latest.progress)}\u00a0%` : t.noReport;
};

function ActivityTitleCell({ v, planId, mayEdit }: { v: ActivityView; planId: number; mayEdit: boolean }) {
  const t = texts().plans;
  const { activity, carriedOverFrom } = v;
  return (
    <>
      <a class="ds-link" href={`#${activityAnchor(activity.id)}`}>
        <SwedishData>{activity.title}</SwedishData>
      </a>
      {carriedOverFrom && (
        <span class="block meta">
          <a class="ds-link" href={`${planPath(carriedOverFrom.planId)}#${activityAnchor(carriedOverFrom.activityId)}`}>
            {t.carriedOverFrom(carriedOverFrom.year)}
          </a>
        </span>
      )}
      {activity.goalIds.length === 0 && (
        <strong class="block choose-goal">
          {mayEdit ? (
            <a class="ds-link" href={editActivityPath(planId, activity.id)}>
              {t.chooseGoal}
              <span class="ds-sr-only">{t.chooseGoalFor(activity.title)}</span>
            </a>
          ) : (
            t.chooseGoal
          )}
        </strong>
      )}
    </>
  );
}

function ActivitiesTable({ page }: { page: PlanPage }) {
  const t = texts().plans;
  const { plan, activities, may } = page.view;
  return (
    <DataTable
      caption={t.activitiesCaption(plan.title)}
      rowHeaders
      columns={[
        { label: t.activityColumns.activity },
        { label: t.activityColumns.goal },
        { label: t.activityColumns.owner },
        { label: t.activityColumns.period },
        { label: t.activityColumns.latest },
      ]}
      rows={activities.map((v) => [
        <ActivityTitleCell v={v} planId={plan.id} mayEdit={may.edit} />,
        v.goals.length === 0 ? (
          t.noGoal
        ) : (
          <ul class="plain-list">
            {v.goals.map((g) => (
              <li>
                <a class="ds-link" href={localized(`/mal/${g.id}`)}>
                  <ContentText sv={g.title} en={g.titleEn} />
                </a>
              </li>
            ))}
          </ul>
        ),
        v.activity.ownerName,
        <span class="nowrap">{periodText(v.activity)}</span>,
        <>
          {latestText(v)}
          {may.report && (
            <span class="block">
              <a class="ds-link" href={reportPath(plan.id, v.activity.id)}>
                {t.report}
                <span class="ds-sr-only">{t.reportOn(v.activity.title)}</span>
              </a>
            </span>
          )}
        </>,
      ])}
      empty={t.noActivities}
    />
  );
}

function Lifecycle({ page }: { page: PlanPage }) {
  const t = texts().plans;
  const { view, mayCopy, mayAddActionPlan, nextYear } = page;
  const { plan, may } = view;
  if (!may.edit && !may.submit && !may.decide && !mayCopy && !mayAddActionPlan) return null;
  return (
    <section aria-labelledby="hantera-rubrik" class="panel">
      <h2 id="hantera-rubrik">{t.manage}</h2>
      <div class="actions">
        {may.edit && <ButtonLink href={newActivityPath(plan.id)}>{t.addActivity}</ButtonLink>}
        {may.edit && (
          <ButtonLink href={editPlanPath(plan.id)} variant="secondary">
            {t.editNameAndIntro}
          </ButtonLink>
        )}
        {mayAddActionPlan && (
          <ButtonLink href={newActionPlanPath(plan.id)} variant="secondary">
            {t.newActionPlan}
          </ButtonLink>
        )}
        {may.decide && <ButtonLink href={planDecisionPath(plan.id)}>{t.recordDecision}</ButtonLink>}
      </div>
      {may.submit && (
        <form method="post" action={submitPlanPath(plan.id)} class="actions">
          <p class="ds-paragraph">{t.submitText}</p>
          <Button>{t.submit}</Button>
        </form>
      )}
      {mayCopy &&
        (nextYear ? (
          <p class="ds-paragraph">
            {t.nextYearExists}{' '}
            <a class="ds-link" href={planPath(nextYear.id)}>
              <SwedishData>{nextYear.title}</SwedishData>
            </a>
            .
          </p>
        ) : (
          <form method="post" action={copyPlanPath(plan.id)} class="copy-form">
            <h3>{t.nextYearHeading}</h3>
            <p class="ds-paragraph">{t.nextYearText(plan.year + 1, plan.year)}</p>
            <Button variant="secondary">{t.createNextYear}</Button>
          </form>
        ))}
    </section>
  );
}

export function PlanViewPage({ page, saved, refusal }: PlanViewPageProps) {
  const { view, target, copiedFrom } = page;
  const { plan, network, programme, parent, actionPlans, activities, decisions, may } = view;
  const t = texts();
  const pt = t.plans;
  const carried = activities.some((v) => v.activity.carriedOverFromActivityId !== null);
  return (
    <Layout
      title={plan.title}
      description={pt.description1(plan.title, network.name, plan.kind === 'operational', plan.year)}
      current={PLANS_PATH}
    >
      <Breadcrumbs
        items={[
          { href: localized(PLANS_PATH), label: pt.title },
          ...(parent ? [{ href: planPath(parent.id), label: parent.title }] : []),
        ]}
        current={plan.title}
      />
      <h1 lang={swedishData()}>{plan.title}</h1>
      <p class="plan-tags">
        <PlanStateTag state={plan.state} />
        {plan.isExample && <ExampleTag />}
      </p>
      <RefusalAlert refusal={refusal} />
      <SavedMessage text={saved} />
      {plan.isExample && <ExampleNotice of="plan" />}
      <SwedishContentNotice />
      <dl class="facts">
        <dt>{pt.facts.network}</dt>
        <dd>
          <SwedishData>{network.name}</SwedishData>
        </dd>
        <dt>{pt.facts.year}</dt>
        <dd>{plan.year}</dd>
        <dt>{pt.facts.kind}</dt>
        <dd>{pt.kind[plan.kind]}</dd>
        <dt>{pt.facts.state}</dt>
        <dd>{pt.state[plan.state]}</dd>
        <dt>{pt.facts.programme}</dt>
        <dd>
          <ProgrammeNote target={target} programme={programme} />
        </dd>
        {parent && (
          <>
            <dt>{pt.facts.operationalPlan}</dt>
            <dd>
              <a class="ds-link" href={planPath(parent.id)}>
                <SwedishData>{parent.title}</SwedishData>
              </a>
            </dd>
          </>
        )}
        {copiedFrom && (
          <>
            <dt>{pt.facts.createdFrom}</dt>
            <dd>
              <a class="ds-link" href={planPath(copiedFrom.id)}>
                <SwedishData>{copiedFrom.title}</SwedishData>
              </a>{' '}
              ({copiedFrom.year})
            </dd>
          </>
        )}
      </dl>
      {page.mayReadHistory && (
        <p class="ds-paragraph">
          <a class="ds-link" href={planHistoryPath(plan.id)}>
            {pt.history}
          </a>{' '}
          {pt.historyExplained}
        </p>
      )}
      {plan.summary && (
        <section aria-labelledby="inledning-rubrik">
          <h2 id="inledning-rubrik">{pt.introduction}</h2>
          {plan.summary.split(/\n\s*\n/).map((paragraph) => (
            <p class="ds-paragraph pre-line" lang={swedishData()}>
              {paragraph}
            </p>
          ))}
        </section>
      )}
      <Lifecycle page={page} />
      {plan.kind === 'operational' && (
        <section aria-labelledby="handlingsplaner-rubrik">
          <h2 id="handlingsplaner-rubrik">{pt.actionPlans}</h2>
          {actionPlans.length === 0 ? (
            <p class="ds-paragraph">{pt.noActionPlans}</p>
          ) : (
            <ul class="plain-list">
              {actionPlans.map((p) => (
                <li>
                  <a class="ds-link" href={planPath(p.id)}>
                    <SwedishData>{p.title}</SwedishData>
                  </a>{' '}
                  <PlanStateTag state={p.state} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="aktiviteter-rubrik">
        <h2 id="aktiviteter-rubrik">{pt.activities}</h2>
        {carried && <p class="ds-paragraph">{pt.carriedNote}</p>}
        <div class="plan-activities">
          <ActivitiesTable page={page} />
        </div>
        {activities.map((v) => (
          <PlanActivityDetails v={v} plan={plan} may={may} rounds={view.rounds} />
        ))}
      </section>
      <section aria-labelledby="beslut-rubrik">
        <h2 id="beslut-rubrik">{pt.decisionsHeading}</h2>
        <DataTable
          caption={pt.decisionsCaption(plan.title)}
          columns={[
            { label: pt.decisionColumns.date },
            { label: pt.decisionColumns.paragraph },
            { label: pt.decisionColumns.decision },
            { label: pt.decisionColumns.note },
            { label: pt.decisionColumns.source },
          ]}
          rows={decisions.map((d) => [
            <span class="nowrap">{t.common.decisionDate(d.decided)}</span>,
            d.paragraph || '–',
            pt.outcome[d.outcome],
            d.note ? <SwedishData>{d.note}</SwedishData> : '–',
            d.source ? <SwedishData>{d.source}</SwedishData> : '–',
          ])}
          empty={pt.noDecisions}
        />
      </section>
    </Layout>
  );
}
