/**
 * The catalogue of domain errors. Each has a stable code (used by the API and tests)
 * and a Swedish message written for the person who caused it. HTTP status mapping
 * lives in one place: src/http/error-mapping.ts.
 */
export type DomainErrorCode =
  | 'not_found'
  | 'validation_failed'
  | 'not_a_draft'
  | 'not_proposable'
  | 'not_proposed'
  | 'foreign_member'
  | 'conflict'
  | 'rate_limited'
  | 'unauthenticated'
  | 'forbidden';

export interface FieldProblem {
  /** The form field or JSON path the problem belongs to, e.g. `name` or `goals.3.statement.klimat`. */
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly problems: FieldProblem[];

  constructor(code: DomainErrorCode, message: string, problems: FieldProblem[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.problems = problems;
  }
}

export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} finns inte.`);

export const validationFailed = (problems: FieldProblem[]): DomainError =>
  new DomainError(
    'validation_failed',
    problems.length === 1
      ? 'Uppgifterna innehåller ett fel. Rätta det och försök igen.'
      : `Uppgifterna innehåller ${problems.length} fel. Rätta dem och försök igen.`,
    problems,
  );

export const forbidden = (): DomainError =>
  new DomainError(
    'forbidden',
    'Du har inte behörighet att göra det här. Kontakta samverkans sekretariat om du behöver den.',
  );

export const unauthenticated = (): DomainError =>
  new DomainError('unauthenticated', 'Du behöver logga in för att göra det här.');
