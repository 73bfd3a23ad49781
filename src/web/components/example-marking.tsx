/** The marks of invented example plans: a tag beside a plan's name and a notice atop the page. */
import { texts } from '../i18n/texts.js';

export function ExampleTag() {
  return (
    <span class="ds-tag example-tag" data-color="warning">
      {texts().common.exampleTag}
    </span>
  );
}

/** At the top of a page that shows an example plan (`plan`) or figures derived from example plans. */
export function ExampleNotice({ of }: { of: 'plan' | 'figures' }) {
  return (
    <p class="ds-alert example-notice" data-color="warning">
      {of === 'plan' ? texts().common.examplePlanNotice : texts().common.exampleFiguresNotice}
    </p>
  );
}
