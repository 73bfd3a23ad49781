/**
 * What the consultation's pages share: the facts box, the texts on public records and the service's rules
 * (BBS-lagen 3 §), and a part's thread of comments with the published answers.
 */
import type { PublicComment } from '../../app/consultation/consultation-access.js';
import {
  answersFor,
  type Answer,
  type Consultation,
  type ConsultationPhase,
  type Theme,
} from '../../domain/consultation/consultation.js';
import type { ProgrammePart } from '../../domain/consultation/parts.js';
import type { Programme } from '../../domain/programme/programme.js';
import { commentAnchor, reportCommentPath } from '../consultation-paths.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';

export function ConsultationFacts({
  programme,
  consultation,
  phase,
}: {
  programme: Programme;
  consultation: Consultation;
  phase: ConsultationPhase;
}) {
  const t = texts().consultation;
  return (
    <dl class="facts">
      <dt>{t.programmeTerm}</dt>
      <dd>{t.versionText(programme.name, programme.version)}</dd>
      <dt>{t.periodTerm}</dt>
      <dd>{t.period(consultation.startDate, consultation.endDate)}</dd>
      <dt>{t.statusTerm}</dt>
      <dd>{t.phaseLabel[phase]}</dd>
      <dt>{t.responsibleTerm}</dt>
      <dd>{consultation.responsible}</dd>
    </dl>
  );
}

/** Public records and personal data, then who runs the service and its rules. */
export function ConsultationRules({ responsible, service }: { responsible: string; service: string }) {
  const t = texts().consultation;
  return (
    <>
      <section aria-labelledby="handlingar-rubrik">
        <h2 class="ds-heading" data-size="sm" id="handlingar-rubrik">
          {t.recordsHeading}
        </h2>
        {t.recordsText(responsible).map((p) => (
          <p class="ds-paragraph">{p}</p>
        ))}
      </section>
      <section aria-labelledby="regler-rubrik">
        <h2 class="ds-heading" data-size="sm" id="regler-rubrik">
          {t.rulesHeading}
        </h2>
        {t.rulesText(responsible, service).map((p) => (
          <p class="ds-paragraph">{p}</p>
        ))}
      </section>
    </>
  );
}

/** The part's heading text, in the page's language around the programme's own (Swedish) words. */
export const partTitle = (part: ProgrammePart): string =>
  texts().consultation.partHeading(part.kind, part.text.trim(), part.number);

export function AnswerBlock({ answer, theme }: { answer: Answer; theme: Theme | undefined }) {
  const t = texts().consultation;
  return (
    <div class="panel">
      <p class="ds-paragraph">
        <strong>{theme ? t.themeAnswer(theme.title) : t.answerHeading}</strong> ({t.outcome[answer.outcome]})
      </p>
      {answer.body.split(/\n\s*\n/).map((p) => (
        <p class="ds-paragraph">{p}</p>
      ))}
    </div>
  );
}

/**
 * The comments of one part, oldest first, each with its published answers and a link to report it. A
 * hidden comment is shown as hidden, without name or text. `headingLevel` is the comments' own level.
 */
export function CommentThread({
  slug,
  comments,
  answers,
  themes,
  headingLevel,
}: {
  slug: string;
  comments: readonly PublicComment[];
  answers: readonly Answer[];
  themes: readonly Theme[];
  headingLevel: 3 | 4 | 5 | 6;
}) {
  const t = texts().consultation;
  if (comments.length === 0) return <p class="ds-paragraph meta">{t.noComments}</p>;
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <ol class="plain-list">
      {comments.map((c) => (
        <li>
          <article id={commentAnchor(c.id)} aria-labelledby={`${commentAnchor(c.id)}-rubrik`}>
            {c.status === 'hidden' ? (
              <Heading class="ds-heading" data-size="2xs" id={`${commentAnchor(c.id)}-rubrik`}>
                {t.hiddenComment}
              </Heading>
            ) : (
              <>
                <Heading class="ds-heading" data-size="2xs" id={`${commentAnchor(c.id)}-rubrik`}>
                  {t.commentBy(c.displayName, c.publishedAt.slice(0, 10))}
                </Heading>
                {c.body.split(/\n\s*\n/).map((p) => (
                  <p class="ds-paragraph">{p}</p>
                ))}
                {answersFor(c, answers).map((a) => (
                  <AnswerBlock answer={a} theme={themes.find((th) => th.id === a.themeId)} />
                ))}
                <p class="ds-paragraph meta">
                  <a class="ds-link" href={localized(reportCommentPath(slug, c.id))}>
                    {t.report}
                    <span class="ds-sr-only">{t.reportHidden(c.displayName)}</span>
                  </a>
                </p>
              </>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}

/** Each comment's number: its place among the comments that reached the consultation, as in the report's annex. */
export function commentNumbers(comments: readonly { id: number; status: string }[]): Map<number, number> {
  const ids = comments
    .filter((c) => c.status !== 'unconfirmed')
    .map((c) => c.id)
    .sort((a, b) => a - b);
  return new Map(ids.map((id, i) => [id, i + 1]));
}
