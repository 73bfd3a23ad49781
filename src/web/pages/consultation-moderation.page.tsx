/**
 * The moderators' pages: every comment that reached the consultation, hidden and reported ones first,
 * with its reports and what was done; and one comment's page with the forms to hide or restore it, with
 * the reason its author is told by mail.
 */
import type { ModerationRow, ModerationView } from '../../app/consultation/moderation.js';
import type { FieldProblem } from '../../domain/errors.js';
import { samePart } from '../../domain/consultation/consultation.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { TextArea } from '../components/form-field.js';
import { SavedMessage } from '../components/saved-message.js';
import { consultationPath, moderateCommentPath, moderationPath } from '../consultation-paths.js';
import { formatDateTime } from '../format.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { commentNumbers, partTitle } from './consultation-parts.js';

const crumbs = (view: ModerationView) => {
  const t = texts().consultation;
  const slug = view.programme.slug;
  return [
    { href: localized(`/program/${slug}`), label: view.programme.name },
    { href: localized(consultationPath(slug)), label: t.consultation },
  ];
};

function CommentFacts({ view, row }: { view: ModerationView; row: ModerationRow }) {
  const t = texts().consultation;
  const part = view.parts.find((p) => samePart(p, row.comment.part));
  return (
    <dl class="facts">
      <dt>{t.partKind[row.comment.part.kind]}</dt>
      <dd>{part ? partTitle(part) : ''}</dd>
      <dt>{t.displayName}</dt>
      <dd>{row.comment.displayName}</dd>
      <dt>{t.statusTerm}</dt>
      <dd>
        {t.status[row.comment.status]}
        {row.comment.status === 'hidden' && row.comment.hiddenReason && ` (${row.comment.hiddenReason})`}
      </dd>
      <dt>{t.reportsHeading}</dt>
      <dd>
        {t.reportCount(row.comment.reportCount)}
        {row.reports.length > 0 && `: ${[...new Set(row.reports.map((r) => t.reasons[r.reason]))].join(', ')}`}
      </dd>
      <dt>{t.publishedTerm}</dt>
      <dd>{formatDateTime(row.comment.confirmedAt ?? row.comment.createdAt)}</dd>
    </dl>
  );
}

export function ConsultationModerationPage({ view }: { view: ModerationView }) {
  const t = texts().consultation;
  const title = t.moderationTitle(view.programme.name);
  const numbers = commentNumbers(view.rows.map((r) => r.comment));
  const unconfirmed = t.unconfirmed(view.unconfirmed);
  return (
    <Layout title={title} description={title} current="/program">
      <Breadcrumbs items={crumbs(view)} current={t.moderationLink} />
      <h1>{title}</h1>
      <p class="ds-paragraph">{t.moderationIntro}</p>
      {unconfirmed && <p class="ds-paragraph meta">{unconfirmed}</p>}
      {view.rows.length === 0 && <p class="ds-paragraph">{t.noCommentsYet}</p>}
      <ol class="plain-list">
        {view.rows.map((row) => {
          const n = numbers.get(row.comment.id)!;
          return (
            <li>
              <section class="panel" aria-labelledby={`moderera-${row.comment.id}`}>
                <h2 class="ds-heading" data-size="xs" id={`moderera-${row.comment.id}`}>
                  {t.commentNumber(n)}: {t.status[row.comment.status]},{' '}
                  {t.reportCount(row.comment.reportCount).toLowerCase()}
                </h2>
                <CommentFacts view={view} row={row} />
                <p class="ds-paragraph">{row.comment.body}</p>
                <p class="ds-paragraph">
                  <a class="ds-link" href={localized(moderateCommentPath(view.programme.slug, row.comment.id))}>
                    {t.review}
                    <span class="ds-sr-only">{t.reviewHidden(n)}</span>
                  </a>
                </p>
              </section>
            </li>
          );
        })}
      </ol>
    </Layout>
  );
}

export interface ModerateCommentPageProps {
  view: ModerationView;
  row: ModerationRow;
  /** Which form failed, with its problems. */
  failed?: { action: 'hide' | 'restore'; problems: readonly FieldProblem[]; reason: string } | undefined;
  message?: string | undefined;
}

export function ModerateCommentPage({ view, row, failed, message }: ModerateCommentPageProps) {
  const t = texts().consultation;
  const numbers = commentNumbers(view.rows.map((r) => r.comment));
  const n = numbers.get(row.comment.id)!;
  const title = t.moderateTitle(n);
  const hidden = row.comment.status === 'hidden';
  const path = moderateCommentPath(view.programme.slug, row.comment.id);
  const problems = (failed?.problems ?? []).map((p) => ({ ...p, field: `${failed!.action}-reason` }));
  const form = (action: 'hide' | 'restore', heading: string, button: string) => (
    <section aria-labelledby={`${action}-rubrik`}>
      <h2 class="ds-heading" data-size="sm" id={`${action}-rubrik`}>
        {heading}
      </h2>
      <form method="post" action={localized(`${path}/${action === 'hide' ? 'dolj' : 'visa'}`)} novalidate>
        <TextArea
          id={`${action}-reason`}
          name="reason"
          label={t.moderationReason}
          hint={t.moderationReasonHint}
          rows={3}
          value={failed?.action === action ? failed.reason : ''}
          error={errorFor(problems, `${action}-reason`)}
        />
        <Button variant={action === 'hide' ? undefined : 'secondary'}>{button}</Button>
      </form>
    </section>
  );
  return (
    <Layout title={problems.length > 0 ? t.errorTitle(title) : title} description={title} current="/program">
      <Breadcrumbs
        items={[...crumbs(view), { href: localized(moderationPath(view.programme.slug)), label: t.moderationLink }]}
        current={title}
      />
      <h1>{title}</h1>
      <SavedMessage text={message} />
      <ErrorSummary errors={problems} />
      <CommentFacts view={view} row={row} />
      <section class="panel" aria-labelledby="kommentaren-rubrik">
        <h2 class="ds-heading" data-size="xs" id="kommentaren-rubrik">
          {t.commentHeading}
        </h2>
        {row.comment.body.split(/\n\s*\n/).map((p) => (
          <p class="ds-paragraph">{p}</p>
        ))}
      </section>
      <h2 class="ds-heading" data-size="sm">
        {t.reportsHeading}
      </h2>
      {row.reports.length === 0 ? (
        <p class="ds-paragraph">{t.noReports}</p>
      ) : (
        <ul class="ds-list">
          {row.reports.map((r) => (
            <li>
              {formatDateTime(r.createdAt)}: {t.reasons[r.reason]}
              {r.details && ` – ${r.details}`}
            </li>
          ))}
        </ul>
      )}
      <h2 class="ds-heading" data-size="sm">
        {t.historyHeading}
      </h2>
      {row.history.length === 0 ? (
        <p class="ds-paragraph">{t.noHistory}</p>
      ) : (
        <ul class="ds-list">
          {row.history.map((h) => (
            <li>{t.historyLine(t.action[h.action], h.actorName, formatDateTime(h.createdAt), h.reason)}</li>
          ))}
        </ul>
      )}
      {hidden ? (
        <>
          {form('restore', t.restoreHeading, t.restoreButton)}
          {/* Hidden by reports: the moderator may also confirm it, telling the author why. */}
          {row.history.at(-1)?.action === 'auto_hidden' && form('hide', t.hideConfirmHeading, t.keepHiddenButton)}
        </>
      ) : (
        form('hide', t.hideHeading, t.hideButton)
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={localized(moderationPath(view.programme.slug))}>
          {t.toModeration}
        </a>
      </p>
    </Layout>
  );
}
