/**
 * One plan: its facts, introduction, action plans, activities (a table, then each in detail), the
 * committee's decisions, and the lifecycle actions the reader may take.
 */
import type { ActivityView } from '../../app/plans/get-plan.js';
import type { PlanPage } from '../../app/plans/plan-page.js';
import { REPORT_STATUS_SHORT } from '../../domain/plans/follow-up.js';
import { CARRIED_DATES_RULE } from '../../domain/plans/plan-rules.js';
import { PLAN_KIND_LABELS, PLAN_STATE_LABELS } from '../../domain/plans/plan.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ButtonLink } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import { decisionDateText, PLAN_OUTCOME_LABELS } from '../present.js';
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
export const latestText = (v: Pick<ActivityView, 'latest'>) =>
  v.latest ? `${REPORT_STATUS_SHORT[v.latest.status]}, ${formatNumber(v.latest.progress)}\u00a0%` : 'Ingen rapport';

function ActivityTitleCell({ v, planId, mayEdit }: { v: ActivityView; planId: number; mayEdit: boolean }) {
  const { activity, carriedOverFrom } = v;
  return (
    <>
      <a class="ds-link" href={`#${activityAnchor(activity.id)}`}>
        {activity.title}
      </a>
      {carriedOverFrom && (
        <span class="block meta">
          <a class="ds-link" href={`${planPath(carriedOverFrom.planId)}#${activityAnchor(carriedOverFrom.activityId)}`}>
            Överförd från {carriedOverFrom.year}
          </a>
        </span>
      )}
      {activity.goalIds.length === 0 && (
        <strong class="block choose-goal">
          {mayEdit ? (
            <a class="ds-link" href={editActivityPath(planId, activity.id)}>
              Välj mål<span class="ds-sr-only"> för {activity.title}</span>
            </a>
          ) : (
            'Välj mål'
          )}
        </strong>
      )}
    </>
  );
}

