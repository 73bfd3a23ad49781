import type { ProgrammeStatus } from '../../domain/programme/programme-status.js';
import type { ProgrammeSummary } from '../../domain/programme/programme.js';
import { StatusTag } from '../components/status-tag.js';
import { inForceText, statusLabel, targetYearText, validityText } from '../present.js';

export interface ProgrammeFactsProps {
  programme: ProgrammeSummary;
  status: ProgrammeStatus;
  predecessors?: ProgrammeSummary[];
  successors?: ProgrammeSummary[];
}

const ProgrammeLink = ({ p }: { p: ProgrammeSummary }) => (
  <a class="ds-link" href={`/program/${p.slug}`}>
    {p.name} ({p.slug})
  </a>
);

/** The key facts of a programme as a description list: status, years, lineage, source. */
export function ProgrammeFacts({ programme, status, predecessors = [], successors = [] }: ProgrammeFactsProps) {
  const replaces = predecessors.find((p) => p.id === programme.replacesProgrammeId);
  const derivedFrom = predecessors.find((p) => p.id === programme.derivedFromProgrammeId);
  return (
    <dl class="facts">
      <dt>Status</dt>
      <dd>
        <StatusTag kind={status.kind} label={statusLabel(status)} /> {inForceText(status)}
      </dd>
      <dt>Målår</dt>
      <dd>{targetYearText(programme)}</dd>
      <dt>Giltighetsperiod</dt>
      <dd>{validityText(programme)}</dd>
      <dt>Antas av</dt>
      <dd>{programme.adoptionRule === 'all_members' ? 'Varje medlemskommuns kommunstyrelse' : 'Samarbetskommittén'}</dd>
      {replaces && (
        <>
          <dt>Ersätter</dt>
          <dd>
            <ProgrammeLink p={replaces} />
          </dd>
        </>
      )}
      {derivedFrom && derivedFrom !== replaces && (
        <>
          <dt>Bygger på</dt>
          <dd>
            <ProgrammeLink p={derivedFrom} />
          </dd>
        </>
      )}
      {successors.length > 0 && (
        <>
          <dt>Efterföljare</dt>
          <dd>
            <ul class="plain-list">
              {successors.map((s) => (
                <li>
                  <ProgrammeLink p={s} />
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {programme.source && (
        <>
          <dt>Källa</dt>
          <dd>{programme.source}</dd>
        </>
      )}
    </dl>
  );
}
