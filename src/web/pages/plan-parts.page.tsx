/**
 * Pieces the plan pages share: addresses, the state and example tags, the example notice, the
 * confirmation after a saved change, and the refusal of a lifecycle action.
 */
import type { Plan, PlanState } from '../../domain/plans/plan.js';
import { StatusTag, type StatusTagKind } from '../components/status-tag.js';
import { ExampleTag } from '../components/example-marking.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';

export const PLANS_PATH = '/planer';
export const NEW_PLAN_PATH = '/planer/ny';
/** A plan's page in the current page's language (redirects after a form are Swedish requests). */
export const planPath = (planId: number) => localized(`/planer/${planId}`);
export const editPlanPath = (planId: number) => `/planer/${planId}/redigera`;
export const copyPlanPath = (planId: number) => `/planer/${planId}/kopiera`;
export const newActionPlanPath = (planId: number) => `/planer/${planId}/handlingsplaner/ny`;
export const newActivityPath = (planId: number) => `/planer/${planId}/aktiviteter/ny`;
export const editActivityPath = (planId: number, activityId: number) =>
  `/planer/${planId}/aktiviteter/${activityId}/redigera`;
export const removeActivityPath = (planId: number, activityId: number) =>
  `/planer/${planId}/aktiviteter/${activityId}/ta-bort`;
/** The report form (helper B's follow-up pages). */
export const reportPath = (planId: number, activityId: number) => `/planer/${planId}/aktiviteter/${activityId}/rapport`;
export const submitPlanPath = (planId: number) => `/planer/${planId}/lamna-in`;
export const planDecisionPath = (planId: number) => `/planer/${planId}/beslut`;
export const activityAnchor = (activityId: number) => `aktivitet-${activityId}`;
/** The plan's change history (the audit trail of it and its activities). */
export const planHistoryPath = (planId: number) => `/historik/plan/${planId}`;

const STATE_TAG_KIND: Record<PlanState, StatusTagKind> = {
  draft: 'draft',
  submitted: 'proposed',
  adopted: 'in_force',
};

export const PlanStateTag = ({ state }: { state: PlanState }) => (
  <StatusTag kind={STATE_TAG_KIND[state]} label={texts().plans.stateShort[state]} />
);

/** The plan's title with its tags, for lists. */
export const PlanTitleTags = ({ plan }: { plan: Pick<Plan, 'state' | 'isExample'> }) => (
  <span class="plan-tags">
    <PlanStateTag state={plan.state} />
    {plan.isExample && <ExampleTag />}
  </span>
);

/** Why an action on the page was not done, with where to go instead when there is such a place. */
export interface Refusal {
  title: string;
  message: string;
  link?: { href: string; label: string };
}

export const RefusalAlert = ({ refusal }: { refusal: Refusal | undefined }) =>
  refusal ? (
    <div class="ds-alert refusal" data-color="danger" role="alert" aria-labelledby="avslag-rubrik">
      <h2 class="ds-heading" data-size="xs" id="avslag-rubrik">
        {refusal.title}
      </h2>
      <p class="ds-paragraph">{refusal.message}</p>
      {refusal.link && (
        <p class="ds-paragraph">
          <a class="ds-link" href={refusal.link.href}>
            {refusal.link.label}
          </a>
        </p>
      )}
    </div>
  ) : null;
