/**
 * GOV.UK's error summary pattern on Designsystemet's styling: one box above the form that names
 * every problem and links to the field, so keyboard and screen-reader users can jump straight to it.
 * Without client JavaScript nothing moves focus here; role="alert" makes screen readers announce it
 * when the page with errors loads.
 */

/** One validation problem: `field` is the id of the control (for radios, the first radio's id). */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly FieldProblem[];
  /** Defaults to "Det finns fel i formuläret". */
  title?: string;
}

export const ERROR_SUMMARY_ID = 'felsammanfattning';

/** Renders nothing when there are no errors, so pages can always include it. */
export function ErrorSummary({ errors, title = 'Det finns fel i formuläret' }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  return (
    <div
      class="ds-error-summary error-summary"
      id={ERROR_SUMMARY_ID}
      role="alert"
      aria-labelledby={`${ERROR_SUMMARY_ID}-rubrik`}
    >
      <h2 class="ds-heading" data-size="xs" id={`${ERROR_SUMMARY_ID}-rubrik`}>
        {title}
      </h2>
      <ul class="ds-list">
        {errors.map((problem) => (
          <li>
            <a class="ds-link" href={`#${problem.field}`}>
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message for one field, to pass as a form field's `error`; undefined when it has none. */
export function errorFor(errors: readonly FieldProblem[], field: string): string | undefined {
  return errors.find((problem) => problem.field === field)?.message;
}
