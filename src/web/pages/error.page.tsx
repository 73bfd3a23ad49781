import { currentLocale, localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout, renderPage } from '../layout.js';

export interface ErrorPageProps {
  status: number;
  /** What went wrong, in Swedish (the domain's messages are Swedish); marked as Swedish on English pages. */
  message?: string;
  correlationId?: string;
}

/** The page for every error: what happened, what to do; a correlation id for 500, never internals. */
export function renderErrorPage({ status, message, correlationId }: ErrorPageProps): string {
  const t = texts().errors;
  const title = t.titles[status] ?? t.otherTitle;
  const english = currentLocale() !== 'sv';
  return renderPage(
    <Layout title={title} description={t.description(title)} canonical={false}>
      <h1>{title}</h1>
      {status === 404 && (!message || english) && <p class="ds-paragraph">{t.notFoundHint}</p>}
      {message &&
        (english ? (
          <p class="ds-paragraph">
            {t.messageInSwedish} <span lang="sv">{message}</span>
          </p>
        ) : (
          <p class="ds-paragraph">{message}</p>
        ))}
      {status === 500 && (
        <>
          <p class="ds-paragraph">{t.tryAgainLater}</p>
          <p class="ds-paragraph">
            {t.errorCode} <code>{correlationId}</code>
          </p>
        </>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={localized('/')}>
          {t.toStartPage}
        </a>
      </p>
    </Layout>,
  );
}
