/** One activity of a plan in full, under the plan's activity table (the table's titles link here). */
import type { ActivityView, PlanView } from '../../app/plans/get-plan.js';
import type { FollowUpRound } from '../../domain/plans/follow-up.js';
import { REPORT_STATUS_LABELS } from '../../domain/plans/follow-up.js';
import { CLIMATE_EFFECT_LABELS, DIMENSION_LABELS, type Plan } from '../../domain/plans/plan.js';
import { formatNumber } from '../format.js';
import { activityAnchor, editActivityPath, planPath, removeActivityPath, reportPath } from './plan-parts.page.js';

const kronor = (kr: number | null) => (kr === null ? 'Ingen egen budget' : `${formatNumber(kr)}\u00a0kr`);

export interface PlanActivityDetailsProps {
  v: ActivityView;
  plan: Plan;
  may: PlanView['may'];
  rounds: readonly FollowUpRound[];
}

export function PlanActivityDetails({ v, plan, may, rounds }: PlanActivityDetailsProps) {
  const { activity, goals, strategies, members, reports, carriedOverFrom } = v;
  const headingId = `${activityAnchor(activity.id)}-rubrik`;
  const roundName = new Map(rounds.map((r) => [r.id, r.name]));
  return (
    <section id={activityAnchor(activity.id)} aria-labelledby={headingId} class="activity">
      <h3 id={headingId}>{activity.title}</h3>
      {activity.description && <p class="ds-paragraph pre-line">{activity.description}</p>}
      <dl class="facts">
        <dt>Mål</dt>
        <dd>
          {goals.length === 0 ? (
            <strong class="choose-goal">
              Välj mål: aktiviteten bidrar inte till något mål i programmet planen följer.
            </strong>
          ) : (
            <ul class="plain-list">
              {goals.map((g) => (
                <li>
                  <a class="ds-link" href={`/mal/${g.id}`}>
                    {g.title}
                  </a>{' '}
                  <span class="meta">({g.focusAreaName})</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Strategier</dt>
        <dd>
          {strategies.length === 0 ? (
            'Inga valda'
          ) : (
            <ul class="plain-list">
              {strategies.map((s) => (
                <li>{s.text}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Ansvarig</dt>
        <dd>{activity.ownerName}</dd>
        <dt>Deltagande kommuner</dt>
        <dd>{members.length === 0 ? 'Inga angivna' : members.map((m) => m.name).join(', ')}</dd>
        <dt>Period</dt>
        <dd>
          {activity.startDate} – {activity.endDate}
        </dd>
        <dt>Budget</dt>
        <dd>{kronor(activity.budgetKr)}</dd>
        <dt>Vikt i uppföljningen</dt>
        <dd>{formatNumber(activity.weight)}</dd>
        <dt>Förväntad klimateffekt</dt>
        <dd>
          {CLIMATE_EFFECT_LABELS[activity.climateEffect]}
          {activity.climateJustification && <span class="block pre-line">{activity.climateJustification}</span>}
        </dd>
        <dt>Hållbarhetsdimension</dt>
        <dd>{DIMENSION_LABELS[activity.dimension]}</dd>
        {carriedOverFrom && (
          <>
            <dt>Överförd från</dt>
            <dd>
              <a
                class="ds-link"
                href={`${planPath(carriedOverFrom.planId)}#${activityAnchor(carriedOverFrom.activityId)}`}
              >
                Planen för {carriedOverFrom.year}
              </a>
            </dd>
          </>
        )}
        <dt>Uppföljning</dt>
        <dd>
          {reports.length === 0 ? (
            'Ingen rapport ännu.'
          ) : (
            <ul class="plain-list">
              {reports.map((r) => (
                <li>
                  {roundName.get(r.roundId) ?? 'Omgång'}: {REPORT_STATUS_LABELS[r.status]}, {formatNumber(r.progress)}
                  {'\u00a0%'}
                  {r.comment && <span class="block pre-line">{r.comment}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {(may.edit || may.report) && (
        <p class="actions">
          {may.edit && (
            <a class="ds-link" href={editActivityPath(plan.id, activity.id)}>
              Ändra<span class="ds-sr-only"> {activity.title}</span>
            </a>
          )}
          {may.edit && (
            <a class="ds-link" href={removeActivityPath(plan.id, activity.id)}>
              Ta bort<span class="ds-sr-only"> {activity.title}</span>
            </a>
          )}
          {may.report && (
            <a class="ds-link" href={reportPath(plan.id, activity.id)}>
              Rapportera<span class="ds-sr-only"> om {activity.title}</span>
            </a>
          )}
        </p>
      )}
    </section>
  );
}
