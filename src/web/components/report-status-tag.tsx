import type { RollupStatus } from '../../domain/plans/rollup.js';
import { texts } from '../i18n/texts.js';

/** Designsystemet colours of the tags; the word in the tag is what says the status. */
const STATUS_COLOURS: Record<RollupStatus, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'danger',
  not_reported: 'neutral',
};

/**
 * A report's status as a tag in words: "Grön", "Gul", "Röd", or "Ej rapporterad" (or the `words` a page
 * gives, e.g. the residents' pages' "Ingen rapport").
 */
export function ReportStatusTag({
  status,
  words = texts().results.status,
}: {
  status: RollupStatus;
  words?: Record<RollupStatus, string>;
}) {
  return (
    <span
      class="ds-tag report-status"
      data-color={STATUS_COLOURS[status]}
      data-variant={status === 'not_reported' ? 'outline' : undefined}
      data-status={status}
    >
      {words[status]}
    </span>
  );
}
