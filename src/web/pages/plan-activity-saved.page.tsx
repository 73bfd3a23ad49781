/**
 * An activity as it is saved now, field by field in the form's order and words: beside a form refused
 * because someone else changed the activity meanwhile, and on the page that asks before removing it.
 */
import type { ActivityFormChoices } from '../../app/plans/plan-form-choices.js';
import { CLIMATE_EFFECT_LABELS, DIMENSION_LABELS, type Activity } from '../../domain/plans/plan.js';
import { formatNumber } from '../format.js';

const List = ({ items, empty }: { items: readonly string[]; empty: string }) =>
  items.length === 0 ? (
    <>{empty}</>
  ) : (
    <ul class="plain-list">
      {items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );

export interface SavedActivityProps {
  activity: Activity;
  choices: Pick<ActivityFormChoices, 'programme' | 'members' | 'accounts'>;
}

export function SavedActivity({ activity: a, choices }: SavedActivityProps) {
  const goals = choices.programme.focusAreas.flatMap((area) => area.goals);
  const strategies = goals.flatMap((g) => g.strategies);
  const named = <T extends { id: number }>(ids: readonly number[], list: readonly T[], name: (t: T) => string) =>
    ids.map((id) => {
      const found = list.find((x) => x.id === id);
      return found ? name(found) : `nr ${id}`;
    });
  const account = choices.accounts.find((x) => x.id === a.ownerUserId);
  return (
    <dl class="facts">
      <dt>Aktivitetens namn</dt>
      <dd>{a.title}</dd>
      <dt>Beskrivning</dt>
      <dd class="pre-line">{a.description || '–'}</dd>
      <dt>Mål</dt>
      <dd>
        <List items={named(a.goalIds, goals, (g) => g.title)} empty="Inget mål" />
      </dd>
      <dt>Strategier</dt>
      <dd>
        <List items={named(a.strategyIds, strategies, (s) => s.text)} empty="Inga valda" />
      </dd>
      <dt>Ansvarig</dt>
      <dd>{a.ownerName}</dd>
      <dt>Den ansvariges konto</dt>
      <dd>{a.ownerUserId === null ? 'Inget konto' : (account?.name ?? 'Ett konto utan roll i nätverket')}</dd>
      <dt>Deltagande kommuner</dt>
      <dd>
        <List items={named(a.memberIds, choices.members, (m) => m.name)} empty="Inga valda" />
      </dd>
      <dt>Period</dt>
      <dd class="nowrap">
        {a.startDate}–{a.endDate}
      </dd>
      <dt>Budget</dt>
      <dd>{a.budgetKr === null ? 'Ingen egen budget' : `${formatNumber(a.budgetKr)}\u00a0kr`}</dd>
      <dt>Vikt i uppföljningen</dt>
      <dd>{formatNumber(a.weight)}</dd>
      <dt>Förväntad klimateffekt</dt>
      <dd>{CLIMATE_EFFECT_LABELS[a.climateEffect]}</dd>
      <dt>Motivering av klimateffekten</dt>
      <dd class="pre-line">{a.climateJustification || '–'}</dd>
      <dt>Hållbarhetsdimension</dt>
      <dd>{DIMENSION_LABELS[a.dimension]}</dd>
    </dl>
  );
}
