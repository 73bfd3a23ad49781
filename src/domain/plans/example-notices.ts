/**
 * No real plan content of the cooperation is available, so the demo carries invented example plans.
 * Every page, export, e-mail and API answer that shows one, or figures derived from one, says so with
 * these words.
 */

/** Wherever an invented example plan is shown. */
export const EXAMPLE_PLAN_NOTICE =
  'Exempel: planen är påhittad för att visa tjänsten; den är inte samverkans verkliga plan.';

/** For figures derived from one or more example plans (roll-ups, the annual report, late lists). */
export const EXAMPLE_FIGURES_NOTICE =
  'Exempel: uppgifterna bygger på påhittade exempelplaner som visar tjänsten; de är inte samverkans verkliga planer.';
