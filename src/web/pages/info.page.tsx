import type { CollaborationView } from '../../app/collaboration.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';

/** What the service is, where its data comes from, and its licence. */
export function AboutPage({ view }: { view: CollaborationView }) {
  const t = texts().about;
  return (
    <Layout title={t.title} description={t.description} current="/om">
      <h1>{t.title}</h1>
      <p class="ds-paragraph">{t.intro}</p>
      <h2 class="ds-heading" data-size="md">
        {t.dataHeading}
      </h2>
      <p class="ds-paragraph">{t.data(view.collaboration.name)}</p>
      {t.languages && <p class="ds-paragraph">{t.languages}</p>}
      <h2 class="ds-heading" data-size="md">
        {t.openSourceHeading}
      </h2>
      <p class="ds-paragraph">{t.openSource}</p>
      <h2 class="ds-heading" data-size="md">
        {t.apiHeading}
      </h2>
      <p class="ds-paragraph">
        {t.apiBefore}{' '}
        <a class="ds-link" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        .
      </p>
    </Layout>
  );
}

/** Tillgänglighetsredogörelse, as the law on accessibility of digital public services requires. */
export function AccessibilityPage() {
  const t = texts().about;
  return (
    <Layout title={t.accessibilityTitle} description={t.accessibilityDescription}>
      <h1>{t.accessibilityTitle}</h1>
      <p class="ds-paragraph">{t.accessibilityIntro}</p>
      <h2 class="ds-heading" data-size="md">
        {t.howAccessibleHeading}
      </h2>
      <p class="ds-paragraph">{t.howAccessible}</p>
      <h2 class="ds-heading" data-size="md">
        {t.knownIssuesHeading}
      </h2>
      <p class="ds-paragraph">{t.knownIssues}</p>
      {t.knownIssuesEnglish && <p class="ds-paragraph">{t.knownIssuesEnglish}</p>}
      <h2 class="ds-heading" data-size="md">
        {t.contactHeading}
      </h2>
      <p class="ds-paragraph">{t.contact}</p>
    </Layout>
  );
}
