/** Which programme's goals the plans serve, and why when it is not the programme in force. */
import type { PlanProgramme } from '../../app/plans/plan-programme.js';
import type { Programme } from '../../domain/programme/programme.js';

export interface ProgrammeNoteProps {
  /** The programme new plans serve (programmeForPlans); undefined when none has goals. */
  target: PlanProgramme | undefined;
  /** The plan's own programme, when the note is about an existing plan. */
  programme?: Pick<Programme, 'id' | 'name' | 'slug'>;
}

export function ProgrammeNote({ target, programme }: ProgrammeNoteProps) {
  const served = programme ?? target?.programme;
  if (!served)
    return (
      <p class="ds-alert" data-color="warning">
        Det finns inget program med registrerade mål. Planernas aktiviteter ska bidra till programmets mål, så
        programmet och dess mål behöver registreras först.
      </p>
    );
  const skipped = target && target.programme.id === served.id ? target.inForceWithoutGoals : null;
  return (
    <p class="ds-paragraph programme-note">
      Aktiviteterna bidrar till målen i{' '}
      <a class="ds-link" href={`/program/${served.slug}`}>
        {served.name}
      </a>
      .
      {skipped && (
        <>
          {' '}
          Programmet som gäller, {skipped}, har inga registrerade mål i tjänsten, så planerna följer målen i det senaste
          programmet som har det.
        </>
      )}
    </p>
  );
}
