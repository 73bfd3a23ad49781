/**
 * What stops a draft from being proposed, when the propose button was refused: every problem links to
 * the place it is fixed (mostly a goal's form, at the missing statement). Also the page for a propose
 * that came too late (already proposed) or from a stale page (someone else changed the draft).
 */
import type { DomainErrorCode, FieldProblem } from '../../domain/errors.js';
import type { ProgrammeSummary } from '../../domain/programme/programme.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ButtonLink } from '../components/button.js';
import { ERROR_SUMMARY_ID } from '../components/error-summary.js';
import { Layout } from '../layout.js';
import { VersionField } from './draft-form-parts.page.js';

/** Where a proposal problem (`goals.6.statements.4`, `targetYear`, ...) is fixed. */
export function proposalProblemHref(slug: string, field: string): string {
  const statement = /^goals\.(\d+)\.statements\.(\d+)$/.exec(field);
  if (statement) return `/program/${slug}/mal/${statement[1]}#statement-${statement[2]}`;
  const goalField = /^goals\.(\d+)\.(\w+)$/.exec(field);
  if (goalField) return `/program/${slug}/mal/${goalField[1]}#${goalField[2]}`;
  const emptyArea = /^focusAreas\.(\d+)\.goals$/.exec(field);
  if (emptyArea) return `/program/${slug}/mal/nytt?omrade=${emptyArea[1]}`;
  if (field === 'perspectives') return `/program/${slug}/redigera#perspektiv`;
  if (field === 'focusAreas') return `/program/${slug}/redigera#omraden`;
  return `/program/${slug}/redigera#${field}`;
}

export interface ProposeRefusedPageProps {
  programme: Pick<ProgrammeSummary, 'slug' | 'name' | 'version' | 'state'>;
  code: DomainErrorCode;
  message: string;
  problems: FieldProblem[];
}

export function ProposeRefusedPage({ programme, code, message, problems }: ProposeRefusedPageProps) {
  const title = 'Programmet kunde inte föreslås';
  const listed = code === 'not_proposable' ? problems : [];
  return (
    <Layout
      title={`Fel: ${title}`}
      description="Varför utkastet inte kunde föreslås: de mål som saknar en redovisning av hur de bidrar till de genomgående perspektiven."
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: '/', label: 'Start' },
          { href: '/program', label: 'Program' },
          { href: `/program/${programme.slug}`, label: programme.name },
        ]}
        current="Föreslå"
      />
      <h1>{title}</h1>
      <div
        class="ds-error-summary error-summary"
        id={ERROR_SUMMARY_ID}
        role="alert"
        aria-labelledby={`${ERROR_SUMMARY_ID}-rubrik`}
      >
        <h2 class="ds-heading" data-size="xs" id={`${ERROR_SUMMARY_ID}-rubrik`}>
          {message}
        </h2>
        {listed.length > 0 && (
          <ul class="ds-list">
            {listed.map((problem) => (
              <li>
                <a class="ds-link" href={proposalProblemHref(programme.slug, problem.field)}>
                  {problem.message}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      {code === 'conflict' && (
        <>
          <p class="ds-paragraph">
            Läs igenom utkastet på programmets sida. Vill du föreslå det som det ser ut nu kan du göra det här.
          </p>
          <form method="post" action={`/program/${programme.slug}/foresla`}>
            <VersionField version={programme.version} />
            <Button>Föreslå programmet som det ser ut nu</Button>
          </form>
        </>
      )}
      <div class="button-group">
        {programme.state === 'draft' ? (
          <ButtonLink href={`/program/${programme.slug}/redigera`}>Redigera utkastet</ButtonLink>
        ) : (
          <ButtonLink href={`/program/${programme.slug}/antagande`}>Antagande och beslut</ButtonLink>
        )}
        <a class="ds-link" href={`/program/${programme.slug}`}>
          Till programmets sida
        </a>
      </div>
    </Layout>
  );
}
