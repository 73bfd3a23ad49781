/**
 * What a programme must contain before it may be proposed for adoption. The memo's demand that
 * sustainability and climate permeate every goal is enforced here: each goal must say how it serves each
 * cross-cutting perspective, and a refusal names the goals that do not.
 */
import { DomainError, type FieldProblem } from '../errors.js';
import type { Programme } from './programme.js';

const isBlank = (text: string): boolean => text.trim() === '';

/** Everything that stops the programme from being proposed; empty when it may be. */
export function checkProposable(programme: Programme): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string): void => {
    problems.push({ field, message });
  };

  if (isBlank(programme.name)) problem('name', 'Programmet saknar namn.');
  if (programme.targetYear === null) problem('targetYear', 'Programmet saknar målår.');

  const { validFromYear: from, validToYear: to } = programme;
  if (from === null) problem('validFromYear', 'Programmet saknar giltighetsperiodens första år.');
  if (to === null) problem('validToYear', 'Programmet saknar giltighetsperiodens sista år.');
  if (from !== null && to !== null && from > to) {
    problem('validToYear', `Giltighetsperioden slutar (${to}) före den börjar (${from}).`);
  }

  if (programme.perspectives.length === 0) {
    problem('perspectives', 'Programmet saknar tvärgående perspektiv, till exempel hållbar utveckling och klimat.');
  }
  if (programme.focusAreas.length === 0) problem('focusAreas', 'Programmet saknar fokusområden.');

  for (const area of programme.focusAreas) {
    if (area.goals.length === 0) problem(`focusAreas.${area.id}.goals`, `Fokusområdet ”${area.name}” saknar mål.`);

    area.goals.forEach((goal, index) => {
      const goalName = isBlank(goal.title)
        ? `Mål ${index + 1} i fokusområdet ”${area.name}”`
        : `Målet ”${goal.title.trim()}”`;
      if (isBlank(goal.title)) problem(`goals.${goal.id}.title`, `${goalName} saknar rubrik.`);

      for (const perspective of programme.perspectives) {
        if (isBlank(goal.statements[perspective.id] ?? '')) {
          problem(
            `goals.${goal.id}.statements.${perspective.id}`,
            `${goalName} saknar en redovisning av hur det bidrar till perspektivet ”${perspective.name}”.`,
          );
        }
      }
    });
  }
  return problems;
}

/** Throws `not_proposable` with every problem when the programme may not be proposed. */
export function assertProposable(programme: Programme): void {
  const problems = checkProposable(programme);
  if (problems.length === 0) return;
  const count = problems.length === 1 ? 'en brist' : `${problems.length} brister`;
  throw new DomainError(
    'not_proposable',
    `Programmet kan inte föreslås för antagande ännu: det har ${count} som måste åtgärdas först.`,
    problems,
  );
}
