/**
 * The goal form's "föregående mål": checkboxes grouped per earlier programme, each group a fieldset
 * with its programme as legend. The first checkbox carries the field's id so the error summary lands on it.
 */
import { Fieldset } from '../components/fieldset.js';

export interface PredecessorGroup {
  programme: { slug: string; name: string };
  goals: { id: number; title: string; focusAreaName: string }[];
}

export const PREDECESSORS_ID = 'predecessorGoalIds';

export function PredecessorChoices({
  groups,
  selected,
  error,
}: {
  groups: PredecessorGroup[];
  selected: string[];
  error: string | undefined;
}) {
  const firstGoalId = groups.flatMap((g) => g.goals)[0]?.id;
  return (
    <Fieldset
      id={`${PREDECESSORS_ID}-grupp`}
      legend="Föregående mål (valfritt)"
      hint="Målen i tidigare program som det här målet fortsätter. Så kan målet följas mellan programversionerna."
      error={error}
    >
      {groups.length === 0 && <p class="ds-paragraph">Det finns inga mål i tidigare program att välja.</p>}
      {groups.map((group) => (
        <fieldset class="ds-fieldset predecessor-group">
          <legend class="ds-label">
            Mål i {group.programme.name} ({group.programme.slug})
          </legend>
          {group.goals.map((goal) => {
            const id = goal.id === firstGoalId ? PREDECESSORS_ID : `predecessor-${goal.id}`;
            return (
              <div class="ds-field">
                <input
                  class="ds-input"
                  type="checkbox"
                  id={id}
                  name="predecessorGoalIds"
                  value={String(goal.id)}
                  checked={selected.includes(String(goal.id))}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={`${id}-omrade`}
                />
                <label for={id}>{goal.title}</label>
                <p class="ds-paragraph" data-field="description" id={`${id}-omrade`}>
                  Fokusområde: {goal.focusAreaName}
                </p>
              </div>
            );
          })}
        </fieldset>
      ))}
    </Fieldset>
  );
}
