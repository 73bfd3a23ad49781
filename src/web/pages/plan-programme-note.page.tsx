/** Which programme's goals the plans serve, and why when it is not the programme in force. */
import type { PlanProgramme } from '../../app/plans/plan-programme.js';
import type { Programme } from '../../domain/programme/programme.js';
import { ContentText, SwedishData } from '../components/content-text.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';

export interface ProgrammeNoteProps {
  /** The programme new plans serve (programmeForPlans); undefined when none has goals. */
  target: PlanProgramme | undefined;
  /** The plan's own programme, when the note is about an existing plan. */
  programme?: Pick<Programme, 'id' | 'name' | 'slug' | 'nameEn'>;
}

export function ProgrammeNote({ target, programme }: ProgrammeNoteProps) {
  const t = texts().plans;
  const served = programme ?? target?.programme;
  if (!served)
    return (
      <p class="ds-alert" data-color="warning">
        {t.noProgrammeWithGoals}
      </p>
    );
  const skipped = target && target.programme.id === served.id ? target.inForceWithoutGoals : null;
  return (
    <p class="ds-paragraph programme-note">
      {t.contributesTo}{' '}
      <a class="ds-link" href={localized(`/program/${served.slug}`)}>
        <ContentText sv={served.name} en={served.nameEn} />
      </a>
      .
      {skipped && (
        <>
          {t.inForceWithoutGoals[0]}
          <SwedishData>{skipped}</SwedishData>
          {t.inForceWithoutGoals[1]}
        </>
      )}
    </p>
  );
}
