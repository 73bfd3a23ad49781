import type { ProgrammeStatus } from '../../domain/programme/programme-status.js';
import type { ProgrammeSummary } from '../../domain/programme/programme.js';
import { ContentText, swedishData } from '../components/content-text.js';
import { DocumentLinks } from '../components/document-links.js';
import { StatusTag } from '../components/status-tag.js';
import { memosPath, programmeDocumentPath } from '../document-paths.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';

export interface ProgrammeFactsProps {
  programme: ProgrammeSummary;
  status: ProgrammeStatus;
  predecessors?: ProgrammeSummary[];
  successors?: ProgrammeSummary[];
}

/** A link to a programme's page in the page's language, named by the programme (and its address). */
export const ProgrammeLink = ({ p }: { p: Pick<ProgrammeSummary, 'slug' | 'name' | 'nameEn'> }) => (
  <a class="ds-link" href={localized(`/program/${p.slug}`)}>
    <ContentText sv={p.name} en={p.nameEn} /> ({p.slug})
  </a>
);

/** The key facts of a programme as a description list: status, years, lineage, source. */
export function ProgrammeFacts({ programme, status, predecessors = [], successors = [] }: ProgrammeFactsProps) {
  const t = texts();
  const f = t.programme.facts;
  const replaces = predecessors.find((p) => p.id === programme.replacesProgrammeId);
  const derivedFrom = predecessors.find((p) => p.id === programme.derivedFromProgrammeId);
  return (
    <dl class="facts">
      <dt>{f.status}</dt>
      <dd>
        <StatusTag kind={status.kind} label={t.common.statusLabel(status)} /> {t.common.inForce(status)}
      </dd>
      <dt>{f.targetYear}</dt>
      <dd>{t.common.targetYear(programme.targetYear)}</dd>
      <dt>{f.validity}</dt>
      <dd>{t.common.validity(programme.validFromYear, programme.validToYear)}</dd>
      <dt>{f.adoptedBy}</dt>
      <dd>{programme.adoptionRule === 'all_members' ? f.byEachBoard : f.byCommittee}</dd>
      {replaces && (
        <>
          <dt>{f.replaces}</dt>
          <dd>
            <ProgrammeLink p={replaces} />
          </dd>
        </>
      )}
      {derivedFrom && derivedFrom !== replaces && (
        <>
          <dt>{f.derivedFrom}</dt>
          <dd>
            <ProgrammeLink p={derivedFrom} />
          </dd>
        </>
      )}
      {successors.length > 0 && (
        <>
          <dt>{f.successors}</dt>
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
          <dt>{f.source}</dt>
          <dd lang={swedishData()}>{programme.source}</dd>
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
 * The documents are Swedish (their addresses have no English version).
 */
export function ProgrammeDocuments({ programme, mayReadMemos, pdfAvailable }: ProgrammeDocumentsProps) {
  const t = texts().programme;
  return (
    <section aria-labelledby="dokument-rubrik">
      <h2 class="ds-heading" data-size="sm" id="dokument-rubrik">
        {t.documentsHeading}
      </h2>
      <DocumentLinks
        name={t.programmeDocument}
        path={(format) => programmeDocumentPath(programme.slug, format)}
        pdfAvailable={pdfAvailable}
      />
      {programme.state === 'proposed' && mayReadMemos && (
        <p class="ds-paragraph">
          <a class="ds-link" href={memosPath(programme.slug)}>
            {t.memosLink}
          </a>
        </p>
      )}
    </section>
  );
}