function ActivitiesTable({ page }: { page: PlanPage }) {
  const { plan, activities, may } = page.view;
  return (
    <DataTable
      caption={`Aktiviteter i ${plan.title}`}
      rowHeaders
      columns={[
        { label: 'Aktivitet' },
        { label: 'Mål' },
        { label: 'Ansvarig' },
        { label: 'Period' },
        { label: 'Senaste rapport' },
      ]}
      rows={activities.map((v) => [
        <ActivityTitleCell v={v} planId={plan.id} mayEdit={may.edit} />,
        v.goals.length === 0 ? (
          'Inget mål'
        ) : (
          <ul class="plain-list">
            {v.goals.map((g) => (
              <li>
                <a class="ds-link" href={`/mal/${g.id}`}>
                  {g.title}
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
                Rapportera<span class="ds-sr-only"> om {v.activity.title}</span>
              </a>
            </span>
          )}
        </>,
      ])}
      empty="Planen har inga aktiviteter ännu."
    />
  );
}

function Lifecycle({ page }: { page: PlanPage }) {
  const { view, mayCopy, mayAddActionPlan, nextYear } = page;
  const { plan, may } = view;
  if (!may.edit && !may.submit && !may.decide && !mayCopy && !mayAddActionPlan) return null;
  return (
    <section aria-labelledby="hantera-rubrik" class="panel">
      <h2 id="hantera-rubrik">Hantera planen</h2>
      <div class="actions">
        {may.edit && <ButtonLink href={newActivityPath(plan.id)}>Lägg till aktivitet</ButtonLink>}
        {may.edit && (
          <ButtonLink href={editPlanPath(plan.id)} variant="secondary">
            Ändra namn och inledning
          </ButtonLink>
        )}
        {mayAddActionPlan && (
          <ButtonLink href={newActionPlanPath(plan.id)} variant="secondary">
            Ny handlingsplan
          </ButtonLink>
        )}
        {may.decide && <ButtonLink href={planDecisionPath(plan.id)}>Registrera kommitténs beslut</ButtonLink>}
      </div>
      {may.submit && (
        <form method="post" action={submitPlanPath(plan.id)} class="actions">
          <p class="ds-paragraph">
            När planen är klar lämnar du in den till samarbetskommittén. Därefter kan den inte ändras, om inte kommittén
            återremitterar den.
          </p>
          <Button>Lämna in till samarbetskommittén</Button>
        </form>
      )}
      {mayCopy &&
        (nextYear ? (
          <p class="ds-paragraph">
            Nästa års plan finns redan:{' '}
            <a class="ds-link" href={planPath(nextYear.id)}>
              {nextYear.title}
            </a>
            .
          </p>
        ) : (
          <form method="post" action={copyPlanPath(plan.id)} class="copy-form">
            <h3>Nästa års plan</h3>
            <p class="ds-paragraph">
              Skapar ett utkast för {plan.year + 1} med verksamhetsplanen och dess handlingsplaner. Bara aktiviteter som
              inte är slutförda följer med – de vars senaste rapport säger under 100 procent eller som saknar rapport –
              och de märks ”Överförd från {plan.year}”. {CARRIED_DATES_RULE} Mål som inte finns i programmet för nya
              planer tas bort; en aktivitet utan mål märks ”Välj mål”.
            </p>
            <Button variant="secondary">Skapa nästa års plan från denna</Button>
          </form>
        ))}
    </section>
  );
}

export function PlanViewPage({ page, saved, refusal }: PlanViewPageProps) {
  const { view, target, copiedFrom } = page;
  const { plan, network, programme, parent, actionPlans, activities, decisions, may } = view;
  const carried = activities.some((v) => v.activity.carriedOverFromActivityId !== null);
  return (
    <Layout
      title={plan.title}
      description={`${plan.title}: ${network.name}s ${plan.kind === 'operational' ? 'verksamhetsplan' : 'handlingsplan'} för ${plan.year} med aktiviteter, mål de bidrar till, senaste uppföljning och beslut.`}
      current={PLANS_PATH}
    >
      <Breadcrumbs
        items={[
          { href: PLANS_PATH, label: 'Planer' },
          ...(parent ? [{ href: planPath(parent.id), label: parent.title }] : []),
        ]}
        current={plan.title}
      />
      <h1>{plan.title}</h1>
      <p class="plan-tags">
        <PlanStateTag state={plan.state} />
        {plan.isExample && <ExampleTag />}
      </p>
      <RefusalAlert refusal={refusal} />
      <SavedMessage text={saved} />
      {plan.isExample && <ExampleNotice of="plan" />}
      <dl class="facts">
        <dt>Nätverk</dt>
        <dd>{network.name}</dd>
        <dt>År</dt>
        <dd>{plan.year}</dd>
        <dt>Slag</dt>
        <dd>{PLAN_KIND_LABELS[plan.kind]}</dd>
        <dt>Läge</dt>
        <dd>{PLAN_STATE_LABELS[plan.state]}</dd>
        <dt>Program</dt>
        <dd>
          <ProgrammeNote target={target} programme={programme} />
        </dd>
        {parent && (
          <>
            <dt>Verksamhetsplan</dt>
            <dd>
              <a class="ds-link" href={planPath(parent.id)}>
                {parent.title}
              </a>
            </dd>
          </>
        )}
        {copiedFrom && (
          <>
            <dt>Skapad från</dt>
            <dd>
              <a class="ds-link" href={planPath(copiedFrom.id)}>
                {copiedFrom.title}
              </a>{' '}
              ({copiedFrom.year})
            </dd>
          </>
        )}
      </dl>
      {page.mayReadHistory && (
        <p class="ds-paragraph">
          <a class="ds-link" href={planHistoryPath(plan.id)}>
            Ändringshistorik
          </a>{' '}
          – vem som har ändrat planen och dess aktiviteter, och när.
        </p>
      )}
      {plan.summary && (
        <section aria-labelledby="inledning-rubrik">
          <h2 id="inledning-rubrik">Inledning</h2>
          {plan.summary.split(/\n\s*\n/).map((paragraph) => (
            <p class="ds-paragraph pre-line">{paragraph}</p>
          ))}
        </section>
      )}
      <Lifecycle page={page} />
      {plan.kind === 'operational' && (
        <section aria-labelledby="handlingsplaner-rubrik">
          <h2 id="handlingsplaner-rubrik">Handlingsplaner</h2>
          {actionPlans.length === 0 ? (
            <p class="ds-paragraph">Verksamhetsplanen har inga handlingsplaner.</p>
          ) : (
            <ul class="plain-list">
              {actionPlans.map((p) => (
                <li>
                  <a class="ds-link" href={planPath(p.id)}>
                    {p.title}
                  </a>{' '}
                  <PlanStateTag state={p.state} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="aktiviteter-rubrik">
        <h2 id="aktiviteter-rubrik">Aktiviteter</h2>
        {carried && (
          <p class="ds-paragraph">
            Aktiviteter märkta ”Överförd från” följde med från förra årets plan. {CARRIED_DATES_RULE}
          </p>
        )}
        <div class="plan-activities">
          <ActivitiesTable page={page} />
        </div>
        {activities.map((v) => (
          <PlanActivityDetails v={v} plan={plan} may={may} rounds={view.rounds} />
        ))}
      </section>
      <section aria-labelledby="beslut-rubrik">
        <h2 id="beslut-rubrik">Samarbetskommitténs beslut</h2>
        <DataTable
          caption={`Beslut om ${plan.title}`}
          columns={[
            { label: 'Datum' },
            { label: 'Paragraf' },
            { label: 'Beslut' },
            { label: 'Anteckning' },
            { label: 'Källa' },
          ]}
          rows={decisions.map((d) => [
            <span class="nowrap">{decisionDateText(d.decided)}</span>,
            d.paragraph || '–',
            PLAN_OUTCOME_LABELS[d.outcome],
            d.note || '–',
            d.source || '–',
          ])}
          empty="Inga beslut är registrerade."
        />
      </section>
    </Layout>
  );
}
