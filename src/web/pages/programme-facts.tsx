import type { ProgrammeStatus } from '../../domain/programme/programme-status.js';
import type { ProgrammeSummary } from '../../domain/programme/programme.js';
import { DocumentLinks } from '../components/document-links.js';
import { StatusTag } from '../components/status-tag.js';
import { memosPath, programmeDocumentPath } from '../document-paths.js';
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

export interface ProgrammeDocumentsProps {
  programme: Pick<ProgrammeSummary, 'slug' | 'state'>;
  /** Whether the viewer may read the members' memos (a signed-in person with a role). */
  mayReadMemos: boolean;
  /** Whether this server can make PDFs (it has Chromium). */
  pdfAvailable: boolean;
}

/**
 * The programme document as a page, a Word file and a PDF; and, for a proposed version and a viewer with
 * a role, the members' memos to their boards. Each link names the document, so it makes sense on its own.
 */
export function ProgrammeDocuments({ programme, mayReadMemos, pdfAvailable }: ProgrammeDocumentsProps) {
  return (
    <section aria-labelledby="dokument-rubrik">
      <h2 class="ds-heading" data-size="sm" id="dokument-rubrik">
        Dokument
      </h2>
      <DocumentLinks
        name="Programdokumentet"
        path={(format) => programmeDocumentPath(programme.slug, format)}
        pdfAvailable={pdfAvailable}
      />
      {programme.state === 'proposed' && mayReadMemos && (
        <p class="ds-paragraph">
          <a class="ds-link" href={memosPath(programme.slug)}>
            Tjänsteskrivelser till kommunstyrelserna
          </a>
        </p>
      )}
    </section>
  );
}
