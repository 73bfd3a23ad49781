/** One activity of a plan in full, under the plan's activity table (the table's titles link here). */
import type { ActivityView, PlanView } from '../../app/plans/get-plan.js';
import type { FollowUpRound } from '../../domain/plans/follow-up.js';
import type { Plan } from '../../domain/plans/plan.js';
import { contentLang, ContentText, contentText, SwedishData, swedishData } from '../components/content-text.js';
import { formatNumber } from '../format.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { activityAnchor, editActivityPath, planPath, removeActivityPath, reportPath } from './plan-parts.page.js';

export interface PlanActivityDetailsProps {
  v: ActivityView;
  plan: Plan;
  may: PlanView['may'];
  rounds: readonly FollowUpRound[];
}

/** The activity's own texts (title, description, justification, comments) are Swedish data. */
export function PlanActivityDetails({ v, plan, may, rounds }: PlanActivityDetailsProps) {
  const t = texts().plans;
  const { activity, goals, strategies, members, reports, carriedOverFrom } = v;
  const headingId = `${activityAnchor(activity.id)}-rubrik`;
  const roundName = new Map(rounds.map((r) => [r.id, r.name]));
  const kronor = (kr: number | null) => (kr === null ? t.noBudget : `${formatNumber(kr)}\u00a0kr`);
  return (
    <section id={activityAnchor(activity.id)} aria-labelledby={headingId} class="activity">
      <h3 id={headingId} lang={swedishData()}>
        {activity.title}
      </h3>
      {activity.description && (
        <p class="ds-paragraph pre-line" lang={swedishData()}>
          {activity.description}
        </p>
      )}
      <dl class="facts">
        <dt>{t.goalsLabel}</dt>
        <dd>
          {goals.length === 0 ? (
            <strong class="choose-goal">{t.chooseGoalLong}</strong>
          ) : (
            <ul class="plain-list">
              {goals.map((g) => (
                <li>
                  <a class="ds-link" href={localized(`/mal/${g.id}`)}>
                    <ContentText sv={g.title} en={g.titleEn} />
                  </a>{' '}
                  <span class="meta">
                    (<ContentText sv={g.focusAreaName} en={g.focusAreaNameEn} />)
                  </span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t.strategies}</dt>
        <dd>
          {strategies.length === 0 ? (
            t.noneChosen
          ) : (
            <ul class="plain-list">
              {strategies.map((s) => (
                <li lang={contentLang(s.text, s.textEn)}>{contentText(s.text, s.textEn)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t.owner}</dt>
        <dd>{activity.ownerName}</dd>
        <dt>{t.members}</dt>
        <dd>{members.length === 0 ? t.noneGiven : members.map((m) => m.name).join(', ')}</dd>
        <dt>{t.period}</dt>
        <dd>
          {activity.startDate} – {activity.endDate}
        </dd>
        <dt>{t.budget}</dt>
        <dd>{kronor(activity.budgetKr)}</dd>
        <dt>{t.weight}</dt>
        <dd>{formatNumber(activity.weight)}</dd>
        <dt>{t.climate}</dt>
        <dd>
          {t.climateEffect[activity.climateEffect]}
          {activity.climateJustification && (
            <span class="block pre-line" lang={swedishData()}>
              {activity.climateJustification}
            </span>
          )}
        </dd>
        <dt>{t.dimension}</dt>
        <dd>{t.dimensions[activity.dimension]}</dd>
        {carriedOverFrom && (
          <>
            <dt>{t.carriedFrom}</dt>
            <dd>
              <a
                class="ds-link"
                href={`${planPath(carriedOverFrom.planId)}#${activityAnchor(carriedOverFrom.activityId)}`}
              >
                {t.planFor(carriedOverFrom.year)}
              </a>
            </dd>
          </>
        )}
        <dt>{t.followUp}</dt>
        <dd>
          {reports.length === 0 ? (
            t.noReportYet
          ) : (
            <ul class="plain-list">
              {reports.map((r) => (
                <li>
                  <SwedishData>{roundName.get(r.roundId) ?? t.round}</SwedishData>: {t.reportLong[r.status]},{' '}
                  {formatNumber(r.progress)}
                  {'\u00a0%'}
                  {r.comment && (
                    <span class="block pre-line" lang={swedishData()}>
                      {r.comment}
                    </span>
                  )}
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
              {t.edit}
              <span class="ds-sr-only"> {activity.title}</span>
            </a>
          )}
          {may.edit && (
            <a class="ds-link" href={removeActivityPath(plan.id, activity.id)}>
              {t.remove}
              <span class="ds-sr-only"> {activity.title}</span>
            </a>
          )}
          {may.report && (
            <a class="ds-link" href={reportPath(plan.id, activity.id)}>
              {t.report}
              <span class="ds-sr-only">{t.reportOn(activity.title)}</span>
            </a>
          )}
        </p>
      )}
    </section>
  );
}
