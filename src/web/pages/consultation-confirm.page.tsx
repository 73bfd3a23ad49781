/**
 * The page a confirmation link opens: the comment as it will be shown, and a button that publishes it.
 * A button rather than the link itself, so that a mail program that opens links to check them publishes
 * nothing.
 */
import type { ConfirmationView } from '../../app/consultation/comments.js';
import { Button } from '../components/button.js';
import { confirmCommentPath } from '../consultation-paths.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { partTitle } from './consultation-parts.js';

export function ConsultationConfirmPage({ view, token }: { view: ConfirmationView; token: string }) {
  const t = texts().consultation;
  return (
    <Layout title={t.confirmTitle} description={t.description(view.programme.name)} current="/program">
      <h1>{t.confirmTitle}</h1>
      <p class="ds-paragraph">{t.confirmIntro}</p>
      <dl class="facts">
        <dt>{t.programmeTerm}</dt>
        <dd>{view.programme.name}</dd>
        <dt>{t.partKind[view.part.kind]}</dt>
        <dd>{partTitle(view.part)}</dd>
        <dt>{t.displayName}</dt>
        <dd>{view.comment.displayName}</dd>
      </dl>
      <section aria-labelledby="kommentaren-rubrik" class="panel">
        <h2 class="ds-heading" data-size="xs" id="kommentaren-rubrik">
          {t.commentHeading}
        </h2>
        {view.comment.body.split(/\n\s*\n/).map((p) => (
          <p class="ds-paragraph">{p}</p>
        ))}
      </section>
      <form method="post" action={localized(confirmCommentPath(token))}>
        <Button>{t.confirmButton}</Button>
      </form>
    </Layout>
  );
}
