import type { FieldProblem } from '../errors.js';

/** Rules for a programme's own fields that the input format alone cannot express. */
export function checkProgrammeFields(fields: {
  targetYear: number | null;
  validFromYear: number | null;
  validToYear: number | null;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { targetYear, validFromYear, validToYear } = fields;
  if ((validFromYear === null) !== (validToYear === null)) {
    problems.push({
      field: validFromYear === null ? 'validFromYear' : 'validToYear',
      message: 'Ange giltighetsperiodens båda år, eller inget av dem.',
    });
  }
  if (validFromYear !== null && validToYear !== null && validFromYear > validToYear) {
    problems.push({ field: 'validToYear', message: 'Giltighetsperioden kan inte sluta före det år den börjar.' });
  }
  if (targetYear !== null && validFromYear !== null && targetYear < validFromYear) {
    problems.push({ field: 'targetYear', message: 'Målåret kan inte ligga före giltighetsperiodens början.' });
  }
  return problems;
}
